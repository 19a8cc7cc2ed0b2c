import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fieldErrors, GenerateRequest, INPUT_LIMITS, StrategyInput, StrategyOutput } from "../src/index";

const brief = { brand_name: "Acme", industry: "SaaS", target_audience: "Founders", goals: "Leads" };

describe("StrategyInput", () => {
  it("trims every field and keeps the text otherwise as typed", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 100 }).filter((value) => value.trim() !== "" && !value.includes("\u0000")),
        (text) => {
          const parsed = StrategyInput.parse({ ...brief, goals: `  ${text}\n` });
          expect(parsed.goals).toBe(text.trim());
        },
      ),
    );
  });

  it("names each bad field with a reason", () => {
    const result = GenerateRequest.safeParse({ brand_name: "", industry: "x".repeat(INPUT_LIMITS.industry + 1), goals: 5, model: "", user_id: "me" });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!.issues)).toEqual([
      { field: "brand_name", message: "Must not be empty or only whitespace" },
      { field: "industry", message: `Must be at most ${INPUT_LIMITS.industry} characters` },
      { field: "goals", message: "Must be a string" },
      { field: "model", message: "Must not be empty" },
      { field: "user_id", message: "Unknown field" },
      // Required only without a brand_id, so it is checked once the fields themselves are.
      { field: "target_audience", message: "Field required" },
    ]);
  });

  it("rejects NUL characters", () => {
    expect(StrategyInput.safeParse({ ...brief, brand_name: "a\u0000b" }).success).toBe(false);
  });
});

describe("StrategyOutput", () => {
  const valid = {
    content_pillars: ["a", "b", "c"],
    posting_schedule: "Daily",
    platform_recommendations: [
      { platform: "LinkedIn", rationale: "B2B", priority: "high" },
      { platform: "X", rationale: "News", priority: "low" },
    ],
    content_themes: ["1", "2", "3", "4", "5"],
    engagement_tactics: ["1", "2", "3", "4"],
    visual_prompts: ["p1", "p2"],
  };

  it("accepts a strategy of the minimum shape", () => {
    expect(StrategyOutput.safeParse(valid).success).toBe(true);
  });

  it.each([
    ["two pillars", { content_pillars: ["a", "b"] }],
    ["seven pillars", { content_pillars: ["1", "2", "3", "4", "5", "6", "7"] }],
    ["one platform", { platform_recommendations: [valid.platform_recommendations[0]] }],
    ["an unknown priority", { platform_recommendations: [{ ...valid.platform_recommendations[0], priority: "urgent" }, valid.platform_recommendations[1]] }],
    ["four themes", { content_themes: ["1", "2", "3", "4"] }],
    ["three tactics", { engagement_tactics: ["1", "2", "3"] }],
    ["one visual prompt", { visual_prompts: ["p"] }],
    ["four visual prompts", { visual_prompts: ["1", "2", "3", "4"] }],
    ["a blank theme", { content_themes: ["1", "2", "3", "4", "   "] }],
    ["no schedule", { posting_schedule: undefined }],
  ])("rejects %s", (_name, change) => {
    expect(StrategyOutput.safeParse({ ...valid, ...change }).success).toBe(false);
  });
});
