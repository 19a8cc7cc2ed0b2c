import { spawn, type ChildProcess } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const agentDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  logs: string[];
  exited: Promise<number | null>;
}

/** Starts the real entry point (`tsx src/main/server.ts`) on a free port and waits until it says it is ready. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  // Node itself with the tsx loader (not the tsx wrapper, which runs the server in a grandchild), so a signal sent
  // to `child` reaches the server: SIGKILL really kills it.
  const child = spawn(process.execPath, ["--import", "tsx", "src/main/server.ts"], {
    cwd: agentDir,
    env: { PATH: process.env.PATH, PORT: "0", METRICS_PORT: "0", HOST: "127.0.0.1", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${logs.join("\n")}`)), 45_000);
    let listening: string | undefined;
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n").filter(Boolean)) {
        logs.push(line);
        listening ??= /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
        if (listening && line.includes("strategist agent ready")) {
          clearTimeout(timer);
          resolve(listening);
        }
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${logs.join("\n")}`));
    });
  });
  return { url, child, logs, exited };
}

/** Runs the entry point expecting it to refuse to start; resolves with its exit code and output. */
export async function runServerExpectingExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(join(agentDir, "node_modules", ".bin", "tsx"), ["src/main/server.ts"], {
    cwd: agentDir,
    env: { PATH: process.env.PATH, PORT: "0", METRICS_PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const timer = setTimeout(() => child.kill("SIGKILL"), 45_000);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  clearTimeout(timer);
  return { code, output };
}
