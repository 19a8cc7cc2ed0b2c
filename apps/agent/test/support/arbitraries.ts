import fc from "fast-check";
import { hasControlCharacter, INPUT_LIMITS, OUTPUT_BOUNDS, type StrategyInput, type StrategyOutput } from "@strategist/schemas";

export const BRIEF_FIELDS = ["brand_name", "industry", "target_audience", "goals"] as const;
export type BriefField = (typeof BRIEF_FIELDS)[number];

/** Text a user may type into a brief field: any Unicode, non-blank, within the field's limit. */
export function briefText(max: number): fc.Arbitrary<string> {
  const length = { minLength: 1, maxLength: Math.min(max, 120) };
  return fc
    .oneof(fc.string({ ...length, unit: "grapheme-ascii" }), fc.string({ ...length, unit: "grapheme" }))
    .filter((value) => value.trim().length > 0 && value.trim().length <= max && !value.includes("\u0000"));
}

/** Control characters a multi-line field refuses (all but tab, CR and LF). */
// eslint-disable-next-line no-control-regex -- these are the characters the schema refuses
const CONTROL_BUT_LINES = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

/** A valid brief: names on one line without control characters, audience and goals with line breaks allowed. */
export const validBrief: fc.Arbitrary<StrategyInput> = fc.record({
  brand_name: briefText(INPUT_LIMITS.brand_name).filter((value) => !hasControlCharacter(value)),
  industry: briefText(INPUT_LIMITS.industry).filter((value) => !hasControlCharacter(value)),
  target_audience: briefText(INPUT_LIMITS.target_audience).filter((value) => !CONTROL_BUT_LINES.test(value)),
  goals: briefText(INPUT_LIMITS.goals).filter((value) => !CONTROL_BUT_LINES.test(value)),
});

/** Empty or whitespace-only values, the inputs of Property 1. */
export const blankText = fc.oneof(
  fc.constant(""),
  fc.array(fc.constantFrom(" ", "\t", "\n", "\r", "\u00a0", "\u2003", "\ufeff"), { minLength: 1, maxLength: 20 }).map((parts) => parts.join("")),
);

/** A user id as a token may carry it. */
export const userId = fc.oneof(
  fc.uuid(),
  fc.string({ minLength: 1, maxLength: 40 }).filter((value) => value.trim().length > 0),
);

const modelText = (max: number) => fc.string({ minLength: 1, maxLength: max }).filter((value) => /\S/.test(value));
const list = (bounds: { min: number; max: number }, item: fc.Arbitrary<string>) =>
  fc.array(item, { minLength: bounds.min, maxLength: Math.min(bounds.max, bounds.min + 4) });

/** Any StrategyOutput the schema accepts. */
export const strategyOutput: fc.Arbitrary<StrategyOutput> = fc.record({
  content_pillars: list(OUTPUT_BOUNDS.content_pillars, modelText(60)),
  posting_schedule: modelText(200),
  platform_recommendations: fc.array(fc.record({ platform: modelText(30), rationale: modelText(120), priority: fc.constantFrom("high", "medium", "low") }), {
    minLength: OUTPUT_BOUNDS.platform_recommendations.min,
    maxLength: 5,
  }),
  content_themes: list(OUTPUT_BOUNDS.content_themes, modelText(60)),
  engagement_tactics: list(OUTPUT_BOUNDS.engagement_tactics, modelText(60)),
  visual_prompts: list(OUTPUT_BOUNDS.visual_prompts, modelText(200)),
});
