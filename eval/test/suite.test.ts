import { startLocalBedrock } from "@strategist/local-bedrock";
import { describe, expect, it } from "vitest";
import { CHECKS } from "../src/checks";
import { PLAN_CHECKS } from "../src/plan-checks";
import { loadGoldenSet } from "../src/golden";
import { runSuite } from "../src/runner";
import { buildScorecards, comparisonMarkdown, scorecardMarkdown } from "../src/scorecard";

/**
 * The quality bar of the built-in offline model on the golden set. The build fails when a change to the composer,
 * the prompts or the service path lets the offline model's strategies drop below it (it scores 99.8 % today).
 */
const OFFLINE_THRESHOLD = 0.95;
/** The same bar for the plans the offline model writes from those strategies (the plan checks). */
const OFFLINE_PLAN_THRESHOLD = 0.9;
const CLAUDE = "us.anthropic.claude-sonnet-4-20250514-v1:0";

describe("pnpm eval", () => {
  it("scores the offline model on every golden brief through POST /api/strategy/generate, above the threshold", async () => {
    const briefs = loadGoldenSet();
    const run = await runSuite({ models: [], briefs, env: { MODEL_PROVIDER: "offline" }, concurrency: 4 });
    const [card] = buildScorecards(run.models, run.results, run.prompt);

    expect(card!.model).toBe("offline");
    expect(card!.answered).toBe(briefs.length);
    expect(card!.total).toBe(briefs.length * CHECKS.length);
    expect(card!.cost_per_strategy_usd).toBe(0);
    expect(card!.score, scorecardMarkdown(card!)).toBeGreaterThanOrEqual(OFFLINE_THRESHOLD);
    expect(card!.plan?.answered).toBe(briefs.length);
    expect(card!.plan!.total).toBe(briefs.length * PLAN_CHECKS.length);
    expect(card!.plan!.score, scorecardMarkdown(card!)).toBeGreaterThanOrEqual(OFFLINE_PLAN_THRESHOLD);
  });

  it("runs the Bedrock path against the local Bedrock's canned answers, side by side with the offline model", async () => {
    const bedrock = await startLocalBedrock();
    try {
      const briefs = loadGoldenSet().slice(0, 8);
      const run = await runSuite({
        models: [CLAUDE, "offline"],
        briefs,
        env: { MODEL_PROVIDER: "bedrock", BEDROCK_ENDPOINT: bedrock.endpoint, BEDROCK_MODEL_ID: CLAUDE, BEDROCK_MODELS: CLAUDE, AGENT_TIMEOUT_SECONDS: "20" },
        concurrency: 4,
        // The local Bedrock answers with strategies only: plans are scored on the offline model above.
        plans: false,
      });
      const cards = buildScorecards(run.models, run.results, run.prompt);

      expect(cards.map((card) => [card.model, card.provider])).toEqual([
        [CLAUDE, "bedrock"],
        ["offline", "offline"],
      ]);
      expect(run.results.filter((result) => result.model === CLAUDE).every((result) => result.answered_by === CLAUDE)).toBe(true);
      // Every Bedrock strategy went over the wire: one ConverseStream request per brief.
      expect(bedrock.requests.filter((request) => request.modelId === CLAUDE)).toHaveLength(briefs.length);
      expect(cards[0]!.answered).toBe(briefs.length);
      expect(cards[0]!.cost_per_strategy_usd).toBeGreaterThan(0);
      const table = comparisonMarkdown(cards);
      expect(table).toContain(`${CLAUDE} (bedrock)`);
      expect(table).toContain("offline (offline)");
    } finally {
      await bedrock.close();
    }
  });

  it("fails every check of a brief the service refuses, says why, and refuses a model the service does not offer", async () => {
    const [golden] = loadGoldenSet();
    const refused = { ...golden!, id: "refused", brief: { ...golden!.brief, brand_name: "Nul\u0000Brand" } };
    const run = await runSuite({ models: ["offline"], briefs: [refused], env: { MODEL_PROVIDER: "offline" } });
    expect(run.results[0]).toMatchObject({ status: 400, passed: 0, total: CHECKS.length });
    expect(run.results[0]!.error).toMatch(/^HTTP 400/);
    expect(run.results[0]!.checks.every((check) => !check.passed && check.detail.startsWith("HTTP 400"))).toBe(true);
    await expect(runSuite({ models: ["no-such-model"], briefs: [golden!], env: { MODEL_PROVIDER: "offline" } })).rejects.toThrow(/not enabled/);
  });
});
