import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import autocannon from "autocannon";

interface ServerInfo {
  agentUrl: string;
  bareUrl: string;
  token: string;
  tokens: string[];
  strategyId: string;
  brief: Record<string, string>;
  /** One strategy per user token (the first BENCH_REFINE_TARGETS tokens), for refine runs without races. */
  refineTargets: string[];
  /** The agent's process (lib/servers.ts). */
  pid: number;
  dynamoEndpoint: string;
  table: string;
}

/** The Node binary of the server processes: BENCH_SERVER_NODE when set (e.g. the Docker image's Node 22), else this one. */
function serverNode(env: Record<string, string> = {}): string {
  return env.BENCH_SERVER_NODE ?? process.env.BENCH_SERVER_NODE ?? process.execPath;
}

/** Starts lib/servers.ts in its own process so the load generator does not share its event loop. */
export async function startServers(env: Record<string, string> = {}): Promise<{ info: ServerInfo; child: ChildProcess }> {
  // BENCH_SERVER_NODE_ARGS passes flags to the server process only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof";
  // BENCH_SERVER_NODE runs it on another Node binary. Either may be given per server in `env`.
  const nodeArgs = (env.BENCH_SERVER_NODE_ARGS ?? process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(serverNode(env), [...nodeArgs, "--import", "tsx", new URL("./agent-entry.ts", import.meta.url).pathname], {
    env: { ...process.env, ...env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`bench servers exited with ${code}`)));
  });
  return { info: JSON.parse(line) as ServerInfo, child };
}

/** Starts lib/bare.ts in a process of its own, with the agent process's node flags and NODE_ENV=production. */
export async function startBare(info: ServerInfo): Promise<{ bareUrl: string; pid: number; child: ChildProcess }> {
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(serverNode(), [...nodeArgs, "--import", "tsx", new URL("./bare.ts", import.meta.url).pathname], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      BENCH_DYNAMO_ENDPOINT: info.dynamoEndpoint,
      BENCH_TABLE: info.table,
      BENCH_USER: "bench-user",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  return { ...(JSON.parse(line) as { bareUrl: string; pid: number }), child };
}

/** CPU time (user + system) a process has used so far, in ms, read from outside through /proc/<pid>/stat. */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may hold spaces) start at field 3; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100;
}

export interface Figures {
  name: string;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** CPU of the process serving the route, when the benchmark probes it (percent of one core). */
  serverCpuPercent?: number;
  /** CPU ms per request of the process serving the route, read from /proc (separate-process mode). */
  cpuMsPerRequest?: number;
  /** The service's own time per request (one-connection runs; see servers.ts). */
  ownTime?: { p50: number; p99: number; count: number };
}

/** Runs autocannon for a while and keeps the figures that matter. */
export async function measure(name: string, options: autocannon.Options): Promise<Figures> {
  const result = await autocannon({ duration: 10, ...options });
  return {
    name,
    connections: options.connections ?? 10,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

export function table(rows: Figures[]): string {
  const cpu = rows.some((row) => row.serverCpuPercent !== undefined);
  const lines = [
    `| workload | connections | req/s | p50 ms | p99 ms | errors | non-2xx |${cpu ? " server CPU % | server CPU ms per request |" : ""}`,
    `|---|---:|---:|---:|---:|---:|---:|${cpu ? "---:|---:|" : ""}`,
  ];
  for (const row of rows) {
    // CPU percent of one core is CPU ms per 100 ms of wall time; spread over the requests served in that time.
    const perRequest =
      row.serverCpuPercent === undefined || row.requestsPerSecond === 0 ? "" : ((row.serverCpuPercent * 10) / row.requestsPerSecond).toFixed(2);
    const cells = [
      row.name,
      row.connections,
      row.requestsPerSecond,
      row.p50,
      row.p99,
      row.errors,
      row.non2xx,
      ...(cpu ? [row.serverCpuPercent ?? "", perRequest] : []),
    ];
    lines.push(`| ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}
