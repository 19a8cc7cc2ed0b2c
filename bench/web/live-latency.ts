#!/usr/bin/env node
// How long the first finished section takes from the model to the marketer's screen during live generation.
// Run from the repository root:  bench/node_modules/.bin/tsx bench/web/live-latency.ts
// It starts the local Bedrock (a chunk every 300 ms), the agent on it (MODEL_PROVIDER=bedrock), the web app
// (`next start` of a production build) and Debian's Chromium, then generates RUNS strategies (default 10) from
// the form. For each: when the local Bedrock wrote the chunk that completes content_pillars (its write
// callback), when the page marked that section complete (a MutationObserver) and the animation frame after it
// (Date.now() in the page; same machine, same clock), and when the model finished.
import { loadavg } from "node:os";
import { launchBrowser, WIDTHS } from "../../apps/web/test/e2e/browser";
import { startLiveStack, summary, timeGeneration } from "../../apps/web/test/e2e/live-timing";

const RUNS = Number(process.env.RUNS ?? 10);
const BRIEF = {
  brand_name: "Juniper Coffee Roasters",
  industry: "Specialty coffee",
  target_audience: "Young professionals in Austin who care where their coffee comes from",
  goals: "Grow Instagram to 10k followers and double online bean subscriptions",
};

const [live, browser] = await Promise.all([startLiveStack(), launchBrowser()]);
try {
  const register = await fetch(`${live.stack.webUrl}/api/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: `bench-${Date.now()}@example.com`, password: "live bench 42" }),
  });
  const { token } = (await register.json()) as { token: string };
  const context = await browser.newContext({ viewport: WIDTHS.desktop });
  await context.addCookies([{ name: "strategist_session", value: token, url: live.stack.webUrl }]);
  const page = await context.newPage();
  // One unmeasured run: the first render of a route in a fresh server loads its modules.
  await timeGeneration(page, live, BRIEF);

  const rows = [];
  for (let run = 1; run <= RUNS; run++) {
    const timed = await timeGeneration(page, live, BRIEF);
    const observed = timed.changes.find((change) => change.section === "pillars" && change.state === "complete")!.observedAt;
    rows.push({
      run,
      toDom: observed - timed.pillarsWrittenAt,
      toScreen: timed.pillarsOnScreenAt - timed.pillarsWrittenAt,
      lead: timed.modelFinishedAt - timed.pillarsOnScreenAt,
      landed: timed.landedAt - timed.modelFinishedAt,
    });
  }
  const line = (name: string, values: number[]) => {
    const { median, max } = summary(values);
    return `| ${name} | ${median} ms | ${max} ms |`;
  };
  console.log(`${RUNS} runs, ${new Date().toISOString()}, load average ${loadavg().map((load) => load.toFixed(2)).join(" ")}`);
  console.log("| Measure | Median | Max |\n| --- | --- | --- |");
  console.log(line("content_pillars written by the model -> in the DOM", rows.map((row) => row.toDom)));
  console.log(line("content_pillars written by the model -> on screen (next frame)", rows.map((row) => row.toScreen)));
  console.log(line("content_pillars on screen before the model finished", rows.map((row) => row.lead)));
  console.log(line("model finished -> stored strategy's page open", rows.map((row) => row.landed)));
  console.log(`per run, written -> on screen (ms): ${rows.map((row) => row.toScreen).join(", ")}`);
  await context.close();
} finally {
  await browser.close();
  await live.stop();
}
