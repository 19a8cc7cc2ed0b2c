import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { isRouteTemplate, METRIC_FAMILIES } from "@strategist/telemetry";
import fc from "fast-check";
import { createSigner } from "fast-jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServerProcess, type ServerProcess } from "../support/server-process";

// One agent process, started by its real entry point with metrics and tracing on, shared by every test here: a real
// Prometheus scrapes it, promtool lints its exposition, and a local OTLP/HTTP receiver collects its spans as JSON.

const run = promisify(execFile);
const SECRET = "telemetry-secret-0123456789-0123456789-0123";
const sign = createSigner({ key: SECRET, algorithm: "HS256", expiresIn: 3_600_000 });
const TRACE_ID = "5bf92f3577b34da6a3ce929d0e0e4736";
const PARENT_SPAN_ID = "10f067aa0ba902b7";
const BRIEF = {
  brand_name: "Quietly Fermented Lisbon",
  industry: "Vegan bakery",
  target_audience: "Night-shift nurses who love sourdough",
  goals: "Sell the secret saffron loaf",
};

interface OtlpAttribute {
  key: string;
  value: Record<string, unknown>;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: OtlpAttribute[];
}
interface OtlpExport {
  resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[];
}

const exports: string[] = [];
const receiver: Server = createHttpServer((request, response) => {
  let text = "";
  request.on("data", (chunk: Buffer) => (text += chunk.toString()));
  request.on("end", () => {
    if (request.method === "POST" && request.url === "/v1/traces") exports.push(text);
    response.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
});
const spans = () =>
  exports.flatMap((text) => (JSON.parse(text) as OtlpExport).resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans)));
const attributesOf = (span: OtlpSpan) => Object.fromEntries((span.attributes ?? []).map((attribute) => [attribute.key, Object.values(attribute.value)[0]]));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await Promise.resolve(probe()).catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const dataDir = mkdtempSync(join(tmpdir(), "agent-telemetry-"));
let agent: ServerProcess;
let metricsUrl: string;
let prometheus: ChildProcess | undefined;
/** Every id, email and token the traffic used: none may appear in a label value. */
const secrets: string[] = [];
let generated: { id: string; requestId: string };

const scrape = async () => (await fetch(metricsUrl)).text();
/** The label values of an exposition. */
const labelValues = (text: string) => [...text.matchAll(/[a-zA-Z_]+="((?:[^"\\]|\\.)*)"/g)].map((match) => match[1]!);

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  agent = await startServerProcess({
    JWT_SECRET: SECRET,
    DATA_DIR: dataDir,
    LOG_LEVEL: "info",
    METRICS_PORT: "0",
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(receiver.address() as { port: number }).port}`,
    OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
    OTEL_BSP_SCHEDULE_DELAY: "100",
  });
  const ready = agent.logs.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line.msg === "strategist agent ready")!;
  metricsUrl = String(ready.metrics);

  // Traffic: a traced generation, then reads, refusals and misses from many users.
  const token = sign({ userId: "owner@example.com" });
  secrets.push("owner@example.com", token);
  const response = await fetch(`${agent.url}/api/strategy/generate`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", traceparent: `00-${TRACE_ID}-${PARENT_SPAN_ID}-01` },
    body: JSON.stringify(BRIEF),
  });
  expect(response.status).toBe(200);
  generated = { id: ((await response.json()) as { id: string }).id, requestId: response.headers.get("x-request-id")! };
  secrets.push(generated.id);
  const replayKey = { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": "replay-key-1" };
  for (let twice = 0; twice < 2; twice++)
    await (await fetch(`${agent.url}/api/strategy/generate`, { method: "POST", headers: replayKey, body: JSON.stringify(BRIEF) })).arrayBuffer();
  await (await fetch(`${agent.url}/api/strategy/${generated.id}`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer();
  await (await fetch(`${agent.url}/api/strategy/list?limit=5`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer();
  await fc.assert(
    fc.asyncProperty(fc.uuid(), fc.emailAddress(), async (strategyId, email) => {
      const other = sign({ userId: email });
      secrets.push(strategyId, email);
      for (const path of [`/api/strategy/${strategyId}`, `/api/strategy/${generated.id}`, `/nothing/${strategyId}`])
        await (await fetch(`${agent.url}${path}`, { headers: { authorization: `Bearer ${other}` } })).arrayBuffer();
    }),
    { numRuns: 100 },
  );
}, 60_000);

afterAll(async () => {
  prometheus?.kill("SIGTERM");
  agent?.child.kill("SIGTERM");
  await agent?.exited;
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the agent's metrics", () => {
  it("are served on METRICS_PORT only: the API port answers /metrics with 404", async () => {
    expect((await fetch(`${agent.url}/metrics`)).status).toBe(404);
    expect(new URL(metricsUrl).port).not.toBe(new URL(agent.url).port);
    expect((await fetch(metricsUrl)).status).toBe(200);
  });

  it("pass `promtool check metrics` with no problem reported", async () => {
    const text = await scrape();
    const result = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn("promtool", ["check", "metrics"], { stdio: ["pipe", "pipe", "pipe"] });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.on("close", (code) => resolve({ code, output }));
      child.stdin.end(text);
    });
    expect(result.output).toBe("");
    expect(result.code).toBe(0);
  });

  it("hold every family after traffic, with route labels that are templates and no id, email or token in any label value", async () => {
    const text = await scrape();
    for (const family of [...METRIC_FAMILIES, "nodejs_eventloop_lag_seconds", "process_cpu_seconds_total"])
      expect(text, family).toMatch(new RegExp(`^${family}(_bucket|_count|_sum)?(\\{| )`, "m"));
    expect(text).toMatch(/strategist_generations_total\{outcome="completed",model="offline"\} [1-9]/);
    expect(text).toMatch(/strategist_model_call_duration_seconds_count\{model="offline",kind="strategy"\} [1-9]/);
    expect(text).toMatch(/strategist_idempotent_replays_total [1-9]/);
    expect(text).toMatch(/strategist_dynamodb_call_duration_seconds_count\{operation="GetItem",outcome="ok"\} [1-9]/);
    const routes = new Set([...text.matchAll(/route="([^"]*)"/g)].map((match) => match[1]!));
    expect(routes).toContain("/api/strategy/:id");
    expect(routes).toContain("/api/strategy/generate");
    expect(routes).toContain("unmatched");
    for (const route of routes) expect(route === "unmatched" || isRouteTemplate(route), route).toBe(true);
    const values = labelValues(text);
    for (const secret of secrets)
      expect(
        values.filter((value) => value.includes(secret)),
        secret,
      ).toEqual([]);
    expect(values.filter((value) => /@|[0-9a-f]{8}-[0-9a-f]{4}-/i.test(value))).toEqual([]);
  });

  it("are scraped by a real Prometheus: up is 1", async () => {
    const webPort = await freePort();
    const config = join(dataDir, "prometheus.yml");
    const target = new URL(metricsUrl).host;
    writeFileSync(
      config,
      `global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n  - job_name: agent\n    static_configs:\n      - targets: ["${target}"]\n`,
    );
    await run("promtool", ["check", "config", config]);
    prometheus = spawn(
      "prometheus",
      [`--config.file=${config}`, `--storage.tsdb.path=${join(dataDir, "prometheus")}`, `--web.listen-address=127.0.0.1:${webPort}`, "--log.level=warn"],
      { stdio: "ignore" },
    );
    const query = async (promql: string) =>
      (
        (await (await fetch(`http://127.0.0.1:${webPort}/api/v1/query?query=${encodeURIComponent(promql)}`)).json()) as {
          data: { result: { value: [number, string] }[] };
        }
      ).data.result;
    const up = await until("up == 1", async () => ((await query('up{job="agent"}'))[0]?.value[1] === "1" ? true : undefined), 20_000);
    expect(up).toBe(true);
    expect((await query("strategist_generations_total")).length).toBeGreaterThan(0);
  }, 30_000);
});

describe("the agent's traces", () => {
  it("put the server span, the model call and the DynamoDB calls of a generation in the caller's trace, with no brief text or credential", async () => {
    const inTrace = await until("the generation's spans", () => {
      const found = spans().filter((span) => span.traceId === TRACE_ID);
      return found.some((span) => span.name === "chat") && found.some((span) => attributesOf(span)["rpc.service"] === "DynamoDB") ? found : undefined;
    });
    const server = inTrace.find((span) => span.kind === 2 && span.parentSpanId === PARENT_SPAN_ID);
    expect(server, "a server span, child of the caller's").toBeDefined();
    const model = inTrace.find((span) => span.name === "chat")!;
    expect(attributesOf(model)).toMatchObject({
      "gen_ai.request.model": "offline",
      "gen_ai.usage.input_tokens": expect.anything(),
      "gen_ai.usage.output_tokens": expect.anything(),
      "gen_ai.response.finish_reasons": expect.anything(),
    });
    const dynamo = inTrace.filter((span) => attributesOf(span)["rpc.service"] === "DynamoDB");
    expect(dynamo.map((span) => attributesOf(span)["rpc.method"])).toContain("PutItem");
    expect(inTrace.filter((span) => span.name.includes("/api/strategy/generate")).length).toBeGreaterThan(0);

    const exported = exports.join("\n");
    for (const text of Object.values(BRIEF)) expect(exported).not.toContain(text);
    for (const secret of secrets.slice(0, 2)) expect(exported).not.toContain(secret);
    expect(exported).not.toContain(SECRET);
    expect(exported).not.toMatch(/authorization|Bearer /i);
  });

  it("put the trace id on the request's log lines", () => {
    const lines = agent.logs.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.request_id === generated.requestId);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.trace_id, String(line.msg)).toBe(TRACE_ID);
    expect(lines.every((line) => typeof line.span_id === "string")).toBe(true);
  });
});
