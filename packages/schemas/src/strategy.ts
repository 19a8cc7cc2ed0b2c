import { z } from "zod";
import { BrandVoice } from "./brands";
import { STRATEGY_SECTIONS } from "./sections";
import { multiLine, singleLine } from "./text-rules";

export { STRATEGY_SECTIONS, type StrategySection } from "./sections";

/** Limits on what a user may send: they bound the prompt, the model's cost and the stored item. */
export const INPUT_LIMITS = {
  brand_name: 200,
  industry: 200,
  target_audience: 2000,
  goals: 2000,
} as const;

/** A user-supplied text field: trimmed, non-empty, bounded, and free of NUL characters. */
function briefText(max: number) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? "Field required" : "Must be a string") })
    .trim()
    .min(1, { error: "Must not be empty or only whitespace" })
    .max(max, { error: `Must be at most ${max} characters` })
    .refine((value) => !value.includes("\u0000"), { error: "Must not contain NUL characters" });
}

/** The marketer's brief: brand, industry, target audience and goals. */
export const StrategyInput = z.strictObject({
  brand_name: singleLine(briefText(INPUT_LIMITS.brand_name)).describe("Brand or company name"),
  industry: singleLine(briefText(INPUT_LIMITS.industry)).describe("Industry or business sector"),
  target_audience: multiLine(briefText(INPUT_LIMITS.target_audience)).describe("Target audience description"),
  goals: multiLine(briefText(INPUT_LIMITS.goals)).describe("Business goals and objectives"),
});
export type StrategyInput = z.infer<typeof StrategyInput>;

const BRIEF_FIELDS = ["brand_name", "industry", "target_audience", "goals"] as const;

/** An id the client names (a model, a brand): a non-empty string of at most 200 characters. */
function idText() {
  return z.string({ error: "Must be a string" }).min(1, { error: "Must not be empty" }).max(200, { error: "Must be at most 200 characters" });
}

/**
 * The generate request: the brief plus the optional model chosen from GET /api/models. With `brand_id` the brief's
 * fields default from that brand profile and any field given here overrides it; without one all four are required.
 */
export const GenerateRequest = StrategyInput.partial()
  .extend({
    model: idText().optional().describe("A model id from GET /api/models; the service default when absent"),
    brand_id: idText().optional().describe("A brand profile of the user's: prefills the brief and sets the voice the strategy is written in"),
  })
  .superRefine(
    (request, ctx) => {
      if (request.brand_id !== undefined) return;
      for (const field of BRIEF_FIELDS) {
        if (request[field] === undefined) ctx.addIssue({ code: "custom", path: [field], message: "Field required" });
      }
    },
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  )
  // The refinement is invisible to JSON Schema (an anyOf of `required` lists would make generated clients untyped),
  // so the document states it in words.
  .describe("The brief: brand_name, industry, target_audience and goals are required unless brand_id names a brand that supplies them");
export type GenerateRequest = z.infer<typeof GenerateRequest>;

/** Text the model writes: at least one visible character, bounded so one item cannot fill the record. */
function modelText(description: string, max = 4000) {
  return z.string().min(1).max(max).regex(/\S/, "Must contain a visible character").describe(description);
}

export const Priority = z.enum(["high", "medium", "low"]);
export type Priority = z.infer<typeof Priority>;

/** A social platform the strategy recommends, with why and how much it matters. */
export const PlatformRecommendation = z.object({
  platform: modelText("Platform name, e.g. Instagram or LinkedIn", 100),
  rationale: modelText("Why this platform suits this brand, audience and goals"),
  priority: Priority.describe("Priority level: high, medium, or low"),
});
export type PlatformRecommendation = z.infer<typeof PlatformRecommendation>;

/** One platform's slot in the structured schedule: how often and when, in the plan's local time. */
export const PlatformSchedule = z.object({
  platform: modelText("Platform name as in platform_recommendations", 100),
  posts_per_week: z.number().int().min(1).max(21).describe("Posts a week on this platform"),
  times: z
    .array(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Must be HH:MM"))
    .min(1)
    .max(4)
    .describe("Preferred local publishing times, HH:MM (24 h), best first"),
  weekdays: z.array(z.number().int().min(1).max(7)).max(7).optional().describe("Preferred weekdays, 1 = Monday ... 7 = Sunday; any day when absent"),
});
export type PlatformSchedule = z.infer<typeof PlatformSchedule>;

/** How many items each list of a strategy holds. */
export const OUTPUT_BOUNDS = {
  content_pillars: { min: 3, max: 6 },
  platform_recommendations: { min: 2, max: 8 },
  content_themes: { min: 5, max: 20 },
  engagement_tactics: { min: 4, max: 20 },
  visual_prompts: { min: 2, max: 3 },
} as const;

/** What the agent must produce; also the structured-output tool's input schema. */
export const StrategyOutput = z.object({
  content_pillars: z
    .array(modelText("A core content pillar", 500))
    .min(OUTPUT_BOUNDS.content_pillars.min)
    .max(OUTPUT_BOUNDS.content_pillars.max)
    .describe("3-6 core content pillars that align with the brand identity"),
  posting_schedule: modelText("Recommended posting frequency and optimal timing, per platform"),
  platform_schedule: z
    .array(PlatformSchedule)
    .max(10)
    .optional()
    .describe("The posting schedule as data: one entry per recommended platform with posts_per_week, times (HH:MM) and weekdays"),
  platform_recommendations: z
    .array(PlatformRecommendation)
    .min(OUTPUT_BOUNDS.platform_recommendations.min)
    .max(OUTPUT_BOUNDS.platform_recommendations.max)
    .describe("At least 2 recommended social media platforms with rationale and priority"),
  content_themes: z
    .array(modelText("A specific content idea or topic", 1000))
    .min(OUTPUT_BOUNDS.content_themes.min)
    .max(OUTPUT_BOUNDS.content_themes.max)
    .describe("At least 5 specific content ideas and topics"),
  engagement_tactics: z
    .array(modelText("An engagement tactic", 1000))
    .min(OUTPUT_BOUNDS.engagement_tactics.min)
    .max(OUTPUT_BOUNDS.engagement_tactics.max)
    .describe("At least 4 strategies for audience interaction and community building"),
  visual_prompts: z
    .array(modelText("A detailed image generation prompt", 2000))
    .min(OUTPUT_BOUNDS.visual_prompts.min)
    .max(OUTPUT_BOUNDS.visual_prompts.max)
    .describe(
      "2-3 detailed image generation prompts that depict the recommended content themes and engagement tactics, suitable for a designer or an image model",
    ),
});
export type StrategyOutput = z.infer<typeof StrategyOutput>;

// The order lives in a zod-free module so pages can import it without loading zod.
const _sectionsAreOutputKeys: readonly (keyof StrategyOutput)[] = STRATEGY_SECTIONS;
void _sectionsAreOutputKeys;

/** Token usage of the model call that produced a strategy. */
export const TokenUsage = z.object({
  input_tokens: z.number().int().nonnegative(),
  output_tokens: z.number().int().nonnegative(),
  cache_read_tokens: z.number().int().nonnegative(),
  estimated_cost_usd: z
    .number()
    .nonnegative()
    .optional()
    .describe("What the model call cost, estimated from the deployment's price table (0 for the offline model); computed on read"),
});
export type TokenUsage = z.infer<typeof TokenUsage>;

/** A stored strategy as the API returns it: the brief, the strategy, when it was written and the model that wrote it. */
export const StrategyRecord = z.object({
  id: z.string().min(1),
  user_id: z.string().min(1),
  brand_name: z.string(),
  industry: z.string(),
  target_audience: z.string(),
  goals: z.string(),
  strategy_output: StrategyOutput,
  created_at: z.iso.datetime({ offset: true }),
  model: z.string().min(1).describe("The model that produced the strategy; 'offline' for the built-in offline model"),
  usage: TokenUsage.optional(),
  brand_id: z.string().min(1).optional().describe("The brand profile the strategy was written for"),
  voice: BrandVoice.optional().describe("The brand's voice as it was when the strategy was written; later edits of the brand do not change it"),
  version: z.number().int().min(1).describe("1 for a fresh generation; each refine or regenerate adds one"),
  updated_at: z.iso.datetime({ offset: true }).describe("When this version was written"),
});
export type StrategyRecord = z.infer<typeof StrategyRecord>;

export const StrategyList = z.array(StrategyRecord);

/** One strategy in the history list (`GET /api/strategy/list?view=summary`): what the history page shows, no output. */
export const StrategySummary = z
  .object({
    id: z.string().min(1),
    brand_name: z.string(),
    industry: z.string(),
    created_at: z.iso.datetime({ offset: true }),
    updated_at: z.iso.datetime({ offset: true }).optional().describe("When the strategy last changed; absent until it is first refined"),
    model: z.string().min(1),
    version: z.number().int().positive().describe("The current version number; 1 for a strategy never refined"),
  })
  .meta({ id: "StrategySummary" });
export type StrategySummary = z.infer<typeof StrategySummary>;

export const StrategySummaryList = z.array(StrategySummary).meta({ id: "StrategySummaryList" });

/** Query of GET /api/strategy/list. */
export const ListQuery = z.strictObject({
  limit: z.coerce
    .number({ error: "Must be a number" })
    .int({ error: "Must be a whole number" })
    .min(1, { error: "Must be at least 1" })
    .max(100, { error: "Must be at most 100" })
    .default(20),
  cursor: z.string().max(2048, { error: "Must be at most 2048 characters" }).optional(),
});
export type ListQuery = z.infer<typeof ListQuery>;

/** Query of GET /api/strategy/list: a page, whole strategies or summaries. */
export const StrategyListQuery = ListQuery.extend({
  view: z
    .enum(["full", "summary"], { error: "Must be full or summary" })
    .default("full")
    .describe("full: whole strategies (the default); summary: id, brand, industry, dates, model and version only"),
});
export type StrategyListQuery = z.infer<typeof StrategyListQuery>;

export const StrategyIdParams = z.strictObject({ id: z.string().min(1).max(200) });

/** A model the user may choose. */
export const ModelInfo = z.object({
  id: z.string(),
  name: z.string(),
  provider: z.enum(["bedrock", "openai", "offline"]),
  default: z.boolean(),
  kind: z.enum(["text", "image"]).describe("text models write strategies; image models draw visual prompts"),
});
export type ModelInfo = z.infer<typeof ModelInfo>;
