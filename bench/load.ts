// The load benchmark: read path beside a bare Fastify route, the service's own cost per generation (offline model),
// and 500 concurrent generations against a slow local Bedrock with the agent's memory and event loop watched.
// Usage: pnpm bench:load [--duration 5] [--connections 10,50,200] [--slow 500] [--slow-seconds 10] [--warmup 2] [--rounds 3]
//   [--bare same|separate|same,separate] [--reads list,summary,get] [--phases read,generate,slow,overhead] [--out FILE]
// --bare separate runs the bare twin routes in a process of their own (lib/bare.ts) instead of the agent's, and the
// agent as users start it (metrics on, LOG_LEVEL=warn); each process's CPU per request is read from /proc.
// The overhead phase compares the agent with metrics and with tracing each off and on, in one run
// (--overhead shipped: only the shipped agent's read path, tracing off and at its default, for more rounds).
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { startLocalBedrock } from "@strategist/local-bedrock";
import autocannon from "autocannon";
import { measure, processCpuMs, startBare, startServers, table, type Figures } from "./lib/measure";
import type { ProbeReading } from "./lib/probe";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "5" },
    connections: { type: "string", default: "10,50,200" },
    slow: { type: "string", default: "500" },
    "slow-seconds": { type: "string", default: "10" },
    phases: { type: "string", default: "read,generate,slow" },
    warmup: { type: "string", default: "2" },
    rounds: { type: "string", default: "3" },
    bare: { type: "string", default: "same" },
    reads: { type: "string", default: "list,summary,get" },
    out: { type: "string" },
    // all: every metrics/tracing/runtime variant on both workloads; shipped: the read path only, the agent as
    // shipped (metrics on, AsyncContextFrame when the server Node has it) with tracing off and at its default.
    overhead: { type: "string", default: "all" },
  },
});
const bareModes = values.bare.split(",").map((mode) => {
  if (mode !== "same" && mode !== "separate") throw new Error(`--bare takes same, separate or both (same,separate), not ${mode}`);
  return mode;
});
const duration = Number(values.duration);
const levels = values.connections.split(",").map(Number);
const slowCount = Number(values.slow);
const slowSeconds = Number(values["slow-seconds"]);
const phases = new Set(values.phases.split(","));
const warmupSeconds = Number(values.warmup);
const rounds = Math.max(1, Number(values.rounds));
const started = Date.now();
const report: string[] = [];
const say = (line = "") => {
  console.log(line);
  report.push(line);
};

say(`# Load benchmark results\n`);
say(`Command: \`pnpm bench:load ${process.argv.slice(2).join(" ")}\`. Date: ${new Date().toISOString()}.`);
say(`Machine: node ${process.version}, ${cpus().length} cores (shared with other work; load average at start ${loadavg()[0]!.toFixed(2)}).`);
say(`The agent app runs in a child process; dynalite (in memory) in its own process; autocannon, the local Bedrock and`);
say(`the slow-model clients in this process. Each autocannon run lasts ${duration} s after ${warmupSeconds} s of the same load unmeasured.\n`);

// 1 and 2: read path and offline generation on the same agent process (the generation phase with the first --bare mode).
for (const [modeIndex, bareMode] of (phases.has("read") || phases.has("generate") ? bareModes : []).entries()) {
  const separate = bareMode === "separate";
  const runGenerate = phases.has("generate") && modeIndex === 0;
  // 500 users, so the generation phase's users each start about as many generations a minute as the default
  // RATE_LIMIT_PER_MINUTE allows (10): the admission item a generation rewrites has a production-sized start log.
  const { info, child } = await startServers({
    BENCH_REFINE_TARGETS: "10",
    BENCH_USERS: "500",
    BENCH_BARE: bareMode,
    // The own-time hooks serve the one-connection generation runs only.
    BENCH_OWN_TIME: runGenerate ? "on" : "off",
    // Separate mode: the agent as users start it (metrics on, LOG_LEVEL=warn).
    ...(separate ? { BENCH_METRICS: "on", BENCH_LOG_LEVEL: "warn" } : {}),
  });
  const bareProcess = separate ? await startBare(info) : undefined;
  const bareBase = bareProcess?.bareUrl ?? info.bareUrl;
  const pidOf = (url: string) => (url.startsWith(bareBase) && bareProcess ? bareProcess.pid : info.pid);
  const probe = async (reset: boolean) => (await (await fetch(`${info.bareUrl}/probe${reset ? "?reset=1" : ""}`)).json()) as ProbeReading;
  // The server's CPU over the run tells whether the agent process or something behind it (dynalite) is the limit.
  // Every workload first runs unmeasured for WARMUP_SECONDS, so the figures are the steady state, not the JIT
  // compiling a route's code on its first requests (which shows in the first workload's p99 and CPU).
  const measureWithCpu = async (name: string, options: autocannon.Options, warm = true): Promise<Figures> => {
    if (warm && warmupSeconds > 0) await autocannon({ ...options, duration: warmupSeconds });
    await probe(true);
    const pid = pidOf(String(options.url));
    const cpuBefore = processCpuMs(pid);
    const figures = await measure(name, options);
    const cpuMs = processCpuMs(pid) - cpuBefore;
    const reading = await probe(false);
    const served = figures.requestsPerSecond * duration;
    return {
      ...figures,
      // Read from outside: the serving process's own CPU over the measured run, per request served.
      ...(served > 0 ? { cpuMsPerRequest: Math.round((cpuMs / served) * 1000) / 1000 } : {}),
      // In separate mode the in-process probe sees only the agent's process.
      ...(separate && pid !== info.pid ? {} : { serverCpuPercent: reading.cpuPercent }),
      ...(reading.ownTimeCount > 0 && options.connections === 1
        ? { ownTime: { p50: reading.ownTimeP50Ms, p99: reading.ownTimeP99Ms, count: reading.ownTimeCount } }
        : {}),
    };
  };
  const auth = { authorization: `Bearer ${info.token}`, "content-type": "application/json" };
  const rows: Figures[] = [];
  const ratios: string[] = [];
  try {
    const cpuPerRequest = (figures: Figures) => (figures.cpuMsPerRequest === undefined ? "" : figures.cpuMsPerRequest.toFixed(3));
    for (const connections of phases.has("read") ? levels : []) {
      const bare = await measureWithCpu("bare Fastify route (no I/O)", { url: `${bareBase}/bare`, connections, duration });
      // Each agent route beside a bare route doing the same DynamoDB call with the same SDK on the same data.
      const pairs: [string, string, string, string][] = [
        ["full list (20)", `${bareBase}/bare/list`, `${info.agentUrl}/api/strategy/list?limit=20`, "GET /api/strategy/list?limit=20"],
        [
          "summary list (20)",
          `${bareBase}/bare/summary`,
          `${info.agentUrl}/api/strategy/list?limit=20&view=summary`,
          "GET /api/strategy/list?limit=20&view=summary",
        ],
        ["get by id", `${bareBase}/bare/get/${info.strategyId}`, `${info.agentUrl}/api/strategy/${info.strategyId}`, "GET /api/strategy/:id"],
      ];
      rows.push(bare);
      const reads = new Set(values.reads.split(","));
      const keys = ["list", "summary", "get"];
      for (const [label, bareUrl, agentUrl, agentName] of pairs.filter((_, index) => reads.has(keys[index]!))) {
        // Alternating rounds (bare, agent, bare, agent, ...): drift of the machine or of dynalite over the run falls on
        // both sides alike, and the median of the rounds' ratios is reported.
        const measured: { ratio: number; agent: Figures; same: Figures }[] = [];
        for (let round = 1; round <= rounds; round++) {
          const suffix = rounds > 1 ? ` (round ${round})` : "";
          const same = await measureWithCpu(`bare route, same DynamoDB call: ${label}${suffix}`, { url: bareUrl, connections, duration }, round === 1);
          const agent = await measureWithCpu(`${agentName}${suffix}`, { url: agentUrl, headers: auth, connections, duration }, round === 1);
          rows.push(same, agent);
          measured.push({ ratio: agent.requestsPerSecond / same.requestsPerSecond, agent, same });
        }
        const median = [...measured].sort((a, b) => a.ratio - b.ratio)[Math.floor(measured.length / 2)]!;
        ratios.push(
          `| ${label} | ${bareMode} | ${connections} | ${median.agent.requestsPerSecond} | ${median.same.requestsPerSecond} | **${median.ratio.toFixed(3)}** (${measured.map((entry) => entry.ratio.toFixed(3)).join(", ")}) | ${cpuPerRequest(median.agent)} | ${cpuPerRequest(median.same)} |`,
        );
      }
    }
    if (rows.length > 0) {
      say(
        `## Read path, bare routes in ${separate ? "a separate process" : "the agent's process"} (${process.env.BENCH_SEED_RECORDS ?? 25} stored strategies, list pages of 20)\n`,
      );
      say(table(rows));
      say(`\nEach agent route against a bare Fastify route doing the same DynamoDB call (same SDK client, same data), same run,`);
      say(`${rounds} alternating rounds; the figures are the median round's:\n`);
      say(
        `| route | bare in | connections | agent req/s | bare same-query req/s | agent / bare: median (each round) | agent CPU ms per request | bare CPU ms per request |\n|---|---|---:|---:|---:|---:|---:|---:|\n${ratios.join("\n")}`,
      );
    }

    const generations: Figures[] = [];
    for (const connections of runGenerate ? [1, 10] : []) {
      let next = 0;
      generations.push(
        await measureWithCpu("POST /api/strategy/generate (offline model)", {
          url: `${info.agentUrl}/api/strategy/generate`,
          method: "POST",
          connections,
          duration,
          body: JSON.stringify(info.brief),
          // Every request from the next user in turn, so the figures are the service's cost for many users (as in
          // production), not one user's admission item growing a start log far past any configured limit.
          setupClient: (client) => {
            const offset = next++ * 37;
            client.setRequests(
              info.tokens.map((_, index) => ({
                method: "POST",
                path: "/api/strategy/generate",
                headers: { ...auth, authorization: `Bearer ${info.tokens[(offset + index) % info.tokens.length]}` },
                body: JSON.stringify(info.brief),
              })),
            );
          },
        }),
      );
    }
    const refineBody = JSON.stringify({ message: "Post 3 times a week and make it more formal" });
    for (const connections of runGenerate ? [1, 10] : []) {
      let next = 0;
      generations.push(
        await measureWithCpu("POST /api/strategy/:id/refine (offline model)", {
          url: `${info.agentUrl}/api/strategy/${info.refineTargets[0]}/refine`,
          method: "POST",
          connections,
          duration,
          body: refineBody,
          // Each client refines a strategy of its own user, so no two refines race for the same version.
          setupClient: (client) => {
            const index = next++ % info.refineTargets.length;
            client.setRequests([
              {
                method: "POST",
                path: `/api/strategy/${info.refineTargets[index]}/refine`,
                headers: { ...auth, authorization: `Bearer ${info.tokens[index]}` },
                body: refineBody,
              },
            ]);
          },
        }),
      );
    }
    if (generations.length > 0) {
      say(`\n## Generation and refine with a zero-latency model (the offline model)\n`);
      say(`The model answers at once, so the latency is the service's own overhead per request: auth, validation,`);
      say(`admission, the Strands agent loop with structured output, the DynamoDB writes, serialization. A refine also`);
      say(`reads the head, restores and saves the Strands session (up to 4 exchanges), and writes the head, a version`);
      say(`snapshot and two messages; each client refines its own strategy, so none answers 409.\n`);
      say(table(generations));
      say(`\nThe service's own time per request at one connection: arrival to response, minus the time its DynamoDB calls`);
      say(`spent on the wire and in dynalite (the SDK's HTTP round trip), so dynalite's own pauses are left out:\n`);
      say(`| workload | own time p50 ms | own time p99 ms | requests counted |\n|---|---:|---:|---:|`);
      for (const row of generations) if (row.ownTime) say(`| ${row.name} | ${row.ownTime.p50} | **${row.ownTime.p99}** | ${row.ownTime.count} |`);
    }
  } finally {
    child.kill("SIGTERM");
    bareProcess?.child.kill("SIGTERM");
  }
}

// 4: the cost of metrics and of tracing, each off and on, on the read path (get by id) and on generation (offline
// model). Four agent processes (as users start them: LOG_LEVEL=warn), measured in alternating rounds within one run;
// spans go over OTLP/HTTP (protobuf, the shipped default) at the SDK's default sampling to a receiver in this
// process that discards them.
if (phases.has("overhead")) {
  let exportedBytes = 0;
  const receiver = createServer((request, response) => {
    request.on("data", (chunk: Buffer) => (exportedBytes += chunk.length));
    request.on("end", () => response.writeHead(200, { "content-type": "application/x-protobuf" }).end());
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const otlp = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  // Node 22.7+ keeps AsyncLocalStorage on AsyncContextFrame with --experimental-async-context-frame (the default from
  // Node 24): context propagation no longer runs a promise hook per promise, which is most of tracing's cost on
  // Node 20. The Docker images set the flag; with a server Node that has it (BENCH_SERVER_NODE), rows run with it too.
  const serverNode = process.env.BENCH_SERVER_NODE;
  const serverVersion = serverNode ? execFileSync(serverNode, ["-v"], { encoding: "utf8" }).trim() : process.version;
  const [major, minor] = serverVersion.slice(1).split(".").map(Number) as [number, number];
  const frames = major > 22 || (major === 22 && minor >= 7);
  type Variant = { metrics: boolean; tracing: boolean; allSampled?: boolean; frames?: boolean };
  const variants: Variant[] = [
    { metrics: false, tracing: false },
    { metrics: true, tracing: false },
    { metrics: false, tracing: true },
    { metrics: true, tracing: true },
    // The same with every trace sampled (OTEL_TRACES_SAMPLER=parentbased_always_on) instead of the default 5 %.
    { metrics: true, tracing: true, allSampled: true },
    ...(frames
      ? [
          { metrics: false, tracing: false, frames: true },
          { metrics: false, tracing: true, frames: true },
          { metrics: true, tracing: true, frames: true },
          { metrics: true, tracing: true, allSampled: true, frames: true },
        ]
      : []),
  ];
  if (values.overhead === "shipped") variants.splice(0, variants.length, { metrics: true, tracing: false, frames }, { metrics: true, tracing: true, frames });
  else if (values.overhead !== "all") throw new Error(`--overhead takes all or shipped, not ${values.overhead}`);
  // Each row is compared with tracing and metrics off on the same runtime and flags (shipped: with tracing off).
  const baseOf = (variant: Variant) =>
    variants.findIndex((other) => (values.overhead === "shipped" || !other.metrics) && !other.tracing && !other.frames === !variant.frames);
  const servers: Awaited<ReturnType<typeof startServers>>[] = [];
  for (const variant of variants) {
    servers.push(
      await startServers({
        BENCH_BARE: "separate",
        BENCH_OWN_TIME: "off",
        BENCH_LOG_LEVEL: "warn",
        BENCH_USERS: "500",
        BENCH_METRICS: variant.metrics ? "on" : "off",
        BENCH_TRACING: variant.tracing ? "on" : "off",
        ...(variant.tracing ? { OTEL_EXPORTER_OTLP_ENDPOINT: otlp, OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf" } : {}),
        ...(variant.allSampled ? { OTEL_TRACES_SAMPLER: "parentbased_always_on" } : {}),
        ...(variant.frames ? { BENCH_SERVER_NODE_ARGS: `${process.env.BENCH_SERVER_NODE_ARGS ?? ""} --experimental-async-context-frame`.trim() } : {}),
      }),
    );
  }
  const workloads = [
    {
      name: "GET /api/strategy/:id",
      options: (info: Awaited<ReturnType<typeof startServers>>["info"]): autocannon.Options => ({
        url: `${info.agentUrl}/api/strategy/${info.strategyId}`,
        headers: { authorization: `Bearer ${info.token}` },
      }),
    },
    {
      name: "POST /api/strategy/generate (offline model)",
      options: (info: Awaited<ReturnType<typeof startServers>>["info"]): autocannon.Options => {
        let next = 0;
        return {
          url: `${info.agentUrl}/api/strategy/generate`,
          method: "POST",
          setupClient: (client) => {
            const offset = next++ * 37;
            client.setRequests(
              info.tokens.map((_, index) => ({
                method: "POST",
                path: "/api/strategy/generate",
                headers: { authorization: `Bearer ${info.tokens[(offset + index) % info.tokens.length]}`, "content-type": "application/json" },
                body: JSON.stringify(info.brief),
              })),
            );
          },
        };
      },
    },
  ];
  if (values.overhead === "shipped") workloads.splice(1);
  const results = workloads.map(() => variants.map(() => [] as { rps: number; cpu: number }[]));
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const [w, workload] of workloads.entries()) {
        for (const [v, { info }] of servers.entries()) {
          const options = { ...workload.options(info), connections: 10, duration };
          if (round === 1 && warmupSeconds > 0) await autocannon({ ...options, duration: warmupSeconds });
          const before = processCpuMs(info.pid);
          const figures = await measure(workload.name, options);
          const cpuMs = processCpuMs(info.pid) - before;
          results[w]![v]!.push({ rps: figures.requestsPerSecond, cpu: cpuMs / Math.max(1, figures.requestsPerSecond * duration) });
        }
      }
    }
  } finally {
    for (const { child } of servers) child.kill("SIGTERM");
    receiver.close();
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  say(`\n## Metrics and tracing overhead (10 connections, ${rounds} alternating rounds of ${duration} s, medians)\n`);
  say(`Each row is its own agent process (LOG_LEVEL=warn, offline model, dynalite in its own process); CPU is the agent`);
  say(`process's own, read from /proc. Tracing: OTLP/HTTP protobuf, default sampling (parent-based, 5 % of new traces) unless the`);
  say(`row says every trace, default batch`);
  say(`processor, to a local receiver that discards the spans (${(exportedBytes / 1024 / 1024).toFixed(1)} MiB received in all).\n`);
  say(
    `Server Node: ${serverVersion}${frames ? "; rows marked AsyncContextFrame run with --experimental-async-context-frame, as the Docker images do, and are compared with both off under the same flag" : ""}.\n`,
  );
  say(`| workload | runtime | metrics | tracing | req/s | CPU ms per request | req/s vs both off | CPU vs both off |\n|---|---|---|---|---:|---:|---:|---:|`);
  for (const [w, workload] of workloads.entries()) {
    for (const [v, variant] of variants.entries()) {
      const b = baseOf(variant);
      const base = { rps: median(results[w]![b]!.map((r) => r.rps)), cpu: median(results[w]![b]!.map((r) => r.cpu)) };
      const rps = median(results[w]![v]!.map((r) => r.rps));
      const cpu = median(results[w]![v]!.map((r) => r.cpu));
      const change = (value: number, from: number) => `${value >= from ? "+" : ""}${(((value - from) / from) * 100).toFixed(1)} %`;
      say(
        `| ${workload.name} | ${serverVersion}${variant.frames ? ", AsyncContextFrame" : ""} | ${variant.metrics ? "on" : "off"} | ${variant.tracing ? (variant.allSampled ? "on, every trace" : "on, default 5 %") : "off"} | ${rps} (${results[w]![v]!.map((r) => r.rps).join(", ")}) | ${cpu.toFixed(3)} | ${v === b ? "" : change(rps, base.rps)} | ${v === b ? "" : change(cpu, base.cpu)} |`,
      );
    }
  }
}

// 3: many slow generations at once, with starts taking event-loop turns (as shipped) and without (the baseline).
if (phases.has("slow") && slowCount > 0) {
  const chunks = 16;
  // An answer has chunks + 5 stream events, with a pause between consecutive ones.
  const chunkDelayMs = Math.round((slowSeconds * 1000) / (chunks + 4));
  const rows: string[][] = [];
  let allCompleted = true;
  for (const variant of ["turns", "no turns"] as const) {
    const bedrock = await startLocalBedrock({ chunks, chunkDelayMs: 0 });
    const { info, child } = await startServers({
      BENCH_AGENT_ENV: JSON.stringify({ MODEL_PROVIDER: "bedrock", BEDROCK_ENDPOINT: bedrock.endpoint, AGENT_TIMEOUT_SECONDS: String(slowSeconds * 6) }),
      BENCH_SEED_RECORDS: "1",
      BENCH_USERS: String(slowCount),
      BENCH_TURNS: variant === "turns" ? "on" : "off",
      AWS_ACCESS_KEY_ID: "local",
      AWS_SECRET_ACCESS_KEY: "local",
    });
    try {
      bedrock.setDefault({ kind: "answer", chunkDelayMs });
      const requestsBefore = bedrock.requests.length;
      const probe = async (reset: boolean) => (await (await fetch(`${info.bareUrl}/probe${reset ? "?reset=1" : ""}`)).json()) as ProbeReading;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const before = await probe(true);
      const statuses = new Map<string, number>();
      const latencies: number[] = [];
      const wallStart = performance.now();
      const epochStart = Date.now();
      await Promise.all(
        Array.from({ length: slowCount }, async (_, index) => {
          const sent = performance.now();
          let status: string;
          try {
            const response = await fetch(`${info.agentUrl}/api/strategy/generate`, {
              method: "POST",
              headers: { authorization: `Bearer ${info.tokens[index]}`, "content-type": "application/json" },
              body: JSON.stringify(info.brief),
            });
            await response.arrayBuffer();
            status = String(response.status);
          } catch (error) {
            status = `network error (${(error as Error).message})`;
          }
          latencies.push(performance.now() - sent);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }),
      );
      const wallSeconds = (performance.now() - wallStart) / 1000;
      const during = await probe(true);
      await new Promise((resolve) => setTimeout(resolve, 5000));
      const after = await probe(false);
      latencies.sort((a, b) => a - b);
      const at = (q: number) => (latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]! / 1000).toFixed(2);
      const ok = statuses.get("200") ?? 0;
      if (ok !== slowCount) allCompleted = false;
      const arrivals = bedrock.requests.slice(requestsBefore).map((request) => (request.at - epochStart) / 1000);
      rows.push([
        `${ok} of ${slowCount}`,
        [...statuses]
          .filter(([status]) => status !== "200")
          .map(([status, count]) => `${status}: ${count}`)
          .join(", ") || "none",
        `${wallSeconds.toFixed(2)} s`,
        `${at(0.5)} / ${at(0.99)} / ${(latencies.at(-1)! / 1000).toFixed(2)} s`,
        `${arrivals.length} / ${bedrock.aborted}`,
        `${Math.min(...arrivals).toFixed(2)} / ${Math.max(...arrivals).toFixed(2)} s`,
        `${before.rssMiB} / ${during.peakRssMiB} / ${after.rssMiB} MiB`,
        `${during.cpuPercent} % of one core`,
        `${during.eventLoopDelayP50Ms} / **${during.eventLoopDelayP99Ms}** / ${during.eventLoopDelayMaxMs} ms`,
        `${during.eventLoopSamples}`,
        `${during.gcPauses} / ${during.gcMaxMs} ms / ${during.gcOver20Ms}`,
      ]);
    } finally {
      child.kill("SIGTERM");
      await bedrock.close();
    }
  }
  const measures = [
    "completed with 200",
    "other outcomes",
    "wall time, first request sent to last answer",
    "client latency p50 / p99 / max",
    "Bedrock requests (local Bedrock count) / aborted",
    "first / last Bedrock request arrived after the burst began",
    "agent process RSS before / peak / 5 s after",
    "agent process CPU during the burst",
    "agent event-loop delay p50 / p99 / max during the burst",
    "event-loop delay samples (10 ms timer)",
    "garbage-collection pauses: count / longest / 20 ms or longer",
  ];
  say(`\n## ${slowCount} concurrent generations against a slow model\n`);
  say(`The local Bedrock streams each answer over ~${slowSeconds} s (${chunks} chunks, ${chunkDelayMs} ms between stream events).`);
  say(`${slowCount} users, one generation each, all sent at once; MAX_CONCURRENT_GENERATIONS and per-user limits far above it.`);
  say(`Run twice, each on a fresh agent process: as shipped (every POST and every model call's start takes a turn of the`);
  say(`event loop, apps/agent/src/generation/turns.ts) and without the turns (the baseline).\n`);
  say(`| measure | with turns | without turns |\n|---|---:|---:|`);
  measures.forEach((measure, index) => say(`| ${measure} | ${rows[0]?.[index] ?? ""} | ${rows[1]?.[index] ?? ""} |`));
  say(`\nEvent-loop delay is the lateness of a 10 ms timer (perf_hooks.monitorEventLoopDelay, resolution subtracted),`);
  say(`measured inside the agent's process; RSS is sampled there every 50 ms.`);
  if (!allCompleted) process.exitCode = 1;
}

say(`\nTotal benchmark time: ${((Date.now() - started) / 1000).toFixed(0)} s.`);
if (values.out) writeFileSync(new URL(values.out, import.meta.url), `${report.join("\n")}\n`);
