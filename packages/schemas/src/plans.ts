import { z } from "zod";
import { checkPost, GBP_CTA_TYPES, graphemeLength, HASHTAG_BOUNDS, isHashtag, PLATFORM_RULES } from "./platform-rules";
import { PLAN_PLATFORMS, type PlanPlatformId } from "./platforms";
import { canonicalTimeZone, isTimeZone } from "./time-zone";
import { multiLine } from "./text-rules";

/** The most weeks one content plan covers. */
const MAX_PLAN_WEEKS = 8;
/** Our bound on one caption: above every platform's limit, so the platform's own rule is what refuses. */
const MAX_CAPTION_CHARS = 70_000;

/** A platform a plan writes for (the ids of PLATFORM_RULES). */
const Platform = z
  .enum(PLAN_PLATFORMS)
  .describe("The platform a post is written for: x, instagram, threads, linkedin, tiktok, facebook, pinterest, youtube, google (Business Profile) or bluesky")
  .meta({ id: "Platform" });

export const PostStatus = z.enum(["draft", "approved"]).meta({ id: "PostStatus" });
export type PostStatus = z.infer<typeof PostStatus>;

const IsoDate = z.iso.date({ error: "Must be a date as YYYY-MM-DD" });
const OffsetDateTime = z.iso.datetime({ offset: true, error: "Must be an ISO 8601 date-time with an offset" });

/** How far from today a plan may start or a post be scheduled: a year back, two years ahead. */
export const DATE_WINDOW = { yearsBack: 1, yearsAhead: 2 } as const;

/** The first and last day (YYYY-MM-DD, UTC) a plan date may fall on, as of `now`. */
export function dateWindow(now: Date = new Date()): { from: string; to: string } {
  const shifted = (years: number) => {
    const day = new Date(Date.UTC(now.getUTCFullYear() + years, now.getUTCMonth(), now.getUTCDate()));
    return day.toISOString().slice(0, 10);
  };
  return { from: shifted(-DATE_WINDOW.yearsBack), to: shifted(DATE_WINDOW.yearsAhead) };
}

const outsideWindow = () => {
  const { from, to } = dateWindow();
  return `Must be between ${from} and ${to}`;
};

/** A date in the window (compared as YYYY-MM-DD strings, which sort like dates). */
const PlanDate = IsoDate.refine(
  (value) => {
    const { from, to } = dateWindow();
    return value >= from && value <= to;
  },
  { error: outsideWindow },
);

/** A date-time whose day (in its own offset) is in the window. */
const PlanDateTime = OffsetDateTime.refine(
  (value) => {
    const { from, to } = dateWindow();
    const day = value.slice(0, 10);
    return day >= from && day <= to;
  },
  { error: outsideWindow },
);

const Caption = multiLine(
  z.string({ error: "Must be a string" }).max(MAX_CAPTION_CHARS, { error: `Must be at most ${MAX_CAPTION_CHARS} characters` }),
).describe("The post's text, without its hashtags");
const Hashtag = z
  .string({ error: "Must be a string" })
  .max(HASHTAG_BOUNDS.length * 4, { error: `Must be at most ${HASHTAG_BOUNDS.length} characters`, abort: true })
  .refine((tag) => graphemeLength(tag) <= HASHTAG_BOUNDS.length, { error: `Must be at most ${HASHTAG_BOUNDS.length} characters`, abort: true })
  .refine(isHashtag, { error: "Must be # followed by letters, digits or underscores" })
  .describe("A hashtag: # then letters, digits or underscores");
const Hashtags = z.array(Hashtag).max(HASHTAG_BOUNDS.perPost, { error: `Must have at most ${HASHTAG_BOUNDS.perPost} hashtags` });

/** What a post is on its platform: a text or photo post, a carousel (where the platform has them) or a short video. */
// No registry ids on the shapes the model writes: its structured-output schema stays one plain object schema.
export const PostFormat = z.enum(["text", "photo", "carousel", "video"]);
export type PostFormat = z.infer<typeof PostFormat>;

/** A short video's script: the opening hook, the beats that follow, and the words shown on screen. */
export const VideoScript = z
  .object({
    hook: z.string().min(1).max(300).describe("The first two seconds, spoken or shown"),
    beats: z.array(z.string().min(1).max(300)).min(1).max(8).describe("What happens next, shot by shot"),
    on_screen_text: z.array(z.string().min(1).max(120)).max(8).describe("Text overlays, in order"),
  })
  .describe("A short video's script");
export type VideoScript = z.infer<typeof VideoScript>;

/** The call-to-action button of a Google Business Profile post. */
export const CtaType = z.enum(GBP_CTA_TYPES).describe("Google Business Profile button: BOOK, ORDER, SHOP, LEARN_MORE, SIGN_UP or CALL");

/** One scheduled post of a content plan. */
export const PlanPost = z
  .object({
    id: z.string(),
    platform: Platform,
    scheduled_at: OffsetDateTime.describe("When to publish, ISO 8601 with the plan's time zone offset"),
    pillar: z.string(),
    theme: z.string(),
    caption: z.string(),
    hashtags: z.array(z.string()),
    visual_prompt_index: z.number().int().nonnegative().optional().describe("Index into the strategy's visual_prompts"),
    goal: z.string().optional().describe("The brief's goal this post serves"),
    visual_brief: z.string().optional().describe("What the post's picture or video shows, written with the caption"),
    format: PostFormat.optional(),
    script: VideoScript.optional(),
    cta_type: CtaType.optional(),
    holiday: z.string().optional().describe("The public holiday this post acknowledges"),
    link: z
      .string()
      .optional()
      .describe("The article the post was written from, with its UTM tags; published after the caption and counted as the platform counts links"),
    status: PostStatus,
  })
  .meta({ id: "PlanPost" });
export type PlanPost = z.infer<typeof PlanPost>;

/** A strategy's content plan: posts in time order. */
export const Plan = z
  .object({
    strategy_id: z.string(),
    strategy_version: z.number().int().positive().describe("The strategy version the plan was written from"),
    timezone: z.string().describe("IANA time zone of the schedule"),
    start_date: IsoDate,
    weeks: z.number().int().min(1).max(MAX_PLAN_WEEKS),
    created_at: z.iso.datetime({ offset: true }),
    model: z.string().describe("The model that wrote the plan; 'offline' for the built-in offline model"),
    country: z.string().optional().describe("ISO 3166 country whose public holidays the plan respects"),
    unsupported_platforms: z.array(z.string()).optional().describe("Platforms the strategy recommends that a plan cannot write for (they get no posts)"),
    posts: z.array(PlanPost),
    insights_used: z
      .array(z.string())
      .optional()
      .describe("One sentence per choice the results changed (a platform's slots, a pillar's share), saying why; empty when nothing was evidenced"),
  })
  .meta({ id: "Plan" });
export type Plan = z.infer<typeof Plan>;

/** POST /api/strategy/:id/plan and plan/stream. */
export const PlanRequest = z
  .strictObject({
    weeks: z
      .number({ error: "Must be a number" })
      .int({ error: "Must be a whole number" })
      .min(1, { error: "Must be at least 1" })
      .max(MAX_PLAN_WEEKS, { error: `Must be at most ${MAX_PLAN_WEEKS}` })
      .default(2),
    start_date: PlanDate.optional().describe("First day of the plan, from a year ago to two years ahead; the next Monday in the time zone when absent"),
    timezone: z
      .string({ error: "Must be a string" })
      .max(100, { error: "Must be at most 100 characters" })
      .refine(isTimeZone, { error: "Unknown time zone: use an IANA name such as Europe/Paris" })
      .overwrite(canonicalTimeZone)
      .optional()
      .describe("IANA time zone of the schedule; when absent, the default_timezone of the strategy's brand, else UTC"),
    model: z.string({ error: "Must be a string" }).min(1, { error: "Must not be empty" }).max(200, { error: "Must be at most 200 characters" }).optional(),
    keep_approved: z
      .boolean({ error: "Must be true or false" })
      .optional()
      .describe("Keep the current plan's approved posts that fall within the new plan's days (the new plan writes no post for the same platform on their day)"),
  })
  .meta({ id: "PlanRequest" });
export type PlanRequest = z.infer<typeof PlanRequest>;

/** PATCH /api/strategy/:id/posts/:postId: any of these; the result must still meet the platform's rules. */
export const PostPatch = z
  .strictObject({
    caption: Caption.optional(),
    hashtags: Hashtags.optional(),
    scheduled_at: PlanDateTime.optional().describe("When to publish, from a year ago to two years ahead"),
    status: PostStatus.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { error: "Must change at least one of caption, hashtags, scheduled_at, status" })
  .meta({ id: "PostPatch" });
export type PostPatch = z.infer<typeof PostPatch>;

/** POST /api/strategy/:id/posts/:postId/rewrite. */
export const RewriteRequest = z
  .strictObject({
    instruction: z
      .string({ error: "Must be a string" })
      .max(500, { error: "Must be at most 500 characters" })
      .optional()
      .describe("What to change, e.g. 'shorter, with a question'"),
    alternatives: z
      .number({ error: "Must be a number" })
      .int({ error: "Must be a whole number" })
      .min(1, { error: "Must be at least 1" })
      .max(3, { error: "Must be at most 3" })
      .optional()
      .describe("How many different rewrites to write (1-3, default 1): the first is stored, the others come back to choose from"),
    model: z.string({ error: "Must be a string" }).min(1, { error: "Must not be empty" }).max(200, { error: "Must be at most 200 characters" }).optional(),
  })
  .meta({ id: "RewriteRequest" });
export type RewriteRequest = z.infer<typeof RewriteRequest>;

/** The answer of a rewrite: the post as stored (with the first rewrite) and, when more were asked for, every alternative. */
export const RewrittenPost = PlanPost.extend({
  alternatives: z
    .array(z.object({ caption: z.string(), hashtags: z.array(z.string()) }))
    .optional()
    .describe("Every rewrite written, the stored one first; each meets the platform's rules. Choose another with PATCH"),
}).meta({ id: "RewrittenPost" });
export type RewrittenPost = z.infer<typeof RewrittenPost>;

export const PostIdParams = z.strictObject({ id: z.string().min(1).max(200), postId: z.string().min(1).max(200) });

/** Adds a zod issue for every platform rule a post breaks, at the post's own path. */
function enforceRules(post: { platform: PlanPlatformId; caption: string; hashtags: string[] }, ctx: z.RefinementCtx, path: (string | number)[] = []) {
  for (const violation of checkPost(post.platform, post)) {
    const [field, index] = violation.field.split(".");
    ctx.addIssue({ code: "custom", path: [...path, field!, ...(index !== undefined ? [Number(index)] : [])], message: violation.message });
  }
}

/** What the model writes for one post: the service turns the local date and time into `scheduled_at`. */
export const PlannedPostOutput = z.object({
  platform: Platform,
  date: IsoDate.describe("Publishing day, YYYY-MM-DD, within the plan's weeks"),
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Must be HH:MM")
    .describe("Local publishing time, HH:MM (24 h)"),
  pillar: z.string().min(1).max(500).describe("The strategy's content pillar this post serves"),
  theme: z.string().min(1).max(1000).describe("The strategy's content theme this post develops"),
  caption: z.string().min(1).max(MAX_CAPTION_CHARS).regex(/\S/, "Must contain a visible character").describe("Ready-to-post text without hashtags"),
  hashtags: z.array(z.string()).max(HASHTAG_BOUNDS.perPost).describe("Hashtags, each # then letters, digits or underscores; no repeats"),
  visual_prompt_index: z.number().int().nonnegative().optional().describe("Which of the strategy's visual prompts illustrates the post"),
  goal: z.string().max(500).optional().describe("The brief's goal this post serves (one of the request's goals)"),
  visual_brief: z.string().max(1000).optional().describe("One or two sentences: what the post's picture or video shows"),
  format: PostFormat.optional().describe("text, photo, carousel (only where the platform has carousels) or video"),
  script: VideoScript.optional().describe("For video posts (TikTok, Reels, Shorts): hook, beats and on-screen text"),
  cta_type: CtaType.optional().describe("Google Business Profile posts only: the button"),
  holiday: z.string().max(200).optional().describe("Set when the post acknowledges a public holiday of the request, with its name"),
});
export type PlannedPostOutput = z.infer<typeof PlannedPostOutput>;

/**
 * The plan as the model must write it, for one request: posts only on the given platforms and days, and every
 * post within its platform's rules (the refinement's messages go back to the model, which corrects them).
 */
export function planOutputSchema(bounds: { platforms: readonly PlanPlatformId[]; firstDate: string; lastDate: string; visualPrompts: number }) {
  return z
    .object({
      posts: z
        .array(
          PlannedPostOutput.superRefine((post, ctx) => {
            if (!bounds.platforms.includes(post.platform)) {
              ctx.addIssue({ code: "custom", path: ["platform"], message: `Must be one of the strategy's platforms: ${bounds.platforms.join(", ")}` });
            }
            if (post.date < bounds.firstDate || post.date > bounds.lastDate) {
              ctx.addIssue({ code: "custom", path: ["date"], message: `Must be between ${bounds.firstDate} and ${bounds.lastDate}` });
            }
            if (post.visual_prompt_index !== undefined && post.visual_prompt_index >= bounds.visualPrompts) {
              ctx.addIssue({ code: "custom", path: ["visual_prompt_index"], message: `Must be below ${bounds.visualPrompts}` });
            }
            enforceRules(post, ctx);
          }),
        )
        .min(1)
        .max(MAX_PLAN_WEEKS * 7 * PLAN_PLATFORMS.length),
    })
    .describe("The content plan: every post, in any order");
}
export type PlanOutput = { posts: PlannedPostOutput[] };

/** What the model writes when it rewrites one post, held to that post's platform rules. */
export function rewriteOutputSchema(platform: PlanPlatformId) {
  return z
    .object({
      caption: PlannedPostOutput.shape.caption,
      hashtags: PlannedPostOutput.shape.hashtags,
    })
    .superRefine((post, ctx) => enforceRules({ platform, ...post }, ctx))
    .describe(`A new ${PLATFORM_RULES[platform].field} for ${PLATFORM_RULES[platform].name}`);
}
export type RewriteOutput = { caption: string; hashtags: string[] };

/** What the model writes when asked for `count` (2-3) different rewrites of one post: distinct captions, each within the rules. */
export function rewriteAlternativesSchema(platform: PlanPlatformId, count: number) {
  return z
    .object({
      alternatives: z
        .array(rewriteOutputSchema(platform))
        .length(count, { error: `Must be exactly ${count} alternatives` })
        .refine((alternatives) => new Set(alternatives.map((alternative) => alternative.caption.trim())).size === alternatives.length, {
          error: "Every alternative must have a different caption",
        }),
    })
    .describe(`${count} different rewrites of one post for ${PLATFORM_RULES[platform].name}`);
}
export type RewriteAlternativesOutput = { alternatives: RewriteOutput[] };
