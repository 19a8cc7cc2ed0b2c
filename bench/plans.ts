// The content-plan benchmark: what an 8-week plan costs the service with the offline model (zero model latency), and
// how long its exports take. In-process, on the test harness (dynalite in memory, the real app through inject).
// Usage: pnpm --filter @strategist/bench exec tsx plans.ts [--runs 40]
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Plan, StrategyRecord } from "@strategist/schemas";
import { writePlan } from "../apps/agent/src/plans/copywriter";
import { planBriefOf, planPlatforms } from "../apps/agent/src/plans/service";
import { startHarness } from "../apps/agent/test/support/harness";

const { values } = parseArgs({ options: { runs: { type: "string", default: "40" } } });
const runs = Number(values.runs);

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const ms = (value: number) => value.toFixed(1);

async function timed(run: () => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index < runs + 3; index++) {
    const started = performance.now();
    await run();
    if (index >= 3) samples.push(performance.now() - started); // the first three warm up
  }
  return samples;
}

const harness = await startHarness({ env: { RATE_LIMIT_PER_MINUTE: "100000", READ_RATE_LIMIT_PER_MINUTE: "100000" } });
const headers = { authorization: `Bearer ${harness.token("bench-plans")}` };
const brief = {
  brand_name: "Benchmark Coffee",
  industry: "Specialty coffee",
  target_audience: "Young creative professionals, developers and local families",
  goals: "Grow awareness, community and online sales",
};
const strategy = (await harness.app.inject({ method: "POST", url: "/api/strategy/generate", headers, payload: brief })).json() as StrategyRecord;
const url = `/api/strategy/${strategy.id}`;

let posts = 0;
const plan = await timed(async () => {
  const response = await harness.app.inject({
    method: "POST",
    url: `${url}/plan`,
    headers,
    payload: { weeks: 8, timezone: "Europe/Paris", start_date: "2026-12-07" },
  });
  if (response.statusCode !== 200) throw new Error(response.body);
  posts = (response.json() as Plan).posts.length;
});
const { brief: planBrief } = planBriefOf(strategy, { startDate: "2026-12-07", weeks: 8, timezone: "Europe/Paris" });
const copywriter = await timed(() => writePlan(planBrief));
const read = await timed(() => harness.app.inject({ url: `${url}/plan`, headers }));
const sizes: Record<string, number> = {};
const exportTimes: Record<string, number[]> = {};
for (const file of ["plan.ics", "plan.csv", "export.pdf"]) {
  exportTimes[file] = await timed(async () => {
    const response = await harness.app.inject({ url: `${url}/${file}`, headers });
    if (response.statusCode !== 200) throw new Error(`${file}: ${response.statusCode}`);
    sizes[file] = response.rawPayload.length;
  });
}
// The bounded PDF: three posts become Facebook posts of 63,000 characters (the platform's limit) and the PDF is
// rendered in the export pool while /health is asked every 20 ms on the event loop.
const current = (await harness.app.inject({ url: `${url}/plan`, headers })).json() as Plan;
for (const post of current.posts.slice(0, 3)) {
  await harness.client.send(
    new UpdateCommand({
      TableName: harness.itemsTable,
      Key: { strategyId: strategy.id, itemKey: `post#${post.id}` },
      UpdateExpression: "SET platform = :facebook, caption = :caption",
      ExpressionAttributeValues: { ":facebook": "facebook", ":caption": "W".repeat(63_000) },
    }),
  );
}
const health: number[] = [];
const longPdf = await timed(async () => {
  let done = false;
  const exporting = harness.app.inject({ url: `${url}/export.pdf`, headers }).finally(() => (done = true));
  while (!done) {
    const asked = performance.now();
    await harness.app.inject({ url: "/health" });
    health.push(performance.now() - asked);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const response = await exporting;
  if (response.statusCode !== 200) throw new Error(`long PDF: ${response.statusCode}`);
  sizes["long.pdf"] = response.rawPayload.length;
});
await harness.close();

const row = (name: string, samples: number[], note = "") => `| ${name} | ${ms(percentile(samples, 50))} | ${ms(percentile(samples, 99))} | ${note} |`;
console.log(`### Content plans: 8 weeks, offline model (\`pnpm --filter @strategist/bench exec tsx plans.ts --runs ${runs}\`)\n`);
console.log(`${new Date().toISOString()}, node ${process.version}, ${cpus().length} cores shared with other work (load average ${loadavg()[0]!.toFixed(2)}).`);
console.log(
  `In process through \`app.inject\` on dynalite in memory; ${runs} timed runs after 3 warm-ups; ${posts} posts on ${planPlatforms(strategy).length} platforms.\n`,
);
console.log("| step | p50 ms | p99 ms | note |\n|---|---|---|---|");
console.log(row("POST /plan (8 weeks), whole request", plan, "auth, ownership, pipeline, offline model through Strands, schema + platform rules, store"));
console.log(row("the offline copywriter alone", copywriter, "writePlan: the model's share of the request"));
console.log(`| service overhead (p50 request - p50 copywriter) | ${ms(percentile(plan, 50) - percentile(copywriter, 50))} | | |`);
console.log(row("GET /plan", read, "plan item + posts query"));
for (const [file, samples] of Object.entries(exportTimes)) console.log(row(`GET ${file}`, samples, `${(sizes[file]! / 1024).toFixed(1)} KiB`));
console.log(row("GET export.pdf, three 63,000-character captions", longPdf, `${(sizes["long.pdf"]! / 1024).toFixed(1)} KiB; captions cut at 5,000 characters`));
console.log(row("GET /health while that PDF renders", health, `${health.length} requests, max ${ms(Math.max(...health))} ms`));
process.exit(0);
