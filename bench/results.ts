// The results benchmark: importing 10,000 rows and computing insights over them. Two views, in one run: the pure
// work (parse the CSV, match to a plan's posts, compute insights) and the whole API in process (app.inject on the
// test harness, dynalite in memory): a first import that stores every row, a re-import that adds nothing, and
// GET /insights over the stored rows.
// Usage: pnpm --filter @strategist/bench exec tsx results.ts [--rows 10000] [--runs 20] [--api-runs 5]
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { computeInsights, matchRows, parseResultsCsv, PLANTED_DEFAULTS, plantedResults, resultsToCsv } from "@strategist/insights";
import { planPlatformOf, type Plan, type StrategyRecord } from "@strategist/schemas";
import { startHarness } from "../apps/agent/test/support/harness";

const { values } = parseArgs({
  options: { rows: { type: "string", default: "10000" }, runs: { type: "string", default: "20" }, "api-runs": { type: "string", default: "5" } },
});
const rows = Number(values.rows);
const runs = Number(values.runs);
const apiRuns = Number(values["api-runs"]);

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const ms = (value: number) => value.toFixed(1);

async function timed(count: number, run: (index: number) => unknown, warmups = 2): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index < count + warmups; index++) {
    const started = performance.now();
    await run(index);
    if (index >= warmups) samples.push(performance.now() - started);
  }
  return samples;
}

const harness = await startHarness({ env: { RATE_LIMIT_PER_MINUTE: "100000", READ_RATE_LIMIT_PER_MINUTE: "100000" } });
const headers = { authorization: `Bearer ${harness.token("bench-results")}` };
const brief = {
  brand_name: "Benchmark Coffee",
  industry: "Specialty coffee",
  target_audience: "Young creative professionals and local families",
  goals: "Grow awareness and online sales",
};
const newStrategy = async () => {
  const strategy = (await harness.app.inject({ method: "POST", url: "/api/strategy/generate", headers, payload: brief })).json() as StrategyRecord;
  const plan = (
    await harness.app.inject({
      method: "POST",
      url: `/api/strategy/${strategy.id}/plan`,
      headers,
      payload: { weeks: 8, timezone: PLANTED_DEFAULTS.timezone, start_date: "2026-01-05" },
    })
  ).json() as Plan;
  return { strategy, plan };
};
const { strategy, plan } = await newStrategy();
const platforms = strategy.strategy_output.platform_recommendations.map((recommendation) => planPlatformOf(recommendation.platform)!).filter(Boolean);
const dataset = plantedResults({
  ...PLANTED_DEFAULTS,
  rows,
  platforms,
  pillars: strategy.strategy_output.content_pillars,
  slot: { ...PLANTED_DEFAULTS.slot, platform: platforms.at(-1)! },
  pillar: { name: strategy.strategy_output.content_pillars[0]!, factor: 3 },
});
const csv = resultsToCsv(dataset);

const parse = await timed(runs, () => parseResultsCsv(csv, { timezone: PLANTED_DEFAULTS.timezone }));
const parsed = parseResultsCsv(csv, { timezone: PLANTED_DEFAULTS.timezone });
if (parsed.rows.length !== rows) throw new Error(`parsed ${parsed.rows.length} of ${rows} rows: ${JSON.stringify(parsed.rejected.slice(0, 3))}`);
const match = await timed(runs, () => matchRows(parsed.rows, plan.posts));
const insights = await timed(runs, () => computeInsights(parsed.rows, PLANTED_DEFAULTS.timezone));
const pure = await timed(runs, () =>
  computeInsights(matchRows(parseResultsCsv(csv, { timezone: PLANTED_DEFAULTS.timezone }).rows, plan.posts).earlier, PLANTED_DEFAULTS.timezone),
);

const targets = [strategy.id];
for (let index = 1; index < apiRuns + 1; index++) targets.push((await newStrategy()).strategy.id);
const post = (strategyId: string) =>
  harness.app.inject({ method: "POST", url: `/api/strategy/${strategyId}/results`, headers: { ...headers, "content-type": "text/csv" }, payload: csv });
const first = await timed(
  apiRuns,
  async (index) => {
    const response = await post(targets[index]!);
    if (response.statusCode !== 200 || response.json().added !== rows) throw new Error(response.body.slice(0, 300));
  },
  1,
);
const again = await timed(apiRuns, async () => {
  const response = await post(targets[0]!);
  if (response.json().added !== 0) throw new Error("a re-import added rows");
});
const read = await timed(runs, async () => {
  const response = await harness.app.inject({ url: `/api/strategy/${targets[0]}/insights`, headers });
  if (response.statusCode !== 200) throw new Error(response.body);
});
await harness.close();

const row = (name: string, samples: number[], note = "") =>
  `| ${name} | ${ms(percentile(samples, 50))} | ${ms(percentile(samples, 99))} | ${samples.length} | ${note} |`;
console.log(`### Results: ${rows.toLocaleString("en")} rows (\`pnpm --filter @strategist/bench exec tsx results.ts\`)\n`);
console.log(`${new Date().toISOString()}, node ${process.version}, ${cpus().length} cores shared with other work (load average ${loadavg()[0]!.toFixed(2)}).`);
console.log(`CSV of ${(csv.length / 1024 / 1024).toFixed(2)} MiB; ${platforms.length} platforms; plan of ${plan.posts.length} posts.\n`);
console.log("| step | p50 ms | p99 ms | runs | note |\n|---|---|---|---|---|");
console.log(row("parse the CSV", parse));
console.log(row("match to the plan's posts", match));
console.log(row("compute insights", insights));
console.log(row("parse + match + insights (pure)", pure, "the work of one import and one insights read, without storage"));
console.log(row("POST /results, first import", first, "in process, dynalite in memory: every row stored (one put each)"));
console.log(row("POST /results, re-import", again, "reads the stored rows, stores nothing"));
console.log(row("GET /insights", read, `over ${rows.toLocaleString("en")} stored rows`));
process.exit(0);
