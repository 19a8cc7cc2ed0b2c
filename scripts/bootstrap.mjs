#!/usr/bin/env node
// The README's two commands land here: make sure the toolchain and dependencies are present,
// then start the product or run every test. Only Node 20+ and npm are assumed.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const PNPM = "pnpm@10.34.8";
const task = process.argv[2];
if (task !== "start" && task !== "test") {
  console.error("usage: node scripts/bootstrap.mjs start|test");
  process.exit(2);
}

function has(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

function run(command, env = {}) {
  console.log(`\n$ ${command}`);
  const result = spawnSync("sh", ["-c", command], { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!has("pnpm")) run(`npm install -g ${PNPM}`);
run("pnpm install --frozen-lockfile");

if (task === "test") {
  // The browser tests drive Debian's Chromium (never a browser download); the PDF export's test reads the text back
  // with pdftotext from Debian's poppler-utils.
  const missing = [...(existsSync(process.env.CHROME_PATH ?? "/usr/bin/chromium") ? [] : ["chromium"]), ...(has("pdftotext") ? [] : ["poppler-utils"])];
  if (missing.length > 0) {
    const sudo = process.getuid?.() === 0 ? "" : "sudo ";
    run(`${sudo}apt-get update -qq && ${sudo}apt-get install -y -qq ${missing.join(" ")}`, { DEBIAN_FRONTEND: "noninteractive" });
  }
}
// The agent's and the telemetry package's tests scrape with a real Prometheus and lint with promtool (Debian's package).
if (task === "test") run("sh packages/telemetry/scripts/ensure-prometheus.sh");

const env = { NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" };
if (task === "start") run("pnpm run start:all", env);
else await runTests(env);

/** Runs every package's tests through turbo, echoing the output, and closes with one total line. */
async function runTests(extraEnv) {
  console.log("\n$ pnpm run test:all");
  const child = spawn("sh", ["-c", "pnpm run test:all"], { cwd: root, env: { ...process.env, ...extraEnv }, stdio: ["ignore", "pipe", "inherit"] });
  let passed = 0;
  let failed = 0;
  let pending = "";
  child.stdout.on("data", (chunk) => {
    process.stdout.write(chunk);
    pending += chunk.toString();
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      // vitest's summary: "Tests  3 failed | 91 passed (94)"
      const summary = /\bTests\s+(.*)\(\d+\)\s*$/.exec(line.replace(/\x1b\[[0-9;]*m/g, ""));
      if (!summary) continue;
      passed += Number(/(\d+) passed/.exec(summary[1])?.[1] ?? 0);
      failed += Number(/(\d+) failed/.exec(summary[1])?.[1] ?? 0);
    }
  });
  const code = await new Promise((resolve) => child.on("close", resolve));
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(code === 0 && failed === 0 && passed > 0 ? 0 : code || 1);
}
