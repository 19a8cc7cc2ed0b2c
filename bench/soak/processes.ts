import { execFile, spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, type WriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
// The tsx loader by absolute path, so the children need no package of their own to find it.
const tsxLoader = import.meta.resolve("tsx");

function spawnTs(entry: string, env: Record<string, string>, stdio: "pipe" | "ignore" = "pipe"): ChildProcess {
  return spawn(process.execPath, ["--import", tsxLoader, `${repoRoot}${entry}`], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", TMPDIR: process.env.TMPDIR ?? "/tmp", ...env },
    stdio: ["ignore", "pipe", stdio],
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", () => resolve()));
}

/** A service of ours in its own process that prints its endpoint on its first line; stopped with SIGTERM, then SIGKILL. */
async function startListening(script: string, env: Record<string, string>, name: string): Promise<{ endpoint: string; stop(): Promise<void>; kill(): void }> {
  const child = spawnTs(script, env, "ignore");
  const endpoint = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`${name} exited with ${code} before it listened`)));
  });
  return {
    endpoint,
    async stop() {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited(child);
      clearTimeout(timer);
    },
    kill() {
      child.kill("SIGKILL");
    },
  };
}

/** dynalite in its own process, on disk, so it outlives every agent restart. */
export function startDynalite(path: string) {
  return startListening("packages/dynamo/src/cli.ts", { DYNAMO_PORT: "0", DYNAMO_PATH: path }, "dynalite");
}

/** The embedded S3 (s3rver) in its own process, on disk, so images outlive every agent restart. */
export function startObjectStore(directory: string, bucket: string) {
  return startListening("packages/storage/src/cli.ts", { S3_PORT: "0", S3_DIRECTORY: directory, S3_BUCKET: bucket }, "s3rver");
}

/** How one agent process ended, and whether the soak meant it to. */
export interface AgentExit {
  pid: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** What the soak did to it: "SIGTERM", "SIGKILL", or nothing (a crash). */
  sentBySoak?: NodeJS.Signals;
  /** Milliseconds from the soak's signal to the exit. */
  afterMs?: number;
  expected: boolean;
}

/**
 * The real agent (`apps/agent/src/main/server.ts`) as a child process on a fixed port, restartable. Its JSON log goes to
 * a file; error and fatal lines are counted by message. An exit the soak did not cause is recorded as a crash and
 * the agent is started again, so the run goes on and the crash shows in the verdict.
 */
export class AgentProcess {
  readonly exits: AgentExit[] = [];
  readonly errorLines = new Map<string, number>();
  /** The agent's stderr, first lines (its log is on stdout). */
  readonly stderrLines: string[] = [];
  starts = 0;
  private child?: ChildProcess;
  private sending?: NodeJS.Signals;
  private sentAt = 0;
  private restarting?: Promise<void>;
  private stopped = false;
  private readonly log: WriteStream;

  constructor(
    private readonly env: Record<string, string>,
    logPath: string,
  ) {
    this.log = createWriteStream(logPath, { flags: "a" });
  }

  /** The running agent's process id. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the agent and resolves once it logged "strategist agent ready". */
  async start(): Promise<void> {
    const child = spawnTs("apps/agent/src/main/server.ts", this.env);
    this.child = child;
    this.starts++;
    // Whatever the agent writes outside its JSON log (close-with-grace's "killed by timeout", a crash's stack) is
    // kept for the report: it is the first clue when an exit was not the expected one.
    createInterface({ input: child.stderr! }).on("line", (line) => {
      this.log.write(`${line}\n`);
      if (line.trim() && this.stderrLines.length < 40) this.stderrLines.push(`[pid ${child.pid}] ${line}`);
    });
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the agent was not ready within 60 s")), 60_000);
      createInterface({ input: child.stdout! }).on("line", (line) => {
        this.log.write(`${line}\n`);
        const entry = parseLogLine(line);
        if (entry?.msg.startsWith("strategist agent ready")) {
          clearTimeout(timer);
          resolve();
        }
        if (entry && entry.level >= 50) this.errorLines.set(entry.msg, (this.errorLines.get(entry.msg) ?? 0) + 1);
      });
      child.once("exit", () => {
        clearTimeout(timer);
        reject(new Error("the agent exited before it was ready"));
      });
    });
    child.once("exit", (code, signal) => {
      const sentBySoak = this.sending;
      const expected = sentBySoak === "SIGKILL" ? signal === "SIGKILL" : sentBySoak === "SIGTERM" ? code === 0 : false;
      this.exits.push({ pid: child.pid!, code, signal, sentBySoak, afterMs: sentBySoak ? Date.now() - this.sentAt : undefined, expected });
      this.child = undefined;
      this.sending = undefined;
      if (!sentBySoak && !this.stopped) this.restarting = this.start().catch(() => undefined);
    });
    await ready;
  }

  /** Resolves once an agent that died on its own has been started again (at once if none did). */
  async recovered(): Promise<void> {
    while (this.restarting) {
      const restarting = this.restarting;
      await restarting;
      if (this.restarting === restarting) this.restarting = undefined;
    }
  }

  /** Sends a signal and waits for the exit; a SIGTERM that does not end the agent within `graceMs` is followed by SIGKILL. */
  async signal(signal: "SIGTERM" | "SIGKILL", graceMs = 30_000): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.sending = signal;
    this.sentAt = Date.now();
    child.kill(signal);
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    // A drain longer than any generation (3 s) plus slow DynamoDB calls: note what still holds the port open.
    const probe = setTimeout(() => this.noteOpenConnections(), 6000);
    await exited(child);
    clearTimeout(timer);
    clearTimeout(probe);
  }

  private noteOpenConnections(): void {
    execFile("ss", ["-tnoH", `( sport = :${this.env.PORT} )`], (error, stdout) => {
      const lines = error ? [`ss failed: ${error.message}`] : stdout.trim().split("\n").filter(Boolean);
      this.stderrLines.push(`[soak] 6 s after ${this.sending ?? "the signal"}, ${lines.length} connections on the agent port:`, ...lines.slice(0, 10));
    });
  }

  /** Stops for good (SIGTERM, as an orchestrator would) and closes the log. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.signal("SIGTERM");
    await new Promise((resolve) => this.log.end(resolve));
  }

  /** Last resort on the way out: nothing of ours may outlive the soak. */
  kill(): void {
    this.stopped = true;
    this.child?.kill("SIGKILL");
  }
}

function parseLogLine(line: string): { level: number; msg: string } | undefined {
  try {
    const entry = JSON.parse(line) as { level?: unknown; msg?: unknown; code?: unknown };
    const msg = entry.code === undefined ? String(entry.msg) : `${String(entry.msg)} (${typeof entry.code === "string" ? entry.code : JSON.stringify(entry.code)})`;
    return typeof entry.level === "number" ? { level: entry.level, msg } : undefined;
  } catch {
    return undefined;
  }
}
