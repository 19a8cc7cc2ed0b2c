#!/usr/bin/env node
// `pnpm start:all`: embedded DynamoDB (8001), embedded S3 (8002), the agent (8000) and the web app (3000), as one
// unit. Ctrl-C stops all four; if one dies, the others are stopped and this exits non-zero.
import { spawn } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { developmentSecret } from "../apps/agent/src/core/dev-secret.mjs";
import { buildIfNeeded } from "../apps/web/scripts/build-if-needed.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = resolve(root, process.env.DATA_DIR || ".data");
const production = process.env.NODE_ENV === "production";
const ports = { dynamo: 8001, s3: 8002, agent: 8000, web: 3000 };
const tsx = join(root, "apps/agent/node_modules/.bin/tsx");
const next = join(root, "apps/web/node_modules/.bin/next");

/** JWT_SECRET from the environment; outside production a random one kept under DATA_DIR, so restarts keep sessions. */
function jwtSecret() {
  if (process.env.JWT_SECRET) return process.env.JWT_SECRET;
  if (production) {
    console.error("JWT_SECRET is required in production (at least 32 bytes; `openssl rand -hex 32`).");
    process.exit(1);
  }
  return developmentSecret(dataDir);
}

const shared = {
  ...process.env,
  JWT_SECRET: jwtSecret(),
  DATA_DIR: dataDir,
  DYNAMODB_ENDPOINT: `http://127.0.0.1:${ports.dynamo}`,
  DYNAMODB_CREATE_TABLES: "true",
  S3_ENDPOINT: `http://127.0.0.1:${ports.s3}`,
  NEXT_TELEMETRY_DISABLED: "1",
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
};

/** dynalite runs in its own process so the agent and the web app share one database, as they would in AWS. */
const DYNAMO_CLI = join(root, "packages/dynamo/src/cli.ts");
/** The embedded S3 (s3rver) likewise: the agent stores images there and signs links to it. */
const S3_CLI = join(root, "packages/storage/src/cli.ts");

const children = new Map();
let stopping = false;

function start(name, command, args, env, cwd = root) {
  const child = spawn(command, args, { cwd, env, stdio: ["ignore", "inherit", "inherit"] });
  children.set(name, child);
  child.on("exit", (code, signal) => {
    children.delete(name);
    if (!stopping) {
      console.error(`\n${name} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping the rest.`);
      stopAll(1);
    } else if (children.size === 0) {
      process.exit(process.exitCode ?? 0);
    }
  });
  return child;
}

function stopAll(exitCode) {
  if (stopping) return;
  stopping = true;
  process.exitCode = exitCode;
  if (children.size === 0) process.exit(exitCode);
  // Web first, database last: nothing should outlive what it depends on.
  for (const name of ["web", "agent", "s3", "dynamo"]) children.get(name)?.kill("SIGTERM");
  // The agent waits for in-flight generations (up to its 60 s budget) before it exits.
  setTimeout(() => {
    for (const child of children.values()) child.kill("SIGKILL");
    process.exit(exitCode || 1);
  }, 80_000).unref();
}

process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

async function waitFor(name, url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) throw new Error("stopping");
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not become ready at ${url}`);
}

try {
  buildIfNeeded();
  start("dynamo", tsx, [DYNAMO_CLI], { ...shared, DYNAMO_PATH: join(dataDir, "dynamodb"), DYNAMO_PORT: String(ports.dynamo) });
  await waitFor("DynamoDB", `http://127.0.0.1:${ports.dynamo}`);
  start("s3", tsx, [S3_CLI], { ...shared, S3_DIRECTORY: join(dataDir, "s3"), S3_PORT: String(ports.s3), S3_BUCKET: process.env.S3_BUCKET || "strategist-images-dev" });
  await waitFor("S3", `http://127.0.0.1:${ports.s3}`);
  start("agent", tsx, [join(root, "apps/agent/src/main/server.ts")], { ...shared, PORT: String(ports.agent), FRONTEND_URL: `http://localhost:${ports.web}` });
  await waitFor("agent", `http://127.0.0.1:${ports.agent}/health`);
  start("web", next, ["start", "-p", String(ports.web)], { ...shared, PORT: String(ports.web), AGENT_URL: `http://127.0.0.1:${ports.agent}` }, join(root, "apps/web"));
  await waitFor("web", `http://127.0.0.1:${ports.web}/api/health`);
  console.log(`
Strategist is running.
  Web app:   http://localhost:${ports.web}
  Agent API: http://localhost:${ports.agent}  (OpenAPI docs at /docs)
  DynamoDB:  http://127.0.0.1:${ports.dynamo}  (data in ${join(dataDir, "dynamodb")})
  S3:        http://127.0.0.1:${ports.s3}  (images in ${join(dataDir, "s3")})
Press Ctrl-C to stop.`);
} catch (error) {
  if (!stopping) {
    console.error(error instanceof Error ? error.message : error);
    stopAll(1);
  }
}
