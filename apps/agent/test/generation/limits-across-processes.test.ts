import { createDocumentClient, ensureTables, limitsTableDefinition, strategiesTableDefinition, strategyItemsTableDefinition } from "@strategist/dynamo";
import { startEmbeddedDynamo, type EmbeddedDynamo } from "@strategist/dynamo/embedded";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { startLocalBedrock, type LocalBedrock } from "@strategist/local-bedrock";
import { createSigner } from "fast-jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServerProcess, type ServerProcess } from "../support/server-process";
import { VALID_BRIEF } from "../support/harness";

const SECRET = "two-process-secret-0123456789-0123456789-0123";
const sign = createSigner({ key: SECRET, algorithm: "HS256", expiresIn: 3_600_000 });
const PER_MINUTE = 5;
const LEASE_SECONDS = 3;
const STRATEGIES = "strategies-two";

let dynamo: EmbeddedDynamo;
let bedrock: LocalBedrock;
let agents: ServerProcess[] = [];

beforeAll(async () => {
  dynamo = await startEmbeddedDynamo();
  bedrock = await startLocalBedrock();
  bedrock.setDefault({ kind: "answer", chunkDelayMs: 0 });
  // Tables first, so the two processes do not race to create them.
  const client = createDocumentClient({ region: "us-east-1", endpoint: dynamo.endpoint });
  await ensureTables(client, [strategiesTableDefinition(STRATEGIES), strategyItemsTableDefinition("strategy-items-two"), limitsTableDefinition("limits-two")]);
  client.destroy();
  const env = {
    JWT_SECRET: SECRET,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    DYNAMODB_STRATEGIES_TABLE: STRATEGIES,
    DYNAMODB_STRATEGY_ITEMS_TABLE: "strategy-items-two",
    DYNAMODB_LIMITS_TABLE: "limits-two",
    MODEL_PROVIDER: "bedrock",
    BEDROCK_ENDPOINT: bedrock.endpoint,
    AWS_ACCESS_KEY_ID: "local",
    AWS_SECRET_ACCESS_KEY: "local",
    RATE_LIMIT_PER_MINUTE: String(PER_MINUTE),
    MAX_CONCURRENT_GENERATIONS_PER_USER: "1",
    GENERATION_LEASE_SECONDS: String(LEASE_SECONDS),
    // Tables other capabilities add are created by the processes themselves (creation is idempotent).
    DYNAMODB_CREATE_TABLES: "true",
  };
  // Two real agent processes (the entry point, `src/main/server.ts`) on one DynamoDB.
  agents = await Promise.all([startServerProcess(env), startServerProcess(env)]);
}, 120_000);

afterAll(async () => {
  for (const agent of agents) agent.child.kill("SIGKILL");
  await Promise.all(agents.map((agent) => agent.exited));
  await bedrock.close();
  await dynamo.close();
});

function generate(agent: ServerProcess, userId: string): Promise<Response> {
  return fetch(`${agent.url}/api/strategy/generate`, {
    method: "POST",
    headers: { authorization: `Bearer ${sign({ userId })}`, "content-type": "application/json" },
    body: JSON.stringify(VALID_BRIEF),
  });
}

async function storedFor(userId: string): Promise<number> {
  const client = createDocumentClient({ region: "us-east-1", endpoint: dynamo.endpoint });
  const { Items } = await client.send(new ScanCommand({ TableName: STRATEGIES, ConsistentRead: true }));
  client.destroy();
  return (Items ?? []).filter((item) => item.userId === userId).length;
}

describe("limits across two agent processes on one DynamoDB", { timeout: 60_000 }, () => {
  it("one user gets exactly RATE_LIMIT_PER_MINUTE generations a minute in total, and one slot at a time", async () => {
    const [first, second] = agents as [ServerProcess, ServerProcess];
    // Two at once from both processes: the single per-user slot admits one of them.
    const together = await Promise.all([generate(first, "rate-user"), generate(second, "rate-user")]);
    expect(together.map((answer) => answer.status).sort()).toEqual([200, 429]);
    const busy = together.find((answer) => answer.status === 429)!;
    expect(await busy.json()).toEqual({ detail: "Too many generations in progress" });
    let admitted = 1;
    const retryAfters: number[] = [];
    // Then one at a time, alternating processes: each process alone would allow PER_MINUTE.
    for (let request = 0; request < 2 * PER_MINUTE; request++) {
      const answer = await generate(agents[request % 2]!, "rate-user");
      if (answer.status === 200) admitted++;
      else {
        expect(answer.status).toBe(429);
        expect(await answer.json()).toEqual({ detail: "Rate limit exceeded" });
        retryAfters.push(Number(answer.headers.get("retry-after")));
      }
      await answer.arrayBuffer().catch(() => undefined);
    }
    expect(admitted).toBe(PER_MINUTE);
    expect(retryAfters).toHaveLength(2 * PER_MINUTE + 1 - PER_MINUTE);
    for (const seconds of retryAfters) expect(seconds).toBeGreaterThan(30);
    expect(await storedFor("rate-user")).toBe(PER_MINUTE);
    expect((await generate(second, "another-user")).status).toBe(200);
  });

  it("a SIGKILLed process's concurrency slot comes back after the lease, and not before", async () => {
    const [doomed, survivor] = agents as [ServerProcess, ServerProcess];
    bedrock.setDefault({ kind: "answer", chunkDelayMs: 2_000 });
    const before = bedrock.requests.length;
    const held = generate(doomed, "lease-user").catch(() => undefined);
    while (bedrock.requests.length === before) await new Promise((resolve) => setTimeout(resolve, 20));
    const busy = await generate(survivor, "lease-user");
    expect(busy.status).toBe(429);
    expect(await busy.json()).toEqual({ detail: "Too many generations in progress" });

    doomed.child.kill("SIGKILL");
    await doomed.exited;
    await held;
    const killedAt = Date.now();
    bedrock.setDefault({ kind: "answer", chunkDelayMs: 0 });
    // Still held right after the kill (its lease was renewed within the last third of it)…
    expect((await generate(survivor, "lease-user")).status).toBe(429);
    // …and free once the lease has run out.
    let status = 429;
    while (status === 429 && Date.now() - killedAt < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const answer = await generate(survivor, "lease-user");
      status = answer.status;
      await answer.arrayBuffer();
    }
    expect(status).toBe(200);
    expect(Date.now() - killedAt).toBeLessThanOrEqual(LEASE_SECONDS * 1000 + 1_500);
  });
});
