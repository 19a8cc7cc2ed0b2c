import { Model, type BaseModelConfig, type Message, type ModelStreamEvent } from "@strands-agents/sdk";
import { composeStrategy } from "@strategist/composer";
import { describe, expect, it } from "vitest";
import { CHECKS } from "../src/checks";
import { loadGoldenSet } from "../src/golden";
import { judgeConfigured, judgeScorecards, JUDGE_RUBRIC, PLAN_JUDGE_RUBRIC } from "../src/judge";
import { PLAN_CHECKS } from "../src/plan-checks";
import type { BriefResult } from "../src/runner";
import { buildScorecards, comparisonMarkdown, scorecardMarkdown } from "../src/scorecard";

/** Grades through the structured-output tool like a judge model would: specificity from the brief's length, the rest fixed. */
class ScriptedJudge extends Model<BaseModelConfig> {
  prompts: string[] = [];
  private config: BaseModelConfig = { modelId: "scripted-judge" };
  updateConfig(config: BaseModelConfig): void {
    this.config = { ...this.config, ...config };
  }
  getConfig(): BaseModelConfig {
    return this.config;
  }
  async *stream(messages: Message[]): AsyncGenerator<ModelStreamEvent> {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- text blocks carry strings; others map to ""
    const prompt = messages[0]!.content.map((block) => ("text" in block ? block.text : "")).join("");
    this.prompts.push(prompt);
    const verdict = { specificity: this.prompts.length % 2 === 0 ? 4 : 2, fit: 5, actionability: 3, brand_safety: 5, notes: "Generic themes." };
    yield { type: "modelMessageStartEvent", role: "assistant" };
    yield {
      type: "modelContentBlockStartEvent",
      start: { type: "toolUseStart", name: "strands_structured_output", toolUseId: `judge-${this.prompts.length}` },
    };
    yield { type: "modelContentBlockDeltaEvent", delta: { type: "toolUseInputDelta", input: JSON.stringify(verdict) } };
    yield { type: "modelContentBlockStopEvent" };
    yield { type: "modelMessageStopEvent", stopReason: "toolUse" };
  }
}

describe("the LLM judge", () => {
  it("is off without AWS credentials and on with any of the usual sources", () => {
    expect(judgeConfigured({})).toBe(false);
    expect(judgeConfigured({ AWS_ACCESS_KEY_ID: "AKID" })).toBe(true);
    expect(judgeConfigured({ AWS_PROFILE: "dev" })).toBe(true);
  });

  it("grades each answered strategy with the rubric and adds the means to the scorecard and the table", async () => {
    const briefs = loadGoldenSet().slice(0, 2);
    const results: BriefResult[] = briefs.map((golden) => ({
      id: golden.id,
      model: "offline",
      status: 200,
      checks: CHECKS.map((check) => ({ check, passed: true, detail: "" })),
      passed: CHECKS.length,
      total: CHECKS.length,
      latency_ms: 1,
      strategy: composeStrategy(golden.brief),
    }));
    const cards = buildScorecards([{ id: "offline", name: "Offline", provider: "offline", default: true, kind: "text" }], results, "strategy.v2");
    const judge = new ScriptedJudge();
    await judgeScorecards(cards, briefs, { modelId: "unused", env: {}, model: judge });

    expect(judge.prompts).toHaveLength(2);
    expect(judge.prompts[0]).toContain(briefs[0]!.brief.brand_name);
    expect(cards[0]!.judge).toEqual({ specificity: 3, fit: 5, actionability: 3, brand_safety: 5, judged: 2 });
    expect(scorecardMarkdown(cards[0]!)).toContain("specificity 3.00, fit 5.00, actionability 3.00, brand safety 5.00");
    expect(comparisonMarkdown(cards)).toContain("| judge: fit | 5.00 |");
    expect(JUDGE_RUBRIC).toMatch(/specificity[\s\S]*fit[\s\S]*actionability[\s\S]*brand_safety/);
  });

  it("grades each written plan from its captions with the plan rubric, beside the strategy's grade", async () => {
    const briefs = loadGoldenSet().slice(0, 2);
    const results: BriefResult[] = briefs.map((golden) => ({
      id: golden.id,
      model: "offline",
      status: 200,
      checks: CHECKS.map((check) => ({ check, passed: true, detail: "" })),
      passed: CHECKS.length,
      total: CHECKS.length,
      latency_ms: 1,
      strategy: composeStrategy(golden.brief),
      plan: {
        status: 200,
        checks: PLAN_CHECKS.map((check) => ({ check, passed: true, detail: "" })),
        passed: PLAN_CHECKS.length,
        total: PLAN_CHECKS.length,
        posts: 1,
        sample: [{ platform: "instagram", caption: `A caption for ${golden.brief.brand_name}`, hashtags: [] }],
      },
    }));
    const cards = buildScorecards([{ id: "offline", name: "Offline", provider: "offline", default: true, kind: "text" }], results, "strategy.v2");
    const judge = new ScriptedJudge();
    await judgeScorecards(cards, briefs, { modelId: "unused", env: {}, model: judge });

    expect(judge.prompts).toHaveLength(4);
    expect(judge.prompts[2]).toContain(`A caption for ${briefs[0]!.brief.brand_name}`);
    expect(cards[0]!.plan!.judge).toMatchObject({ fit: 5, judged: 2 });
    expect(scorecardMarkdown(cards[0]!)).toContain("Judge on the plans");
    expect(PLAN_JUDGE_RUBRIC).toMatch(/plan[\s\S]*specificity[\s\S]*fit[\s\S]*actionability/);
  });
});
