import { checkPost, ERROR_DETAILS, type Plan, type StrategyRecord } from "@strategist/schemas";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MAX_MODEL_TURNS } from "../../src/models/model-call";
import { writePlan } from "../../src/plans/copywriter";
import { planBriefOf, planPlatforms } from "../../src/plans/service";
import { startBedrockHarness, type BedrockHarness } from "../support/bedrock-harness";
import { VALID_BRIEF } from "../support/harness";

const NOW = new Date("2026-11-30T18:00:00Z");

describe("content plans on Bedrock (the local Bedrock, the real client)", () => {
  let harness: BedrockHarness;
  let strategy: StrategyRecord;
  const headers = () => ({ authorization: `Bearer ${harness.token("plan-bedrock")}` });
  const planFor = (startDate: string) => writePlan(planBriefOf(strategy, { startDate, weeks: 1, timezone: "UTC" }).brief);
  /** A plan with one caption on X well past 280 characters, hashtags included. */
  const withOverlongX = (plan: ReturnType<typeof writePlan>) => ({
    posts: [...plan.posts, { ...plan.posts[0]!, platform: "x" as const, caption: "This caption runs far past the limit. ".repeat(10), hashtags: ["#TooLong"] }],
  });

  beforeAll(async () => {
    harness = await startBedrockHarness({ clock: () => NOW, env: { AGENT_TIMEOUT_SECONDS: "10" } });
    const generated = await harness.app.inject({ method: "POST", url: "/api/strategy/generate", headers: headers(), payload: VALID_BRIEF });
    expect(generated.statusCode).toBe(200);
    strategy = generated.json();
    expect(planPlatforms(strategy).some((platform) => platform.id === "x")).toBe(true);
  });
  beforeEach(() => harness.bedrock.reset());
  afterAll(() => harness.close());

  it("corrects a caption over X's limit through the validation loop, and stores the corrected plan", async () => {
    const valid = planFor("2026-12-07");
    harness.bedrock.script({ kind: "toolInput", input: withOverlongX(valid) }, { kind: "toolInput", input: valid });
    const response = await harness.app.inject({ method: "POST", url: `/api/strategy/${strategy.id}/plan`, headers: headers(), payload: { weeks: 1 } });
    expect(response.statusCode, response.body).toBe(200);
    expect(harness.bedrock.requests).toHaveLength(2);
    // The second call carries the validation error the first answer earned, naming X's limit.
    expect(JSON.stringify(harness.bedrock.requests[1]!.body.messages)).toContain("Must be at most 280 characters for X, hashtags included");
    const plan = response.json() as Plan;
    expect(plan.posts).toHaveLength(valid.posts.length);
    for (const post of plan.posts) expect(checkPost(post.platform, post)).toEqual([]);
    expect(plan.model).toBe(harness.config.BEDROCK_MODEL_ID);
  });

  it("answers 500 and stores nothing when every answer breaks a platform rule", async () => {
    const before = await harness.app.inject({ url: `/api/strategy/${strategy.id}/plan`, headers: headers() });
    harness.bedrock.setDefault({ kind: "toolInput", input: withOverlongX(planFor("2026-12-07")) });
    const response = await harness.app.inject({ method: "POST", url: `/api/strategy/${strategy.id}/plan`, headers: headers(), payload: { weeks: 1 } });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ detail: ERROR_DETAILS.structured_output });
    expect(harness.bedrock.requests).toHaveLength(MAX_MODEL_TURNS);
    const after = await harness.app.inject({ url: `/api/strategy/${strategy.id}/plan`, headers: headers() });
    expect(after.body).toBe(before.body);
  });

  it("refuses posts outside the plan's dates and sends the model the dates it may use", async () => {
    const early = planFor("2026-11-02");
    harness.bedrock.script({ kind: "toolInput", input: early }, { kind: "toolInput", input: planFor("2026-12-07") });
    const response = await harness.app.inject({
      method: "POST",
      url: `/api/strategy/${strategy.id}/plan`,
      headers: headers(),
      payload: { weeks: 1, start_date: "2026-12-07" },
    });
    expect(response.statusCode).toBe(200);
    expect(JSON.stringify(harness.bedrock.requests[1]!.body.messages)).toContain("Must be between 2026-12-07 and 2026-12-13");
  });

  it("repairs every model's posts: whole-word hashtags, no ellipsis, no pasted style, no ordinary post on a public holiday", async () => {
    // A plan over Christmas in Berlin, written as a careless model would.
    const valid = writePlan({ ...planBriefOf(strategy, { startDate: "2026-12-21", weeks: 1, timezone: "UTC" }).brief, holidays: [] });
    const careless = {
      posts: valid.posts.map((post, index) => ({
        ...post,
        date: index === 0 ? "2026-12-25" : post.date,
        caption:
          index > 0 && ["instagram", "linkedin", "facebook"].includes(post.platform)
            ? `In a relaxed, conversational voice: ${post.caption} The mistake teams make when they…`
            : post.caption,
        hashtags:
          post.platform === "instagram" || post.platform === "facebook"
            ? ["#RelaxedConversational", "#IndustryInsightFrom", "#AccountingSoftwareSmall"]
            : post.hashtags,
      })),
    };
    harness.bedrock.script({ kind: "toolInput", input: careless });
    const response = await harness.app.inject({
      method: "POST",
      url: `/api/strategy/${strategy.id}/plan`,
      headers: headers(),
      payload: { weeks: 1, start_date: "2026-12-21", timezone: "Europe/Berlin" },
    });
    expect(response.statusCode, response.body).toBe(200);
    const plan = response.json() as Plan;
    expect(plan.country).toBe("DE");
    for (const post of plan.posts) {
      expect(post.caption).not.toMatch(/…|conversational voice/u);
      expect(post.hashtags.filter((tag) => /Relaxed|From$|Small$/u.test(tag))).toEqual([]);
      expect(post.scheduled_at.slice(0, 10)).not.toBe("2026-12-25");
      expect(post.goal).toBeTruthy();
      expect(post.visual_brief).toBeTruthy();
      expect(checkPost(post.platform, post)).toEqual([]);
    }
  });
});
