// The fault soak: several users (one holding an API key instead of a token) generate and read concurrently, queue
// image jobs, download exports, and delete strategies while plans, refines, regenerations and image jobs of them run,
// against the real agent while
// the local Bedrock fails at random (text and image models), DynamoDB is slow at random, clients hang up, and the agent is stopped with SIGTERM and SIGKILL
// and restarted; then every failed key is retried once and the table is reconciled against what the clients were
// told.
// With --agents N (2 by default) N agent processes share the DynamoDB behind a round-robin HTTP proxy, so the
// limits and Idempotency-Keys must hold across processes; one is stopped with SIGTERM, another killed.
// Usage: pnpm soak [--ci] [--seed N] [--seconds S] [--users U] [--agents N] [--log FILE] [--tamper]. Exits 1 when any check
// fails; --tamper breaks the store and the agent mid-run on purpose, to show the checks catch it (it must exit 1).
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { createDocumentClient } from "@strategist/dynamo";
import { startLocalBedrock, type LocalBedrock, type RecordedRequest } from "@strategist/local-bedrock";
import { createSigner } from "fast-jwt";
import { CHECKS, tally, type BedrockHit, type StoredStrategy } from "./soak/checks";
import { call } from "./soak/client";
import { faultLabel, FaultInjector } from "./soak/faults";
import { DELETER_PREFIX, deletesLeftNothing, finishDeletes, runDeleteRaces } from "./soak/deletes";
import { EXPORTER_PREFIX, exportsAnswered, PLANNER_MODEL, runExportTraffic } from "./soak/exports";
import { IMAGE_BUCKET, IMAGE_MODEL, reconcileImages, runImageTraffic } from "./soak/images";
import { AgentProcess, startDynalite, startObjectStore } from "./soak/processes";
import { startRoundRobin } from "./soak/round-robin";
import { Random } from "./soak/random";
import { startSlowDatabase } from "./soak/slow-database";
import { tamper } from "./soak/tamper";
import { BRAND_PREFIX, Ledger, runWorker, sendGenerate, type SoakUser } from "./soak/traffic";

const { values } = parseArgs({
  options: {
    ci: { type: "boolean", default: false },
    seed: { type: "string" },
    seconds: { type: "string" },
    users: { type: "string" },
    agents: { type: "string", default: "2" },
    log: { type: "string" },
    tamper: { type: "boolean", default: false },
  },
});
const seed = values.seed === undefined ? (Date.now() ^ (process.pid << 16)) >>> 0 : Number(values.seed);
const seconds = Number(values.seconds ?? (values.ci ? 22 : 100));
const userCount = Number(values.users ?? (values.ci ? 4 : 8));
const WORKERS_PER_USER = 2;
const agentCount = Math.max(1, Number(values.agents));
// A generation's per-user slot outlives a killed agent by this much; shorter than the Idempotency-Key lease below,
// so the reconcile phase (after that lease) never meets a dead process's slot.
const GENERATION_LEASE_SECONDS = 6;
const TIMEOUT_SECONDS = 3;
// The agent leases an Idempotency-Key for one generation's budget plus 10 s (service-factory.ts); a key whose
// request died with a SIGKILL can be taken over only after that.
const LEASE_MS = TIMEOUT_SECONDS * 1000 + 10_000;
const FAULTY_MODEL = "soak.faulty-v1:0";
const CLEAN_MODEL = "soak.clean-v1:0";
const TABLE = "strategies-soak";
const ITEMS_TABLE = "strategy-items-soak";
const IMAGE_JOBS_TABLE = "image-jobs-soak";
const SECRET = "soak-secret-0123456789-0123456789-0123456789";

// The AWS SDK's notice about Node 20 support says nothing about this run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
console.log(
  `soak seed ${seed} (run again with --seed ${seed}); ${userCount} users x ${WORKERS_PER_USER} workers for ${seconds} s; ${agentCount} agent processes`,
);
const started = Date.now();
const workDir = mkdtempSync(join(tmpdir(), "strategist-soak-"));
let dynamo: Awaited<ReturnType<typeof startDynalite>> | undefined;
let objectStore: Awaited<ReturnType<typeof startObjectStore>> | undefined;
let bedrock: LocalBedrock | undefined;
let agents: AgentProcess[] = [];
let balancer: Awaited<ReturnType<typeof startRoundRobin>> | undefined;
let slowDatabase: Awaited<ReturnType<typeof startSlowDatabase>> | undefined;
// Ctrl-C must not leave a dynalite or an agent behind.
process.once("SIGINT", () => {
  for (const agent of agents) agent.kill();
  dynamo?.kill();
  objectStore?.kill();
  rmSync(workDir, { recursive: true, force: true });
  process.exit(130);
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let failed = false;
try {
  dynamo = await startDynalite(join(workDir, "dynamodb"));
  objectStore = await startObjectStore(join(workDir, "s3"), IMAGE_BUCKET);
  const random = new Random(seed);
  let phase: BedrockHit["phase"] = "run";
  const hits: BedrockHit[] = [];
  const faults: string[] = [];
  // Assigned once, after the local Bedrock it needs exists; the request hook above it reads it until then.
  // eslint-disable-next-line prefer-const
  let injector: FaultInjector | undefined;
  let imageRequests = 0;
  const onRequest = (request: RecordedRequest) => {
    // Image jobs are reconciled on their own (check f); the strategy checks count text calls only.
    if (request.operation === "InvokeModel") {
      imageRequests++;
      return;
    }
    const keyName = new RegExp(`${BRAND_PREFIX}(u\\d+ order-\\d+)`).exec(JSON.stringify(request.body.messages))?.[1];
    hits.push({ keyName, at: request.at, phase });
    if (request.modelId === FAULTY_MODEL && phase === "run") {
      faults.push(faultLabel(request.behaviour, TIMEOUT_SECONDS * 1000));
      injector?.consumed();
    }
  };
  bedrock = await startLocalBedrock({ onRequest });
  injector = new FaultInjector(bedrock, random.fork(1), FAULTY_MODEL, TIMEOUT_SECONDS * 1000);
  slowDatabase = await startSlowDatabase(dynamo.endpoint, random.fork(2));

  const databaseEndpoint = slowDatabase.endpoint;
  const bedrockEndpoint = bedrock.endpoint;
  const objectStoreEndpoint = objectStore.endpoint;
  const ports: number[] = [];
  for (let index = 0; index < agentCount; index++) ports.push(await freePort());
  agents = ports.map(
    (port, index) =>
      new AgentProcess(
        {
          NODE_ENV: "production",
          LOG_LEVEL: "info",
          HOST: "127.0.0.1",
          PORT: String(port),
          // Two agents on one machine: each takes a free metrics port instead of both asking for 9464.
          METRICS_PORT: "0",
          JWT_SECRET: SECRET,
          DATA_DIR: join(workDir, "data"),
          AWS_REGION: "us-east-1",
          AWS_ACCESS_KEY_ID: "local",
          AWS_SECRET_ACCESS_KEY: "local",
          AWS_EC2_METADATA_DISABLED: "true",
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
          DYNAMODB_ENDPOINT: databaseEndpoint,
          DYNAMODB_CREATE_TABLES: "true",
          DYNAMODB_STRATEGIES_TABLE: TABLE,
          DYNAMODB_STRATEGY_ITEMS_TABLE: ITEMS_TABLE,
          DYNAMODB_USERS_TABLE: "users-soak",
          DYNAMODB_API_KEYS_TABLE: "api-keys-soak",
          MODEL_PROVIDER: "bedrock",
          BEDROCK_ENDPOINT: bedrockEndpoint,
          BEDROCK_MODELS: `${FAULTY_MODEL}=Soak faulty model,${CLEAN_MODEL}=Soak clean model,${PLANNER_MODEL}=Soak planner`,
          BEDROCK_MODEL_ID: FAULTY_MODEL,
          BEDROCK_MAX_ATTEMPTS: "3",
          BEDROCK_RETRY_BASE_MS: "20",
          AGENT_TIMEOUT_SECONDS: String(TIMEOUT_SECONDS),
          RATE_LIMIT_PER_MINUTE: "1000",
          // One slot fewer than workers, shared out over the processes: the per-process cap sheds load now and then
          // (more while one process is down), but does not drown the faults.
          MAX_CONCURRENT_GENERATIONS: String(Math.max(2, Math.ceil((userCount * WORKERS_PER_USER - 1) / agentCount))),
          MAX_CONCURRENT_GENERATIONS_PER_USER: "3",
          DYNAMODB_LIMITS_TABLE: "limits-soak",
          GENERATION_LEASE_SECONDS: String(GENERATION_LEASE_SECONDS),
          // Image jobs: short leases and a fast sweep, so what the SIGKILL interrupts is finished within the run.
          DYNAMODB_IMAGE_JOBS_TABLE: IMAGE_JOBS_TABLE,
          S3_ENDPOINT: objectStoreEndpoint,
          S3_BUCKET: IMAGE_BUCKET,
          BEDROCK_IMAGE_MODEL_ID: IMAGE_MODEL,
          IMAGE_JOB_LEASE_SECONDS: "4",
          IMAGE_JOB_SWEEP_SECONDS: "1",
          IMAGE_JOB_RETRY_BASE_MS: "50",
          IMAGE_JOBS_MAX_ACTIVE_PER_USER: "4",
        },
        join(workDir, `agent-${index}.log`),
      ),
  );
  // One after the other: the first creates the tables.
  for (const agent of agents) await agent.start();
  balancer = agentCount > 1 ? await startRoundRobin(ports) : undefined;
  const baseUrl = balancer?.endpoint ?? `http://127.0.0.1:${ports[0]}`;
  console.log(
    `${agentCount > 1 ? `round-robin over agents on ports ${ports.join(", ")} at` : "agent on"} ${baseUrl}, dynalite on ${dynamo.endpoint}, local Bedrock on ${bedrock.endpoint}`,
  );
  // The SIGTERM goes to the first agent, the SIGKILL to the last: with two, one stays up through each.
  const termed = agents[0]!;
  const killed = agents[agents.length - 1]!;

  const sign = createSigner({ key: SECRET, algorithm: "HS256", expiresIn: 3_600_000 });
  const users: SoakUser[] = Array.from({ length: userCount }, (_, index) => ({
    index,
    userId: `soak-user-${index}`,
    token: sign({ userId: `soak-user-${index}` }),
  }));
  // The key-holding client: user 0 calls with an API key (write scope) instead of a JWT, through every check below.
  const created = await fetch(`${baseUrl}/api/keys`, {
    method: "POST",
    headers: { authorization: `Bearer ${users[0]!.token}`, "content-type": "application/json" },
    body: JSON.stringify({ name: "soak", scopes: ["read", "write"] }),
  });
  if (created.status !== 201) throw new Error(`creating the soak's API key answered ${created.status}: ${await created.text()}`);
  users[0]!.token = ((await created.json()) as { key: string }).key;
  console.log("user 0 holds an API key with the write scope");
  const ledger = new Ledger();
  const runStart = Date.now();
  const until = runStart + seconds * 1000;
  const traffic = { baseUrl, users, ledger, cleanModel: CLEAN_MODEL, until };
  const workers = users.flatMap((user) => {
    const counter = { next: 1 };
    return Array.from({ length: WORKERS_PER_USER }, (_, worker) => runWorker(traffic, user, random.fork(100 + user.index * 10 + worker), counter));
  });

  const images = users.map((user) => runImageTraffic({ baseUrl, user, ledger, bedrock: bedrock!, random: random.fork(500 + user.index), until }));
  // Deleters and exporters are users of their own, so their strategies stay out of checks a to c.
  const sideUsers = (prefix: string, offset: number): SoakUser[] =>
    Array.from({ length: Math.max(1, Math.round(userCount / 4)) }, (_, index) => ({
      index: offset + index,
      userId: `${prefix}${index}`,
      token: sign({ userId: `${prefix}${index}` }),
    }));
  const exportTraffic = sideUsers(EXPORTER_PREFIX, 2 * userCount).map((user) =>
    runExportTraffic({ baseUrl, user, cleanModel: CLEAN_MODEL, bedrock: bedrock!, random: random.fork(700 + user.index), until }),
  );
  const deleters = sideUsers(DELETER_PREFIX, userCount);
  const deleteRaces = deleters.map((user) =>
    runDeleteRaces({ baseUrl, user, cleanModel: CLEAN_MODEL, bedrock: bedrock!, random: random.fork(900 + user.index), until }),
  );

  await sleep(runStart + seconds * 300 - Date.now());
  console.log(`${((Date.now() - runStart) / 1000).toFixed(1)} s: SIGTERM to agent ${agents.indexOf(termed)}`);
  await termed.signal("SIGTERM");
  await termed.start();
  console.log(`${((Date.now() - runStart) / 1000).toFixed(1)} s: agent restarted`);
  await sleep(Math.max(0, runStart + seconds * 600 - Date.now()));
  if (values.tamper) {
    await sleep(Math.max(0, runStart + seconds * 450 - Date.now()));
    const client = createDocumentClient({ region: "us-east-1", endpoint: dynamo.endpoint });
    for (const line of await tamper({ client, table: TABLE, baseUrl, ledger, users, agentPid: termed.pid })) console.log(`tamper: ${line}`);
    client.destroy();
    await sleep(1000);
    await termed.recovered();
    await sleep(Math.max(0, runStart + seconds * 600 - Date.now()));
  }
  console.log(`${((Date.now() - runStart) / 1000).toFixed(1)} s: SIGKILL to agent ${agents.indexOf(killed)}`);
  await killed.signal("SIGKILL");
  const killedAt = Date.now();
  await killed.start();
  console.log(`${((Date.now() - runStart) / 1000).toFixed(1)} s: agent restarted`);
  await Promise.all(workers);
  const imageTraffic = await Promise.all(images);
  const exportCalls = (await Promise.all(exportTraffic)).flat();
  const doomed = (await Promise.all(deleteRaces)).flat();
  console.log(`${((Date.now() - runStart) / 1000).toFixed(1)} s: traffic done; waiting for leases of killed requests to lapse`);

  // Reconcile: the model behaves, and each key that never got a 2xx is sent once more.
  await sleep(Math.max(0, killedAt + LEASE_MS + 1000 - Date.now()));
  phase = "reconcile";
  const abandonedInRun = bedrock.aborted;
  injector.stop();
  const answered = new Set(ledger.generates.filter((entry) => entry.id).map((entry) => entry.key.name));
  await Promise.all(
    users.map(async (user) => {
      for (const key of ledger.keys.filter((plan) => plan.user === user && !answered.has(plan.name))) {
        ledger.record(key, "reconcile", await sendGenerate(baseUrl, key));
      }
    }),
  );

  const finalLists = new Map<string, string[] | undefined>();
  for (const user of users) {
    const ids: string[] = [];
    let url: string | undefined = `${baseUrl}/api/strategy/list?limit=100`;
    while (url) {
      const page = await call(url, { token: user.token });
      if (!("status" in page) || page.status !== 200) {
        finalLists.set(user.userId, undefined);
        break;
      }
      ids.push(...(page.body as { id: string }[]).map((record) => record.id));
      const cursor = page.headers.get("x-next-cursor");
      url = cursor ? `${baseUrl}/api/strategy/list?limit=100&cursor=${encodeURIComponent(cursor)}` : undefined;
      if (!url) finalLists.set(user.userId, ids);
    }
  }
  // A delete cut short by the SIGKILL is finished by deleting again (the strategy reads as gone meanwhile).
  await finishDeletes(baseUrl, doomed);
  // Image jobs settle through the sweep and lapsed leases; the image model behaves from here on.
  bedrock.reset();
  const imageVerdict = await reconcileImages({
    baseUrl,
    jobs: imageTraffic.flatMap((traffic) => traffic.accepted),
    targets: imageTraffic.flatMap((traffic) => traffic.targets),
    s3Endpoint: objectStore.endpoint,
    timeoutMs: 30_000,
  });
  for (const agent of agents) await agent.stop();

  const client = createDocumentClient({ region: "us-east-1", endpoint: dynamo.endpoint });
  const stored: StoredStrategy[] = [];
  const idempotencyStates: string[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: TABLE, ConsistentRead: true, ExclusiveStartKey: startKey }));
    for (const item of page.Items ?? []) {
      // The deleters' strategies are check g's, the exporters' check h's.
      if (typeof item.userId === "string" && (item.userId.startsWith(DELETER_PREFIX) || item.userId.startsWith(EXPORTER_PREFIX))) continue;
      if (typeof item.userId === "string") {
        const brand = String(item.brandName ?? "");
        stored.push({
          strategyId: item.strategyId,
          userId: item.userId,
          keyName: brand.startsWith(BRAND_PREFIX) ? brand.slice(BRAND_PREFIX.length) : undefined,
        });
      } else {
        idempotencyStates.push(String(item.state));
      }
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  const deleteVerdict = await deletesLeftNothing({
    doomed,
    client,
    tables: { strategies: TABLE, items: ITEMS_TABLE, imageJobs: IMAGE_JOBS_TABLE },
    s3Endpoint: objectStore.endpoint,
    bucket: IMAGE_BUCKET,
  });
  client.destroy();

  const runCalls = ledger.generates.filter((entry) => entry.role !== "reconcile");
  console.log(`\nTotals (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
  console.log(`  generate calls during the run: ${runCalls.length} (${tally(runCalls.map((entry) => entry.outcome))})`);
  console.log(`  by kind: ${tally(runCalls.map((entry) => entry.role))}; keys ${ledger.keys.length}`);
  console.log(`  reads: ${ledger.reads.length} (${tally(ledger.reads.map((read) => read.outcome))})`);
  console.log(`  faults drawn for the faulty model: ${faults.length} (${tally(faults)})`);
  console.log(`  DynamoDB: ${slowDatabase.delayed()} request chunks from the agent held back 20-1500 ms`);
  console.log(
    `  Bedrock requests: run ${hits.filter((hit) => hit.phase === "run").length}, reconcile ${hits.filter((hit) => hit.phase === "reconcile").length}; abandoned by the agent during the run ${abandonedInRun}`,
  );
  console.log(
    `  image jobs: ${imageTraffic.reduce((sum, traffic) => sum + traffic.accepted.length, 0)} accepted, ${imageTraffic.reduce((sum, traffic) => sum + traffic.refused, 0)} refused (429/503/other); image model requests ${imageRequests}`,
  );
  const exits = agents.flatMap((agent) => agent.exits);
  const restarts = agents.reduce((sum, agent) => sum + agent.starts - 1, 0);
  console.log(`  agent restarts: ${restarts} (SIGTERM 1, SIGKILL 1, after a crash ${exits.filter((exit) => !exit.sentBySoak).length})`);
  if (balancer) {
    const failures = [...balancer.failures].map(([reason, count]) => `${reason}: ${count}`).join(", ") || "none";
    console.log(`  requests per agent through the round-robin: ${balancer.served.join(", ")}; its 502s and cut answers by upstream error: ${failures}`);
  }
  console.log(`  idempotency items left: ${tally(idempotencyStates)}`);
  const errorLines = agents.flatMap((agent) => [...agent.errorLines].flatMap(([msg, n]) => Array<string>(n).fill(msg)));
  console.log(`  agent error log lines: ${tally(errorLines)}`);
  const stderrLines = agents.flatMap((agent) => agent.stderrLines);
  if (stderrLines.length > 0) console.log(`  agent stderr:\n    ${stderrLines.join("\n    ")}`);
  console.log("");
  const evidence = { ledger, stored, bedrock: hits, exits, finalLists };
  for (const verdict of [...CHECKS.map((check) => check(evidence)), imageVerdict, deleteVerdict, exportsAnswered(exportCalls)]) {
    if (!verdict.pass) failed = true;
    console.log(`${verdict.pass ? "PASS" : "FAIL"} ${verdict.check}: ${verdict.numbers}`);
  }
} catch (error) {
  failed = true;
  console.error("soak aborted:", error);
} finally {
  for (const agent of agents) agent.kill();
  await balancer?.close();
  for (const [index] of agents.entries()) {
    const log = join(workDir, `agent-${index}.log`);
    if (values.log && existsSync(log)) copyFileSync(log, agents.length > 1 ? `${values.log}.${index}` : values.log);
  }
  await slowDatabase?.close();
  await dynamo?.stop();
  await objectStore?.stop();
  await bedrock?.close();
  rmSync(workDir, { recursive: true, force: true });
}
console.log(failed ? "\nSOAK FAILED" : "\nSOAK PASSED");
process.exit(failed ? 1 : 0);
