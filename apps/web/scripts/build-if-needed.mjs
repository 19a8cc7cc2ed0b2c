#!/usr/bin/env node
// Builds the web app when there is no production build or a source file is newer than it.
// Used by `pnpm start:all` and the e2e test so neither serves a stale build.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const webDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const root = join(webDir, "../..");
const SOURCES = [
  join(webDir, "src"),
  join(webDir, "next.config.ts"),
  join(webDir, "package.json"),
  join(root, "packages/schemas/src"),
  join(root, "packages/dynamo/src"),
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/** True when `.next` holds a production build at least as new as every source it was built from. */
export function buildIsFresh() {
  const buildId = join(webDir, ".next/BUILD_ID");
  return existsSync(buildId) && statSync(buildId).mtimeMs >= Math.max(...SOURCES.map(newestMtime));
}

function withoutNodeEnv(env) {
  const { NODE_ENV: _ignored, ...rest } = env;
  return rest;
}

/** Runs `next build` unless the build is fresh; throws when the build fails. */
export function buildIfNeeded({ log = console.log } = {}) {
  if (buildIsFresh()) return false;
  log("Building the web app (next build)…");
  const result = spawnSync(join(webDir, "node_modules/.bin/next"), ["build"], {
    cwd: webDir,
    stdio: "inherit",
    // next build sets NODE_ENV itself and warns about any other value (vitest runs with "test").
    env: { ...withoutNodeEnv(process.env), NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    buildIfNeeded();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
