import { z } from "zod";
import { BRAND_LIMITS } from "./brands";
import { FieldError } from "./errors";
import { checkPost, HASHTAG_BOUNDS } from "./platform-rules";
import { PLAN_PLATFORMS, type PlanPlatformId } from "./platforms";
import { PlanPost } from "./plans";

/** Longest URL accepted: what browsers and servers commonly handle. */
const MAX_URL_CHARS = 2048;
/** Longest pasted article: a long blog post, with room to spare. */
const MAX_ARTICLE_CHARS = 100_000;
/** The most posts one repurposed article becomes. */
export const MAX_REPURPOSE_POSTS = 10;
/** How many sample posts a brand suggestion carries. */
export const MAX_SUGGESTED_SAMPLES = 3;

/** A user-given URL. Only its form is checked here; the fetcher decides what may be read (and says why not). */
const PageUrl = z
  .string({ error: (issue) => (issue.input === undefined ? "Field required" : "Must be a string") })
  .trim()
  .min(1, { error: "Must not be empty" })
  .max(MAX_URL_CHARS, { error: `Must be at most ${MAX_URL_CHARS} characters` })
  .describe("The page's address: http or https");

/** POST /api/brands/from-website. */
export const BrandFromWebsiteRequest = z
  .strictObject({
    url: PageUrl,
    model: z.string({ error: "Must be a string" }).min(1, { error: "Must not be empty" }).max(200, { error: "Must be at most 200 characters" }).optional(),
  })
  .meta({ id: "BrandFromWebsiteRequest" });
export type BrandFromWebsiteRequest = z.infer<typeof BrandFromWebsiteRequest>;

function bounded(max: number) {
  return z.string().trim().min(1).max(max);
}

/** What the model writes for a brand suggestion: the brand form's fields, within the brand's limits. */
export const BrandSuggestionOutput = z.object({
  name: bounded(BRAND_LIMITS.name).describe("The business's name as the site gives it"),
  industry: bounded(BRAND_LIMITS.industry).describe("The business's trade, in a few words"),
  target_audience: bounded(BRAND_LIMITS.target_audience).describe("Whom the business serves, in the site's words where it says so"),
  goals: bounded(BRAND_LIMITS.goals).optional().describe("Goals or a mission, only if the site states any"),
  voice: z.object({
    tone: z.array(bounded(BRAND_LIMITS.tone.length)).max(BRAND_LIMITS.tone.items).describe("Tone words, e.g. warm, expert"),
    do: z.array(bounded(BRAND_LIMITS.do.length)).max(BRAND_LIMITS.do.items).describe("What the brand's copy does"),
    dont: z.array(bounded(BRAND_LIMITS.dont.length)).max(BRAND_LIMITS.dont.items).describe("What the brand's copy avoids"),
  }),
  sample_posts: z
    .array(bounded(BRAND_LIMITS.sample_posts.length))
    .max(MAX_SUGGESTED_SAMPLES)
    .describe("Up to three short posts in the site's own words (its sentences, quoted as they are)"),
});
export type BrandSuggestionOutput = z.infer<typeof BrandSuggestionOutput>;

/** The answer of POST /api/brands/from-website: a suggestion for the brand form; nothing is saved. */
export const BrandSuggestion = BrandSuggestionOutput.extend({
  sources: z.array(z.string()).describe("The pages that were read, the one asked for first"),
  skipped: z.array(z.object({ url: z.string(), detail: z.string() })).describe("Same-site pages chosen but not read, and why"),
  model: z.string().describe("The model that wrote the suggestion; 'offline' for the built-in offline model"),
}).meta({ id: "BrandSuggestion" });
export type BrandSuggestion = z.infer<typeof BrandSuggestion>;

const Platform = z.enum(PLAN_PLATFORMS);

/** POST /api/strategy/:id/repurpose and repurpose/stream: `{url}`, or `{text, title}` (with an optional `url` to link to). */
export const RepurposeRequest = z
  .strictObject({
    url: PageUrl.optional().describe("The article to read; with `text`, only the address the posts link to (not fetched)"),
    text: z
      .string({ error: "Must be a string" })
      .trim()
      .min(1, { error: "Must not be empty" })
      .max(MAX_ARTICLE_CHARS, { error: `Must be at most ${MAX_ARTICLE_CHARS.toLocaleString("en-US")} characters` })
      .optional()
      .describe("The article's text, pasted; paragraphs separated by blank lines"),
    title: z
      .string({ error: "Must be a string" })
      .trim()
      .min(1, { error: "Must not be empty" })
      .max(300, { error: "Must be at most 300 characters" })
      .optional()
      .describe("The pasted article's title"),
    platforms: z
      .array(Platform)
      .min(1, { error: "Must name at least one platform" })
      .max(PLAN_PLATFORMS.length)
      .refine((list) => new Set(list).size === list.length, { error: "Must not repeat a platform" })
      .optional()
      .describe("The platforms to write for; the strategy's platforms when absent"),
    count: z
      .number({ error: "Must be a number" })
      .int({ error: "Must be a whole number" })
      .min(1, { error: "Must be at least 1" })
      .max(MAX_REPURPOSE_POSTS, { error: `Must be at most ${MAX_REPURPOSE_POSTS}` })
      .optional()
      .describe("How many posts; one per platform when absent (at most 10)"),
    campaign: z
      .string({ error: "Must be a string" })
      // It ends the link, so it ends in a letter or digit: platforms leave a link's trailing punctuation out of it.
      .regex(/^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,98}[A-Za-z0-9])?$/, {
        error: "Must be 1-100 letters, digits, dots, hyphens or underscores, starting and ending with a letter or digit",
      })
      .optional()
      .describe("utm_campaign of the links; the strategy's slug when absent"),
    model: z.string({ error: "Must be a string" }).min(1, { error: "Must not be empty" }).max(200, { error: "Must be at most 200 characters" }).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.text === undefined && body.url === undefined) ctx.addIssue({ code: "custom", path: ["url"], message: "Give a url, or a text and a title" });
    if (body.text !== undefined && body.title === undefined) ctx.addIssue({ code: "custom", path: ["title"], message: "Field required with text" });
    if (body.text === undefined && body.title !== undefined) ctx.addIssue({ code: "custom", path: ["text"], message: "Field required with title" });
    if (body.text !== undefined && body.url !== undefined && !/^https?:\/\/[^\s/]/i.test(body.url)) {
      ctx.addIssue({ code: "custom", path: ["url"], message: "Must be an http or https address" });
    }
  })
  .meta({ id: "RepurposeRequest" });
export type RepurposeRequest = z.infer<typeof RepurposeRequest>;

/** The answer of POST /api/strategy/:id/repurpose: the article as read and the posts added to the plan as drafts. */
export const RepurposeResult = z
  .object({
    strategy_id: z.string(),
    article: z.object({
      title: z.string(),
      url: z.string().optional().describe("The article's address (after redirects), when it has one"),
      points: z.array(z.string()).describe("The article's key sentences the posts were written from"),
    }),
    model: z.string(),
    posts: z.array(PlanPost).describe("The posts added to the strategy's plan, as drafts in its next free slots"),
  })
  .meta({ id: "RepurposeResult" });
export type RepurposeResult = z.infer<typeof RepurposeResult>;

/** One post the model writes from an article. */
const ArticlePostOutput = z.object({
  platform: Platform,
  point: z.string().min(1).max(1000).describe("The article's point this post carries, as the article states it"),
  caption: z.string().min(1).max(70_000).regex(/\S/, "Must contain a visible character").describe("Ready-to-post text without the link or hashtags"),
  hashtags: z.array(z.string()).max(HASHTAG_BOUNDS.perPost).describe("Hashtags, each # then letters, digits or underscores; no repeats"),
});
export type ArticlePostOutput = z.infer<typeof ArticlePostOutput>;
export type RepurposeOutput = { posts: ArticlePostOutput[] };

/**
 * The posts as the model must write them for one request: exactly the platforms asked for, in order, and every post
 * within its platform's rules with its link counted (the messages go back to the model, which corrects them).
 */
export function repurposeOutputSchema(bounds: { platforms: readonly PlanPlatformId[]; links: Partial<Record<PlanPlatformId, string>> }) {
  return z
    .object({
      posts: z
        .array(ArticlePostOutput)
        .length(bounds.platforms.length, { error: `Must have exactly ${bounds.platforms.length} posts` })
        .superRefine((posts, ctx) => {
          posts.forEach((post, index) => {
            const expected = bounds.platforms[index];
            if (expected !== undefined && post.platform !== expected) {
              ctx.addIssue({ code: "custom", path: [index, "platform"], message: `Must be ${expected}: the posts follow the requested order` });
            }
            for (const violation of checkPost(post.platform, { ...post, link: bounds.links[post.platform] })) {
              const [field, at] = violation.field.split(".");
              ctx.addIssue({ code: "custom", path: [index, field!, ...(at !== undefined ? [Number(at)] : [])], message: violation.message });
            }
          });
        }),
    })
    .describe("The posts written from the article, in the requested order");
}

/**
 * The article's address with the UTM tags of one post: `utm_source=<platform>`, `utm_medium=social`,
 * `utm_campaign=<campaign>`, last, so the link ends with the campaign; other query parameters are kept, earlier UTM
 * tags replaced, and the fragment dropped.
 */
export function utmLink(articleUrl: string, platform: PlanPlatformId, campaign: string): string {
  const url = new URL(articleUrl);
  url.username = "";
  url.password = "";
  url.hash = "";
  for (const key of ["utm_source", "utm_medium", "utm_campaign"]) url.searchParams.delete(key);
  url.searchParams.set("utm_source", platform);
  url.searchParams.set("utm_medium", "social");
  url.searchParams.set("utm_campaign", campaign);
  return url.href;
}

/** A campaign name from a brand or strategy name: lower case ASCII words joined by hyphens ("Café Nord" → "cafe-nord"). */
export function campaignSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return slug || "strategy";
}

/**
 * The body of a refused page fetch: 400 (the URL is refused; `errors` names the `url` field), 422 (the page or its
 * site cannot be read as asked) or 504 (out of time), with a `detail` that says why. Validation errors share it.
 */
export const FetchRefusalBody = z.object({ detail: z.string(), errors: z.array(FieldError).optional() }).meta({ id: "FetchRefusalBody" });
export type FetchRefusalBody = z.infer<typeof FetchRefusalBody>;
