import { OUTPUT_BOUNDS, StrategyOutput } from "@strategist/schemas";
import { expect } from "vitest";

/** Checks a strategy's shape field by field against the documented bounds, independently of the zod schema. */
export function expectStrategyShape(output: Record<string, unknown>): void {
  const within = (items: unknown[], { min, max }: { min: number; max: number }) => items.length >= min && items.length <= max;
  const lists = output as Record<"content_pillars" | "content_themes" | "engagement_tactics" | "visual_prompts", string[]>;
  const platforms = output.platform_recommendations as { platform: string; rationale: string; priority: string }[];
  expect(within(lists.content_pillars, OUTPUT_BOUNDS.content_pillars)).toBe(true);
  expect(platforms.length).toBeGreaterThanOrEqual(2);
  expect(lists.content_themes.length).toBeGreaterThanOrEqual(5);
  expect(lists.engagement_tactics.length).toBeGreaterThanOrEqual(4);
  expect(within(lists.visual_prompts, OUTPUT_BOUNDS.visual_prompts)).toBe(true);
  expect(typeof output.posting_schedule).toBe("string");
  expect((output.posting_schedule as string).trim()).not.toBe("");
  for (const recommendation of platforms) {
    expect(["high", "medium", "low"]).toContain(recommendation.priority);
    expect(recommendation.platform.trim()).not.toBe("");
    expect(recommendation.rationale.trim()).not.toBe("");
  }
  for (const text of [...lists.content_pillars, ...lists.content_themes, ...lists.engagement_tactics, ...lists.visual_prompts]) {
    expect(typeof text).toBe("string");
    expect(text.trim()).not.toBe("");
  }
  expect(StrategyOutput.safeParse(output).success).toBe(true);
}
