#!/usr/bin/env node
// Lighthouse on every page a signed-in marketer visits, mobile preset (simulated slow 4G, 4x CPU slowdown):
// landing, new strategy, strategy detail, history, content plan, brands, new brand, brand detail, the insights of a
// brand and of a strategy, API keys, and the two password-reset pages.
// Run from the repository root:  bench/node_modules/.bin/tsx bench/web/lighthouse.mjs
// It starts its own servers on free ports (the e2e stack: dynalite, the agent with the offline model,
// `next start` of a production build); BASE=http://host:port audits a running server instead.
// Each page is audited RUNS times (default 3) and the median run by performance score is reported, as
// Lighthouse's own guidance suggests for noisy machines. JSON reports go to apps/web/artifacts/lighthouse/.
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const lighthouse = join(root, "apps/web/node_modules/.bin/lighthouse");
const out = join(root, "apps/web/artifacts/lighthouse");
const chromeFlags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run";

async function post(base, path, body, headers = {}) {
  const response = await fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

const RUNS = Number(process.env.RUNS ?? 3);

async function audit(base, path, cookie, name) {
  const report = join(out, `${name}.json`);
  // On a loaded machine Chromium now and then loses the trace (NO_NAVSTART, NO_FCP): run that audit again, twice at most.
  for (let attempt = 1; ; attempt++) {
    try {
      await lighthouseRun(base, path, cookie, report);
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      console.error(
        `${name}: ${String(error.stderr ?? error)
          .trim()
          .split("\n")
          .pop()}; running it again`,
      );
    }
  }
  return summary(report, path);
}

async function lighthouseRun(base, path, cookie, report) {
  await run(
    lighthouse,
    [
      `${base}${path}`,
      "--quiet",
      "--output=json",
      `--output-path=${report}`,
      `--chrome-flags=${chromeFlags}`,
      `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
      "--only-categories=performance,accessibility,best-practices",
    ],
    { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" }, maxBuffer: 64 * 1024 * 1024 },
  );
}

function summary(report, path) {
  const result = JSON.parse(readFileSync(report, "utf8"));
  const score = (category) => Math.round(result.categories[category].score * 100);
  const metric = (id) => result.audits[id].displayValue;
  const items = result.audits["resource-summary"].details.items;
  const kib = (type) => Math.round(items.find((item) => item.resourceType === type).transferSize / 1024);
  return {
    page: path.replace(/[0-9a-f-]{36}/g, "[id]"),
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    fcp: metric("first-contentful-paint"),
    lcp: metric("largest-contentful-paint"),
    tbt: metric("total-blocking-time"),
    cls: metric("cumulative-layout-shift"),
    totalKiB: kib("total"),
    scriptKiB: kib("script"),
    bootupMs: Math.round(result.audits["bootup-time"].numericValue),
  };
}

mkdirSync(out, { recursive: true });
const loadAtStart = loadavg()
  .map((load) => load.toFixed(2))
  .join(" ");
let stack;
let base = process.env.BASE;
if (!base) {
  const { startStack } = await import("../../apps/web/test/e2e/stack.ts");
  stack = await startStack();
  base = stack.webUrl;
}
try {
  const account = { email: `lighthouse-${Date.now()}@example.com`, password: "lighthouse run 1" };
  const { token } = await post(base, "/api/auth/register", account);
  const cookie = `strategist_session=${token}`;
  const strategy = await post(
    base,
    "/api/strategy/generate",
    {
      brand_name: "Juniper Coffee Roasters",
      industry: "Specialty coffee",
      target_audience: "Young professionals in Austin",
      goals: "Double online bean subscriptions",
    },
    { authorization: `Bearer ${token}` },
  );
  const auth = { authorization: `Bearer ${token}` };
  await post(base, `/api/strategy/${strategy.id}/plan`, { weeks: 2 }, auth);
  const brand = await post(
    base,
    "/api/brands",
    {
      name: "Juniper Coffee Roasters",
      industry: "Specialty coffee",
      target_audience: "Young professionals in Austin",
      goals: "Double online bean subscriptions",
      voice: { tone: ["warm", "curious"], do: ["name the farm"], dont: [], banned_words: ["synergy"], preferred_hashtags: ["#juniper"] },
    },
    auth,
  );
  const pages = [
    ["/", "landing"],
    ["/strategies/new", "strategies-new"],
    [`/strategies/${strategy.id}`, "strategy-detail"],
    ["/strategies", "history"],
    [`/strategies/${strategy.id}/plan`, "plan"],
    ["/brands", "brands"],
    ["/brands/new", "brands-new"],
    [`/brands/${brand.id}`, "brand-detail"],
    [`/brands/${brand.id}/insights`, "brand-insights"],
    [`/strategies/${strategy.id}/insights`, "strategy-insights"],
    ["/account/keys", "api-keys"],
    ["/forgot-password", "forgot-password"],
    ["/reset-password?token=lighthouse-sample-token", "reset-password"],
    ...(process.env.EXTRA_PAGES ?? "")
      .split(",")
      .filter(Boolean)
      .map((path) => [path, path.replace(/\W+/g, "-").replace(/^-|-$/g, "")]),
  ].filter(([, name]) => !process.env.ONLY || process.env.ONLY.split(",").includes(name));
  const results = [];
  for (const [path, name] of pages) {
    // One unmeasured request first: the first render of a route in a fresh server loads its modules.
    await fetch(`${base}${path}`, { headers: { cookie } });
    const runs = [];
    for (let run = 1; run <= RUNS; run++) runs.push(await audit(base, path, cookie, `${name}-${run}`));
    runs.sort((a, b) => a.performance - b.performance);
    const median = runs[Math.floor(runs.length / 2)];
    results.push({ ...median, performanceRuns: runs.map((run) => run.performance).join("/") });
  }
  const version = JSON.parse(readFileSync(join(root, "apps/web/node_modules/lighthouse/package.json"), "utf8")).version;
  console.log(
    `Lighthouse ${version}, mobile preset, median of ${RUNS} runs, ${new Date().toISOString()}, load average ${loadavg()
      .map((load) => load.toFixed(2))
      .join(" ")}`,
  );
  console.table(results);
  // The goal: performance >= 95 and accessibility 100 on every page.
  if (results.some((result) => result.performance < 95 || result.accessibility < 100)) process.exitCode = 1;
} finally {
  await stack?.stop();
}
