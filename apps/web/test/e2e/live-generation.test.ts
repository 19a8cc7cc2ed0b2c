import { StrategyRecord } from "@strategist/schemas";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, snapBothWidths, WIDTHS } from "./browser";
import { fillBrief, recordSectionChanges, sectionChanges, startLiveStack, summary, timeGeneration, type LiveStack } from "./live-timing";

/**
 * Live generation through the whole product: the real agent on the local Bedrock (a chunk every 300 ms), the
 * web proxy, and Chromium showing the strategy as it is written.
 */
let live: LiveStack;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const BRIEF = {
  brand_name: "Crumb & Co",
  industry: "Artisan bakery",
  target_audience: "Families in Portland who buy bread at the weekend market",
  goals: "Bring twice as many people to Saturday pick-up",
};

beforeAll(async () => {
  [live, browser] = await Promise.all([startLiveStack(), launchBrowser()]);
  const signUp = await fetch(`${live.stack.webUrl}/api/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "baker@example.com", password: "correct horse 42" }),
  });
  const { token } = (await signUp.json()) as { token: string };
  context = await browser.newContext({ viewport: WIDTHS.desktop });
  await context.addCookies([{ name: "strategist_session", value: token, url: live.stack.webUrl }]);
  page = await context.newPage();
});

afterEach(() => live.bedrock.reset());

afterAll(async () => {
  await browser?.close();
  await live?.stop();
});

async function storedCount(): Promise<number> {
  const list = (await page.evaluate(async () => (await fetch("/api/strategy/list?limit=100")).json())) as unknown[];
  return list.length;
}

async function expectFormWithBrief() {
  await page.getByLabel("Brand name").waitFor();
  expect(await page.getByLabel("Brand name").inputValue()).toBe(BRIEF.brand_name);
  expect(await page.getByLabel("Industry").inputValue()).toBe(BRIEF.industry);
  expect(await page.getByLabel("Target audience").inputValue()).toBe(BRIEF.target_audience);
  expect(await page.getByLabel("Goals").inputValue()).toBe(BRIEF.goals);
}

describe("watching a strategy being written", () => {
  it("shows the first section on screen well before the model has finished, then opens the stored strategy", { timeout: 60_000 }, async () => {
    const runs = [];
    for (let run = 0; run < 3; run++) runs.push(await timeGeneration(page, live, BRIEF));

    for (const run of runs) {
      expect(run.pillarsOnScreenAt).toBeGreaterThanOrEqual(run.pillarsWrittenAt);
      expect(run.modelFinishedAt - run.pillarsOnScreenAt).toBeGreaterThan(1000);
      expect(run.landedAt).toBeGreaterThan(run.modelFinishedAt);
      // Sections are marked complete in the order the model writes them.
      const completed = run.changes.filter((change) => change.state === "complete").map((change) => change.section);
      expect(completed).toEqual(["pillars", "schedule", "platforms", "themes", "tactics", "visuals"].slice(0, completed.length));
    }
    const latency = summary(runs.map((run) => run.pillarsOnScreenAt - run.pillarsWrittenAt));
    const lead = summary(runs.map((run) => run.modelFinishedAt - run.pillarsOnScreenAt));
    console.log(
      `live generation: content_pillars written -> on screen median ${latency.median} ms, max ${latency.max} ms; on screen before the model finished: median ${lead.median} ms`,
    );
    expect(latency.max).toBeLessThan(1000);

    // The page it lands on is the stored strategy the stream delivered.
    const id = page.url().split("/").pop()!;
    const stored = StrategyRecord.parse(await page.evaluate(async (strategyId) => (await fetch(`/api/strategy/${strategyId}`)).json(), id));
    expect(stored.model).toBe(live.bedrock.requests.at(-1)!.modelId);
    for (const pillar of stored.strategy_output.content_pillars) expect(await page.getByText(pillar, { exact: true }).count()).toBe(1);
  });

  it("grows a list item by item while later sections wait in place, and keeps the page accessible", { timeout: 30_000 }, async () => {
    // Many small chunks, so lists arrive a few items at a time.
    live.bedrock.script({ kind: "answer", chunks: 60, chunkDelayMs: 60 });
    await page.goto(`${live.stack.webUrl}/strategies/new`);
    await fillBrief(page, BRIEF);
    await recordSectionChanges(page);
    await page.getByRole("button", { name: "Generate strategy" }).click();

    // Focus leaves the form it replaces for the progress heading; the brief is shown back.
    await page.locator("#progress-title").waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("progress-title");
    expect(await page.getByRole("heading", { name: BRIEF.brand_name }).isVisible()).toBe(true);
    expect(await page.getByLabel("Brand name").isVisible()).toBe(false);

    await page.locator('#themes[data-state="writing"]').waitFor();
    expect(await page.locator('#visuals[data-state="waiting"] .skeleton').isVisible()).toBe(true);
    expect(await page.getByRole("status").first().textContent()).toMatch(/written \(\d of 6 sections\)/);
    expect(await snapBothWidths(page, "11-live-generation")).toBe(0);

    await page.waitForURL(/\/strategies\/[0-9a-f-]{36}$/);
    const changes = await sectionChanges(page);
    // Every list section was seen growing before it was complete.
    for (const section of ["pillars", "platforms", "themes", "tactics"]) {
      const states = changes.filter((change) => change.section === section).map((change) => change.state);
      expect(states, section).toEqual(["waiting", "writing", "complete"]);
    }
  });

  it("clears what it showed and says the model is trying again when an attempt fails validation", { timeout: 30_000 }, async () => {
    live.bedrock.script({ kind: "invalidOutput" });
    await page.goto(`${live.stack.webUrl}/strategies/new`);
    await fillBrief(page, BRIEF);
    await recordSectionChanges(page);
    await page.getByRole("button", { name: "Generate strategy" }).click();

    await page.locator(".progress-restart").waitFor();
    expect(await page.locator(".progress-restart").textContent()).toContain("started over");
    await page.waitForURL(/\/strategies\/[0-9a-f-]{36}$/);

    // The one-pillar draft was shown complete, cleared by the reset, then the valid strategy was written.
    const pillars = (await sectionChanges(page)).filter((change) => change.section === "pillars").map((change) => change.state);
    expect(pillars).toEqual(["waiting", "complete", "waiting", "complete"]);
    expect(live.bedrock.requests).toHaveLength(2);
    expect(await page.locator(".pillars-grid li").count()).toBeGreaterThanOrEqual(3);
  });

  it("explains a throttled model in plain words and keeps the brief for the retry", { timeout: 30_000 }, async () => {
    live.bedrock.setDefault({ kind: "streamError", error: "ThrottlingException", afterEvents: 3 });
    const before = await storedCount();
    await page.goto(`${live.stack.webUrl}/strategies/new`);
    await fillBrief(page, BRIEF);
    await page.getByRole("button", { name: "Generate strategy" }).click();

    const alert = page.locator(".alert.error");
    await alert.waitFor();
    expect(await alert.getByRole("heading").textContent()).toBe("The AI service is busy");
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("The AI service is busy");
    await expectFormWithBrief();
    expect(await page.locator("#progress-title").count()).toBe(0);
    expect(await storedCount()).toBe(before);
  });

  it("stops the model when the marketer presses Stop or leaves the page, and stores nothing", { timeout: 30_000 }, async () => {
    const before = await storedCount();
    live.bedrock.script({ kind: "answer", chunkDelayMs: 500 }, { kind: "answer", chunkDelayMs: 500 });
    await page.goto(`${live.stack.webUrl}/strategies/new`);
    await fillBrief(page, BRIEF);
    await page.getByRole("button", { name: "Generate strategy" }).click();
    await page.locator('#pillars[data-state="complete"]').waitFor();
    await page.getByRole("button", { name: "Stop" }).click();
    expect(await page.getByRole("status").textContent()).toContain("Stopped");
    await expectFormWithBrief();
    await expect.poll(() => live.bedrock.aborted).toBe(1);

    await page.getByRole("button", { name: "Generate strategy" }).click();
    await page.locator('#pillars[data-state="complete"]').waitFor();
    await page.getByRole("link", { name: "History" }).click();
    await page.waitForURL((url) => url.pathname === "/strategies");
    await expect.poll(() => live.bedrock.aborted).toBe(2);
    expect(await storedCount()).toBe(before);
  });
});

describe("answers before the stream opens", () => {
  it("puts a 400's field errors beside their fields", { timeout: 20_000 }, async () => {
    // The browser checks the brief first, so the only way to a real 400 is a request changed on its way.
    await page.route("**/api/strategy/generate/stream", (route) => route.continue({ postData: JSON.stringify({ ...BRIEF, goals: "x".repeat(2001) }) }));
    await page.goto(`${live.stack.webUrl}/strategies/new`);
    await fillBrief(page, BRIEF);
    await page.getByRole("button", { name: "Generate strategy" }).click();
    await page.locator("#goals-error").waitFor();
    expect(await page.locator("#goals-error").textContent()).toBe("Must be at most 2000 characters");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("goals");
    await expectFormWithBrief();
    await page.unroute("**/api/strategy/generate/stream");
  });

  it("sends a 401 to log in again, keeping the brief", { timeout: 20_000 }, async () => {
    await page.route("**/api/strategy/generate/stream", (route) =>
      route.continue({ headers: { ...route.request().headers(), authorization: "Bearer not-a-token" } }),
    );
    await page.goto(`${live.stack.webUrl}/strategies/new`);
    await fillBrief(page, BRIEF);
    await page.getByRole("button", { name: "Generate strategy" }).click();
    const alert = page.locator(".alert.error");
    await alert.waitFor();
    expect(await alert.getByRole("heading").textContent()).toBe("Your session has ended");
    expect(await alert.getByRole("link", { name: "Log in again" }).getAttribute("href")).toBe("/login?next=%2Fstrategies%2Fnew");
    await expectFormWithBrief();
    await page.unroute("**/api/strategy/generate/stream");
  });
});
