import { setTimeout as sleep } from "node:timers/promises";
import { ScanCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createS3Client, listObjectKeys } from "@strategist/storage";
import type { LocalBedrock } from "@strategist/local-bedrock";
import type { StrategyRecord } from "@strategist/schemas";
import type { Verdict } from "./checks";
import { scriptPlan } from "./exports";
import { call, outcomeName, type CallOutcome } from "./client";
import type { Random } from "./random";
import type { SoakUser } from "./traffic";

/** Users whose strategies are made only to be deleted while writes of them run; the other checks leave them out. */
export const DELETER_PREFIX = "soak-deleter-";

/** The writes that race a delete of their strategy. */
const RACING_WRITES = ["plan", "refine", "regenerate", "image"] as const;

/** A strategy made to be deleted, and what its delete and the writes racing it answered. */
interface DoomedStrategy {
  user: SoakUser;
  strategyId: string;
  deletes: string[];
  writes: { write: string; outcome: string }[];
}

/**
 * Delete-race traffic of one user until the deadline: generate a strategy (with the clean model), then send some of a
 * plan (the planner model, scripted), a refine, a regenerate and an image job for it at once, and DELETE it 0-120 ms
 * later. Every strategy made is
 * recorded, whatever its delete answered: the check after the run wants nothing of any of them left.
 */
export async function runDeleteRaces(options: {
  baseUrl: string;
  user: SoakUser;
  cleanModel: string;
  bedrock: LocalBedrock;
  random: Random;
  until: number;
}): Promise<DoomedStrategy[]> {
  const { baseUrl, user, cleanModel, bedrock, random, until } = options;
  const doomed: DoomedStrategy[] = [];
  while (Date.now() < until) {
    const created = await call(`${baseUrl}/api/strategy/generate`, {
      method: "POST",
      token: user.token,
      body: { brand_name: "Soak Doomed", industry: "Bakery", target_audience: "Neighbours", goals: "Sell more bread", model: cleanModel },
      timeoutMs: 15_000,
    });
    if (!("status" in created) || created.status !== 200) {
      await sleep(random.int(100, 400));
      continue;
    }
    const record = created.body as StrategyRecord;
    const strategyId = record.id;
    const strategy: DoomedStrategy = { user, strategyId, deletes: [], writes: [] };
    doomed.push(strategy);
    const planBody = random.chance(0.7) ? scriptPlan(bedrock, record) : undefined;
    const bodies: Record<(typeof RACING_WRITES)[number], { path: string; body?: object }> = {
      plan: { path: "plan", body: planBody },
      refine: { path: "refine", body: { message: "Make it warmer", model: cleanModel } },
      regenerate: { path: "regenerate", body: { model: cleanModel } },
      image: { path: "images", body: { prompt_index: 0 } },
    };
    const writes = RACING_WRITES.filter((write) => (write === "plan" ? planBody !== undefined : random.chance(0.7))).map(async (write) => {
      const outcome = await call(`${baseUrl}/api/strategy/${strategyId}/${bodies[write].path}`, {
        method: "POST",
        token: user.token,
        body: bodies[write].body,
        timeoutMs: 15_000,
      });
      strategy.writes.push({ write, outcome: outcomeName(outcome) });
    });
    await sleep(random.int(0, 120));
    strategy.deletes.push(outcomeName(await deleteStrategy(baseUrl, user, strategyId)));
    await Promise.all(writes);
    await sleep(random.int(50, 300));
  }
  return doomed;
}

function deleteStrategy(baseUrl: string, user: SoakUser, strategyId: string): Promise<CallOutcome> {
  return call(`${baseUrl}/api/strategy/${strategyId}`, { method: "DELETE", token: user.token, timeoutMs: 15_000 });
}

/** After the run: a strategy whose delete never got an answer (its agent was killed) is deleted once more. */
export async function finishDeletes(baseUrl: string, doomed: DoomedStrategy[]): Promise<void> {
  for (const strategy of doomed.filter((candidate) => !candidate.deletes.some((outcome) => outcome === "204" || outcome === "404"))) {
    strategy.deletes.push(outcomeName(await deleteStrategy(baseUrl, strategy.user, strategy.strategyId)));
  }
}

async function scanAll(client: DynamoDBDocumentClient, table: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: table, ConsistentRead: true, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/**
 * g. A delete leaves nothing: for every strategy made to be deleted, no head, no item under it, no image job, no
 * object, and no job of it readable; refine and regenerate racing a delete answered 200 or 404, never 409 or 5xx.
 */
export async function deletesLeftNothing(options: {
  doomed: DoomedStrategy[];
  client: DynamoDBDocumentClient;
  tables: { strategies: string; items: string; imageJobs: string };
  s3Endpoint: string;
  bucket: string;
}): Promise<Verdict> {
  const { doomed, client, tables } = options;
  const ids = new Set(doomed.map((strategy) => strategy.strategyId));
  const heads = (await scanAll(client, tables.strategies)).filter((item) => ids.has(item.strategyId as string));
  const items = (await scanAll(client, tables.items)).filter((item) => ids.has(item.strategyId as string));
  const jobs = (await scanAll(client, tables.imageJobs)).filter((item) => ids.has(item.strategyId as string));
  const s3 = createS3Client({ region: "us-east-1", endpoint: options.s3Endpoint });
  const objects = (await listObjectKeys(s3, options.bucket)).filter((key) => ids.has(decodeURIComponent(key.split("/")[1] ?? "")));
  s3.destroy();
  const deleted = doomed.filter((strategy) => strategy.deletes.includes("204")).length;
  const writes = doomed.flatMap((strategy) => strategy.writes);
  const changes = writes.filter((write) => write.write === "refine" || write.write === "regenerate");
  // Refine and regenerate of one strategy may also meet each other (409 changed); alone with the delete they may not.
  const wrongChanges = doomed.filter((strategy) => {
    const kinds = strategy.writes.filter((write) => write.write === "refine" || write.write === "regenerate");
    return kinds.length === 1 && !["200", "404"].includes(kinds[0]!.outcome) && !/^(5\d\d|refused|network error|client timeout)$/.test(kinds[0]!.outcome);
  }).length;
  const internalErrors = writes.filter((write) => write.outcome === "500").length;
  const tally = (names: string[]) => {
    const counts = new Map<string, number>();
    for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
    return [...counts].map(([name, n]) => `${name}: ${n}`).join(", ") || "none";
  };
  return {
    check: "g. a delete racing plan, refine, regenerate and image writes leaves nothing of the strategy",
    pass: heads.length + items.length + jobs.length + objects.length + wrongChanges + internalErrors === 0 && deleted === doomed.length,
    numbers:
      `${doomed.length} strategies made to be deleted, ${deleted} deleted (${tally(doomed.flatMap((strategy) => strategy.deletes))}); ` +
      `racing writes ${writes.length} (${tally(writes.map((write) => `${write.write} ${write.outcome}`))}); refine/regenerate alone with the delete ` +
      `answering other than 200/404 ${wrongChanges} of ${changes.length}; 500s ${internalErrors}; left: heads ${heads.length}, items ${items.length}, ` +
      `image jobs ${jobs.length}, objects ${objects.length}`,
  };
}
