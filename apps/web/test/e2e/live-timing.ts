import { startLocalBedrock, type LocalBedrock, type RecordedRequest, type WrittenStreamEvent } from "@strategist/local-bedrock";
import type { Page } from "playwright-core";
import { startStack, type Stack } from "./stack";

/** The Bedrock model of the live-generation tests, allowed in the agent's catalog. */
export const LIVE_MODEL = "us.anthropic.claude-sonnet-4-20250514-v1:0";

/** A local Bedrock that writes a chunk every 300 ms, the agent on it, and the web app, with a log of written chunks. */
export interface LiveStack {
  bedrock: LocalBedrock;
  stack: Stack;
  /** Every ConverseStream event the local Bedrock has written, in order. */
  written: WrittenStreamEvent[];
  stop(): Promise<void>;
}

export async function startLiveStack({ chunkDelayMs = 300 } = {}): Promise<LiveStack> {
  const written: WrittenStreamEvent[] = [];
  const bedrock = await startLocalBedrock({ chunkDelayMs, onEventWritten: (event) => written.push(event) });
  try {
    const stack = await startStack({
      agentEnv: {
        MODEL_PROVIDER: "bedrock",
        BEDROCK_ENDPOINT: bedrock.endpoint,
        BEDROCK_MODEL_ID: LIVE_MODEL,
        BEDROCK_MODELS: LIVE_MODEL,
        AWS_ACCESS_KEY_ID: "local",
        AWS_SECRET_ACCESS_KEY: "local",
        AGENT_TIMEOUT_SECONDS: "60",
        // One quick retry, so a throttled model fails within a test's patience.
        BEDROCK_MAX_ATTEMPTS: "2",
        BEDROCK_RETRY_BASE_MS: "50",
        RATE_LIMIT_PER_MINUTE: "100",
      },
    });
    return { bedrock, stack, written, stop: async () => (await stack.stop(), await bedrock.close()) };
  } catch (error) {
    await bedrock.close();
    throw error;
  }
}

/** A change of a section's `data-state` on the live page, seen by a MutationObserver, and the next frame after it. */
export interface SectionChange {
  section: string;
  state: string;
  observedAt: number;
  paintedAt: number;
}

/**
 * Starts recording, in the page, when each section changes state (waiting, writing, complete). Date.now() in the
 * browser and in the test read the same clock: both run on this machine.
 */
export async function recordSectionChanges(page: Page): Promise<void> {
  // Sent as source text: tsx (the bench) would otherwise wrap named functions in a helper the page lacks.
  await page.evaluate(`(() => {
    const log = [];
    const seen = new Map();
    window.sectionChanges = log;
    new MutationObserver(() => {
      for (const section of document.querySelectorAll("section[data-state]")) {
        const state = section.dataset.state;
        if (seen.get(section.id) === state) continue;
        seen.set(section.id, state);
        const change = { section: section.id, state, observedAt: Date.now(), paintedAt: 0 };
        log.push(change);
        requestAnimationFrame(() => (change.paintedAt = Date.now()));
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-state"] });
  })()`);
}

export function sectionChanges(page: Page): Promise<SectionChange[]> {
  return page.evaluate(() => (window as unknown as { sectionChanges: SectionChange[] }).sectionChanges);
}

/**
 * When the local Bedrock wrote the chunk that completes content_pillars in a request's answer: the chunk that
 * carries the comma ending the pillars member, which is when the agent can send the section as complete.
 */
export function pillarsWrittenAt(written: WrittenStreamEvent[], request: RecordedRequest): number {
  const deltas = written.filter((event) => event.request === request && event.delta !== undefined);
  const answer = deltas.map((event) => event.delta).join("");
  const prefix = JSON.stringify({ content_pillars: (JSON.parse(answer) as { content_pillars: string[] }).content_pillars });
  const end = prefix.length - 1;
  if (answer[end] !== ",") throw new Error("content_pillars is not the first member of the answer");
  let length = 0;
  for (const event of deltas) {
    length += event.delta!.length;
    if (length > end) return event.at;
  }
  throw new Error("the answer never completed content_pillars");
}

/** When the local Bedrock wrote the last event of a request: the model is done. */
export function modelFinishedAt(written: WrittenStreamEvent[], request: RecordedRequest): number {
  return written.filter((event) => event.request === request).at(-1)!.at;
}

/** The median and the maximum of some numbers. */
export function summary(values: number[]): { median: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return { median: sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2, max: sorted.at(-1)! };
}

export interface Brief {
  brand_name: string;
  industry: string;
  target_audience: string;
  goals: string;
}

export async function fillBrief(page: Page, brief: Brief): Promise<void> {
  await page.getByLabel("Brand name").fill(brief.brand_name);
  await page.getByLabel("Industry").fill(brief.industry);
  await page.getByLabel("Target audience").fill(brief.target_audience);
  await page.getByLabel("Goals").fill(brief.goals);
}

/** One generation from the form, timed: when the model wrote content_pillars, when the page showed it, and the end. */
export interface TimedGeneration {
  /** The local Bedrock wrote the chunk completing content_pillars. */
  pillarsWrittenAt: number;
  /** The frame after the page marked content_pillars complete. */
  pillarsOnScreenAt: number;
  /** The local Bedrock wrote its last event. */
  modelFinishedAt: number;
  /** The browser arrived at the stored strategy's page. */
  landedAt: number;
  changes: SectionChange[];
}

/** Opens the form, submits the brief and waits for the strategy's page, recording what the page showed when. */
export async function timeGeneration(page: Page, live: LiveStack, brief: Brief): Promise<TimedGeneration> {
  await page.goto(`${live.stack.webUrl}/strategies/new`);
  await fillBrief(page, brief);
  await recordSectionChanges(page);
  const requestsBefore = live.bedrock.requests.length;
  await page.getByRole("button", { name: "Generate strategy" }).click();
  await page.waitForFunction(() =>
    (window as unknown as { sectionChanges: SectionChange[] }).sectionChanges.some(
      (change) => change.section === "pillars" && change.state === "complete" && change.paintedAt > 0,
    ),
  );
  const changes = await sectionChanges(page);
  await page.waitForURL(/\/strategies\/[0-9a-f-]{36}$/);
  const landedAt = Date.now();
  const request = live.bedrock.requests.at(-1)!;
  if (live.bedrock.requests.length !== requestsBefore + 1) throw new Error("expected exactly one model call");
  const pillars = changes.find((change) => change.section === "pillars" && change.state === "complete")!;
  return {
    pillarsWrittenAt: pillarsWrittenAt(live.written, request),
    pillarsOnScreenAt: pillars.paintedAt,
    modelFinishedAt: modelFinishedAt(live.written, request),
    landedAt,
    changes,
  };
}
