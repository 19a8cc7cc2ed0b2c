// Child process of the benchmarks: the real agent app (offline model or a given model) on dynalite in its own
// process, a bare Fastify route in the same process for comparison, and a probe of this process (RSS, event-loop
// delay). Prints one JSON line with the URLs and tokens.
// Env: BENCH_AGENT_ENV (JSON, agent config overrides), BENCH_SEED_RECORDS (25), BENCH_USERS (50),
// BENCH_REFINE_TARGETS (0: how many users get a strategy of their own to refine), BENCH_BARE (same: the bare routes in
// this process; separate: only the agent here, lib/bare.ts runs them), BENCH_METRICS (on: the agent feeds a
// Prometheus registry and times DynamoDB calls, as shipped), BENCH_LOG_LEVEL (the agent's pino level; no logger
// when unset). BENCH_TRACING is read by lib/agent-entry.ts, which starts this file.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import {
  createDocumentClient,
  ensureTables,
  limitsTableDefinition,
  sessionsTableDefinition,
  apiKeysTableDefinition,
  strategiesTableDefinition,
  strategyItemsTableDefinition,
  brandsTableDefinition,
  imageJobsTableDefinition,
} from "@strategist/dynamo";
import { createMetrics, instrumentDynamoDb } from "@strategist/telemetry";
import Fastify from "fastify";
import { createSigner } from "fast-jwt";
import { OFFLINE_WRITERS } from "../../apps/agent/src/main/offline-writers";
import { createCatalog } from "../../apps/agent/src/models/providers";
import { loadConfig } from "../../apps/agent/src/core/config";
import { loggerOptions } from "../../apps/agent/src/core/logging";
import type { LoggerOptions } from "pino";
import { EventLoopTurns } from "../../apps/agent/src/generation/turns";
import { createAgentApp } from "../../apps/agent/src/main/service-factory";
import { startProcessProbe } from "./probe";
import { bareReadRoutes } from "./bare-routes";

const secret = "bench-secret-0123456789-0123456789-0123456789";
const seedRecords = Number(process.env.BENCH_SEED_RECORDS ?? 25);
const users = Number(process.env.BENCH_USERS ?? 50);
const refineTargets = Number(process.env.BENCH_REFINE_TARGETS ?? 0);
// dynalite gets its own process, as DynamoDB is its own service: the agent's event loop is measured alone.
const dynamo = spawn(process.execPath, ["--import", "tsx", new URL("../../packages/dynamo/src/cli.ts", import.meta.url).pathname], {
  env: { ...process.env, DYNAMO_PORT: "0" },
  stdio: ["ignore", "pipe", "inherit"],
});
const endpoint = await new Promise<string>((resolve) => createInterface({ input: dynamo.stdout }).once("line", resolve));
const client = createDocumentClient({ region: "us-east-1", endpoint });
const config = loadConfig({
  JWT_SECRET: secret,
  RATE_LIMIT_PER_MINUTE: "100000000",
  MAX_CONCURRENT_GENERATIONS: "100000",
  MAX_CONCURRENT_GENERATIONS_PER_USER: "100000",
  // The read limit stays on (its counting is part of the service's cost) but never refuses the benchmark.
  READ_RATE_LIMIT_PER_MINUTE: "100000000",
  ...JSON.parse(process.env.BENCH_AGENT_ENV ?? "{}"),
});
await ensureTables(client, [
  strategiesTableDefinition(config.DYNAMODB_STRATEGIES_TABLE),
  strategyItemsTableDefinition(config.DYNAMODB_STRATEGY_ITEMS_TABLE),
  limitsTableDefinition(config.DYNAMODB_LIMITS_TABLE),
  sessionsTableDefinition(config.DYNAMODB_SESSIONS_TABLE),
  // The in-process image worker sweeps its table, and a brief may name a brand.
  imageJobsTableDefinition(config.DYNAMODB_IMAGE_JOBS_TABLE),
  brandsTableDefinition(config.DYNAMODB_BRANDS_TABLE),
  apiKeysTableDefinition(config.DYNAMODB_API_KEYS_TABLE),
]);
/** The baseline of the burst comparison: every start continues at once, as before starts took turns. */
class NoTurns extends EventLoopTurns {
  override next(): Promise<void> {
    return Promise.resolve();
  }
}
// BENCH_TURNS=off: starts do not take event-loop turns (generation/turns.ts), for the side-by-side burst.
const turns = process.env.BENCH_TURNS === "off" ? new NoTurns() : undefined;
const metrics = process.env.BENCH_METRICS === "on" ? createMetrics() : undefined;
if (metrics) instrumentDynamoDb(client, metrics);
const logLevel = process.env.BENCH_LOG_LEVEL;
const agent = await createAgentApp({
  config,
  client,
  catalog: createCatalog(config, OFFLINE_WRITERS),
  // The log goes to stderr (inherited): stdout carries the one JSON line the benchmark reads. Fastify takes a
  // `stream` beside pino's options.
  logger: logLevel ? ({ ...loggerOptions(logLevel), stream: process.stderr } as LoggerOptions) : false,
  ...(turns ? { turns } : {}),
  ...(metrics ? { metrics } : {}),
});
// The service's own time per request: from the request's arrival to its response, minus the time its DynamoDB
// calls spent on the wire and in dynalite (the HTTP round trip, measured innermost in the SDK's stack). Counted
// only for requests that ran alone (the one-connection runs), where the attribution is exact. BENCH_OWN_TIME=off
// leaves these two hooks out, so that read runs measure the agent exactly as shipped.
let inFlight = 0;
let dynamoWait = 0;
if (process.env.BENCH_OWN_TIME !== "off") {
  client.middlewareStack.add(
    (next) => async (args) => {
      const started = performance.now();
      try {
        return await next(args);
      } finally {
        dynamoWait += performance.now() - started;
      }
    },
    { step: "deserialize", priority: "low", name: "benchDynamoWait" },
  );
  agent.addHook("onRequest", async (_request, reply) => {
    inFlight++;
    const at = performance.now();
    const wait = dynamoWait;
    const alone = inFlight === 1;
    // "close" also comes for a request whose client went away (the end of an autocannon run), unlike onResponse.
    reply.raw.once("close", () => {
      if (alone && inFlight === 1 && reply.raw.writableFinished) probe.ownTime(performance.now() - at - (dynamoWait - wait));
      inFlight--;
    });
  });
}
const agentUrl = await agent.listen({ host: "127.0.0.1", port: 0 });

const probe = startProcessProbe();
const bare = Fastify({ logger: false });
if (process.env.BENCH_BARE !== "separate") bareReadRoutes(bare, client, config.DYNAMODB_STRATEGIES_TABLE, "bench-user");
// The probe answers on the bare server so the agent's own routes stay exactly as shipped.
bare.get<{ Querystring: { reset?: string } }>("/probe", async (request) => probe.read(request.query.reset === "1"));
const bareUrl = await bare.listen({ host: "127.0.0.1", port: 0 });

const sign = createSigner({ key: secret, algorithm: "HS256", expiresIn: 3_600_000 });
const token = sign({ userId: "bench-user" });
const brief = { brand_name: "Benchmark Coffee", industry: "Coffee roaster", target_audience: "Remote workers aged 25-40", goals: "Grow online subscriptions" };
let strategyId = "";
for (let index = 0; index < seedRecords; index++) {
  const response = await agent.inject({ method: "POST", url: "/api/strategy/generate", headers: { authorization: `Bearer ${token}` }, payload: brief });
  strategyId = response.json().id;
}
const tokens = Array.from({ length: users }, (_, i) => sign({ userId: `bench-user-${i}` }));
const targets: string[] = [];
for (const owner of tokens.slice(0, refineTargets)) {
  const response = await agent.inject({ method: "POST", url: "/api/strategy/generate", headers: { authorization: `Bearer ${owner}` }, payload: brief });
  targets.push(response.json().id);
}
process.stdout.write(
  `${JSON.stringify({ agentUrl, bareUrl, token, strategyId, brief, tokens, refineTargets: targets, pid: process.pid, dynamoEndpoint: endpoint, table: config.DYNAMODB_STRATEGIES_TABLE })}\n`,
);
async function stop(): Promise<never> {
  probe.stop();
  await agent.close();
  await bare.close();
  dynamo.kill("SIGTERM");
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
// Profiling aid: BENCH_HEARTBEAT=1 runs a named 0.3 ms timer every 5 ms, so a CPU profile shows where the event
// loop went between two of its runs.
if (process.env.BENCH_HEARTBEAT) {
  setInterval(function benchHeartbeat() {
    const until = performance.now() + 0.3;
    while (performance.now() < until);
  }, 5).unref();
}
