import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMetrics, startMetricsServer, type MetricsServer } from "../src/index";

const run = promisify(execFile);

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const metrics = createMetrics({ routes: ["/api/strategy/:id", "/api/strategies"], models: ["us.amazon.nova-pro-v1:0"] });
metrics.observeRequest("/api/strategy/:id", "GET", 200, 0.012);
metrics.observeRequest("/api/strategies", "POST", 429, 0.003);
metrics.countGeneration("completed", "us.amazon.nova-pro-v1:0");
metrics.observeModelCall("us.amazon.nova-pro-v1:0", "strategy", 4.1);
metrics.countTokens("us.amazon.nova-pro-v1:0", { input: 900, output: 700 });
metrics.addCost("us.amazon.nova-pro-v1:0", 0.0028);
metrics.countLimitRejection("generation_rate");
metrics.countImageJob("completed");
metrics.setImageQueue({ depth: 2, oldestAgeSeconds: 5 });
metrics.observeDynamoDbCall("Query", "ok", 0.006);
metrics.countIdempotentReplay();

let server: MetricsServer;
let prometheus: ChildProcess | undefined;
const workDir = mkdtempSync(join(tmpdir(), "telemetry-prometheus-"));

beforeAll(async () => {
  server = await startMetricsServer({ port: 0, host: "127.0.0.1", registry: metrics.registry });
});

afterAll(async () => {
  prometheus?.kill("SIGTERM");
  await server.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe("the metrics server", () => {
  it("serves the exposition at /metrics in Prometheus' text format, and 404 anywhere else", async () => {
    const response = await fetch(`http://127.0.0.1:${server.port}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await response.text()).toContain("strategist_generations_total");
    expect((await fetch(`http://127.0.0.1:${server.port}/`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${server.port}/metrics`, { method: "POST" })).status).toBe(404);
  });

  it("passes `promtool check metrics` with no problem reported", async () => {
    const text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
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

  it("is scraped by a real Prometheus: up == 1 and the product's families are stored", async () => {
    const webPort = await freePort();
    const config = join(workDir, "prometheus.yml");
    writeFileSync(
      config,
      [
        "global:",
        "  scrape_interval: 1s",
        "  scrape_timeout: 1s",
        "scrape_configs:",
        "  - job_name: agent",
        "    static_configs:",
        `      - targets: ["127.0.0.1:${server.port}"]`,
        "",
      ].join("\n"),
    );
    await run("promtool", ["check", "config", config]);
    prometheus = spawn(
      "prometheus",
      [`--config.file=${config}`, `--storage.tsdb.path=${join(workDir, "data")}`, `--web.listen-address=127.0.0.1:${webPort}`, "--log.level=warn"],
      {
        stdio: "ignore",
      },
    );
    const query = async (promql: string) => {
      const response = await fetch(`http://127.0.0.1:${webPort}/api/v1/query?query=${encodeURIComponent(promql)}`);
      const body = (await response.json()) as { data: { result: { metric: Record<string, string>; value: [number, string] }[] } };
      return body.data.result;
    };
    const up = await until("up == 1", async () => {
      const result = await query('up{job="agent"}');
      return result[0]?.value[1] === "1" ? result[0] : undefined;
    });
    expect(up.metric.job).toBe("agent");
    const routes = await query("strategist_http_request_duration_seconds_count");
    expect(routes.map((sample) => sample.metric.route).sort()).toEqual(["/api/strategies", "/api/strategy/:id"]);
    expect((await query("strategist_model_output_tokens_total"))[0]?.value[1]).toBe("700");
  });
});
