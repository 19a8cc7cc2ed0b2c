import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Plan, StrategyRecord } from "@strategist/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExportPool } from "../../src/plans/export-pool";
import { cutText, PDF_BOUNDS } from "../../src/plans/pdf";
import { wrapLongWords } from "../../src/plans/pdf-fonts";
import { AppError } from "../../src/core/errors";
import { startHarness, VALID_BRIEF, type Harness } from "../support/harness";
import fc from "fast-check";
import { composeStrategy } from "@strategist/composer";

/** The longest line of an export's captions a reader may paste: three Facebook posts at the platform's bound. */
const LONG_CAPTION = "W".repeat(63_000);

describe("exports off the event loop", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  it("a PDF of three 63,000-character captions finishes or is refused within 15 s, and /health answers within 1 s meanwhile", async () => {
    const headers = { authorization: `Bearer ${harness.token("long-captions")}` };
    const strategy = (await harness.app.inject({ method: "POST", url: "/api/strategy/generate", headers, payload: VALID_BRIEF })).json() as StrategyRecord;
    const plan = (await harness.app.inject({ method: "POST", url: `/api/strategy/${strategy.id}/plan`, headers, payload: { weeks: 1 } })).json() as Plan;
    // Three posts become Facebook posts at the length the PATCH accepts for Facebook (its 63,206 limit).
    for (const post of plan.posts.slice(0, 3)) {
      await harness.client.send(
        new UpdateCommand({
          TableName: harness.itemsTable,
          Key: { strategyId: strategy.id, itemKey: `post#${post.id}` },
          UpdateExpression: "SET platform = :facebook, caption = :caption, hashtags = :none",
          ExpressionAttributeValues: { ":facebook": "facebook", ":caption": LONG_CAPTION, ":none": [] },
        }),
      );
    }
    const started = Date.now();
    let exported = false;
    const exporting = harness.app.inject({ url: `/api/strategy/${strategy.id}/export.pdf`, headers }).finally(() => (exported = true));
    const healthLatencies: number[] = [];
    while (!exported) {
      const asked = Date.now();
      const health = await harness.app.inject({ url: "/health" });
      expect(health.statusCode).toBe(200);
      healthLatencies.push(Date.now() - asked);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const answer = await exporting;
    expect(Date.now() - started).toBeLessThan(15_000);
    expect([200, 503, 504]).toContain(answer.statusCode);
    expect(Math.max(...healthLatencies)).toBeLessThan(1_000);
    expect(answer.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  });
});

describe("export pool", () => {
  const strategy = { id: "s", brand_name: "B" } as StrategyRecord;

  it("answers 504 with Retry-After when an export runs past its budget, and stops its thread", async () => {
    const pool = new ExportPool({ threads: 1, maxQueue: 4, budgetMs: 1 });
    try {
      const full = { ...strategy, ...VALID_BRIEF, strategy_output: composeStrategy(VALID_BRIEF) } as StrategyRecord;
      const error = await pool.render({ kind: "pdf", strategy: full }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(504);
      expect((error as AppError).retryAfterSeconds).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });

  it("answers 503 with Retry-After when more exports wait than the queue holds", async () => {
    const pool = new ExportPool({ threads: 1, maxQueue: 1, budgetMs: 10_000 });
    try {
      const task = { kind: "csv" as const, strategy, plan: { posts: [] } as unknown as Plan };
      const results = await Promise.allSettled([pool.render(task), pool.render(task), pool.render(task), pool.render(task)]);
      const refused = results.filter((result) => result.status === "rejected").map((result) => (result as PromiseRejectedResult).reason as AppError);
      expect(refused.length).toBeGreaterThan(0);
      for (const error of refused) {
        expect(error.status).toBe(503);
        expect(error.body()).toEqual({ detail: "Too many exports in progress" });
      }
    } finally {
      await pool.close();
    }
  });
});

describe("what one PDF renders", () => {
  it("property: a cut text keeps at most the bound's characters of the original and says how many it left out", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), fc.integer({ min: 1, max: 200 }), (text, limit) => {
        const cut = cutText(text, limit);
        if (cut === text) return;
        const kept = cut.slice(0, cut.indexOf(" […] ("));
        expect(text.startsWith(kept)).toBe(true);
        expect(cut).toMatch(/\((\d|,)+ more characters;/u);
      }),
      { numRuns: 200 },
    );
    expect(cutText(LONG_CAPTION, PDF_BOUNDS.captionGraphemes)).toContain("58,000 more characters");
  });

  it("property: wrapping long words only adds zero-width spaces, and leaves no run of more than 30 unbroken characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-ascii", maxLength: 400 }), (text) => {
        const wrapped = wrapLongWords(text);
        expect(wrapped.replace(/\u200b/gu, "")).toBe(text);
        for (const word of wrapped.split(/[\s\u200b]/u)) expect([...word].length).toBeLessThanOrEqual(30);
      }),
      { numRuns: 200 },
    );
  });
});
