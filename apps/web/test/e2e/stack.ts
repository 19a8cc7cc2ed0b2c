import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedDynamo, type EmbeddedDynamo } from "@strategist/dynamo/embedded";
import { startEmbeddedS3, type EmbeddedS3 } from "@strategist/storage/embedded";
// @ts-expect-error: a plain .mjs script shared with `pnpm start:all`
import { buildIfNeeded, webDir } from "../../scripts/build-if-needed.mjs";

const root = join(webDir as string, "../..");

/** A free loopback port; the tiny window before the server binds it is acceptable in tests. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}) before ${url} was ready:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms:\n${output()}`);
}

/** Starts a server process, keeping its output for the failure message, and waits until its health URL answers. */
export async function startServer(
  command: string,
  args: string[],
  env: Record<string, string | undefined>,
  healthUrl: string,
  cwd = root,
): Promise<ChildProcess> {
  // Next.js types NODE_ENV as required on ProcessEnv; these environments always set it.
  const child = spawn(command, args, { cwd, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  await waitForHealth(healthUrl, child, () => output);
  return child;
}

export function stopServer(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** The agent's per-user generation limit in the test stack: low enough for a test to reach it, high enough to fill more than one history page. */
export const GENERATIONS_PER_MINUTE = 14;

export interface Stack {
  webUrl: string;
  agentUrl: string;
  jwtSecret: string;
  /** Everything the web server printed to stdout since it was ready. */
  webLog(): string;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Agent settings over the defaults (the offline model), e.g. MODEL_PROVIDER=bedrock and a local Bedrock. */
  agentEnv?: Record<string, string>;
  /** Web settings over the defaults, e.g. an OTLP endpoint, or NODE_ENV=test for the development mailer that logs reset links. */
  webEnv?: Record<string, string>;
}

/** The whole product on free loopback ports: dynalite and s3rver in a temp dir, the agent (offline model unless told), and `next start`. */
export async function startStack({ agentEnv = {}, webEnv = {} }: StackOptions = {}): Promise<Stack> {
  buildIfNeeded({ log: () => undefined });
  const dataDir = mkdtempSync(join(tmpdir(), "strategist-e2e-"));
  const jwtSecret = randomBytes(32).toString("hex");
  let dynamo: EmbeddedDynamo | undefined;
  let s3: EmbeddedS3 | undefined;
  let agent: ChildProcess | undefined;
  let web: ChildProcess | undefined;
  const stop = async () => {
    await stopServer(web);
    await stopServer(agent);
    await dynamo?.close();
    await s3?.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    dynamo = await startEmbeddedDynamo({ path: join(dataDir, "dynamodb") });
    // NODE_ENV=production: the agent embeds nothing, so the stack provides the image bucket's S3 too.
    s3 = await startEmbeddedS3({ directory: join(dataDir, "s3") });
    const [agentPort, webPort] = [await freePort(), await freePort()];
    const shared = {
      ...process.env,
      NODE_ENV: "production",
      JWT_SECRET: jwtSecret,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      DYNAMODB_CREATE_TABLES: "true",
      S3_ENDPOINT: s3.endpoint,
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      // Each stack's metrics on a free port: other stacks (and other suites) may run beside this one.
      METRICS_PORT: "0",
    };
    agent = await startServer(
      join(root, "apps/agent/node_modules/.bin/tsx"),
      [join(root, "apps/agent/src/main/server.ts")],
      {
        ...shared,
        HOST: "127.0.0.1",
        PORT: String(agentPort),
        MODEL_PROVIDER: "offline",
        FRONTEND_URL: `http://127.0.0.1:${webPort}`,
        RATE_LIMIT_PER_MINUTE: String(GENERATIONS_PER_MINUTE),
        ...agentEnv,
      },
      `http://127.0.0.1:${agentPort}/health`,
    );
    web = await startServer(
      join(webDir as string, "node_modules/.bin/next"),
      ["start", "-p", String(webPort), "-H", "127.0.0.1"],
      { ...shared, PORT: String(webPort), AGENT_URL: `http://127.0.0.1:${agentPort}`, AUTH_RATE_LIMIT_PER_IP_PER_MINUTE: "1000", ...webEnv },
      `http://127.0.0.1:${webPort}/api/health`,
      webDir as string,
    );
    let webOutput = "";
    web.stdout?.on("data", (chunk: Buffer) => (webOutput += chunk.toString()));
    return { webUrl: `http://127.0.0.1:${webPort}`, agentUrl: `http://127.0.0.1:${agentPort}`, jwtSecret, webLog: () => webOutput, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
