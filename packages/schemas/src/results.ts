import { z } from "zod";
import { PLATFORM_IDS } from "./platforms";

/** The counts a result may carry, in the order of the canonical CSV columns. */
export const METRICS = ["impressions", "reach", "likes", "comments", "shares", "saves", "clicks", "video_views"] as const;
export type Metric = (typeof METRICS)[number];

/** The counts that make up an engagement (the numerator of the engagement rate). */
export const ENGAGEMENT_METRICS = ["likes", "comments", "shares", "saves", "clicks"] as const satisfies readonly Metric[];

/** The canonical columns of a results import, in order; `pillar` is optional: it names the strategy pillar of a post made before Strategist. */
export const CANONICAL_COLUMNS = ["platform", "published_at", "url", "text", ...METRICS, "post_id", "pillar"] as const;
export type CanonicalColumn = (typeof CANONICAL_COLUMNS)[number];

/** Why one field of one row was refused; `line` is the 1-based line of the file (or the 1-based index of a JSON row). */
export interface ResultError {
  line: number;
  field: string;
  reason: string;
}

const Count = z
  .number({ error: "Must be a number" })
  .int({ error: "Must be a whole number" })
  .nonnegative({ error: "Must be 0 or more" })
  .max(Number.MAX_SAFE_INTEGER, { error: "Is too large" });

const PublishedAt = z.iso
  .datetime({ offset: true, error: "Must be an ISO 8601 date-time with an offset, e.g. 2026-03-03T18:00:00+01:00" })
  .describe("When the post was published, ISO 8601 with an offset");

const Url = z
  .url({ protocol: /^https?$/, error: "Must be an http(s) URL" })
  .max(2000, { error: "Must be at most 2000 characters" })
  .describe("The published post's address");

/** The counts of one post; a count the platform did not report is omitted, never 0. */
export const ResultCounts = z.strictObject(
  Object.fromEntries(METRICS.map((metric) => [metric, Count.optional()])) as Record<Metric, z.ZodOptional<typeof Count>>,
);
export type ResultCounts = z.infer<typeof ResultCounts>;

/** PUT /api/strategy/:id/posts/:post_id/results: one post's results; a later PUT replaces the earlier one. */
export const PostResult = z
  .strictObject({
    published_at: PublishedAt,
    url: Url.optional(),
    ...ResultCounts.shape,
  })
  .meta({ id: "PostResult" });
export type PostResult = z.infer<typeof PostResult>;

/** One row of a results import (a CSV line or an item of JSON `rows`), after header aliases are resolved. */
export const ImportRow = z
  .strictObject({
    platform: z.enum(PLATFORM_IDS, { error: `Must be one of ${PLATFORM_IDS.join(", ")}` }),
    published_at: PublishedAt,
    url: Url.optional(),
    text: z.string({ error: "Must be a string" }).max(70_000, { error: "Must be at most 70000 characters" }).optional(),
    post_id: z.string({ error: "Must be a string" }).min(1, { error: "Must not be empty" }).max(200, { error: "Must be at most 200 characters" }).optional(),
    pillar: z
      .string({ error: "Must be a string" })
      .min(1, { error: "Must not be empty" })
      .max(300, { error: "Must be at most 300 characters" })
      .optional()
      .describe("The strategy pillar the post served; a row matched to a plan post takes the post's pillar"),
    ...ResultCounts.shape,
  })
  .meta({ id: "ResultImportRow" });
export type ImportRow = z.infer<typeof ImportRow>;

/** What an import (CSV or JSON) yields: the rows that passed, and every refused field with its line. */
export interface ImportResult {
  rows: ImportRow[];
  rejected: ResultError[];
}

/** Turns zod issues into `{ line, field, reason }` errors, one per issue. */
export function resultErrors(line: number, error: z.ZodError): ResultError[] {
  return error.issues.map((issue) => ({ line, field: issue.path.length > 0 ? issue.path.map(String).join(".") : "row", reason: issue.message }));
}

/** Checks a PUT body; errors carry line 1 (the body is one record). */
export function parsePostResult(body: unknown): { ok: true; value: PostResult } | { ok: false; errors: ResultError[] } {
  const parsed = PostResult.safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: resultErrors(1, parsed.error) };
}

/** Checks JSON `{ rows: [...] }` row by row: a bad row is listed (line = its 1-based index) and never blocks the others. */
export function parseImportRows(rows: readonly unknown[]): ImportResult {
  const result: ImportResult = { rows: [], rejected: [] };
  rows.forEach((row, index) => {
    const parsed = ImportRow.safeParse(row);
    if (parsed.success) result.rows.push(parsed.data);
    else result.rejected.push(...resultErrors(index + 1, parsed.error));
  });
  return result;
}

/** JSON body of POST /api/strategy/:id/results; each row is checked on its own, so one bad row never blocks the others. */
export const ResultImportRequest = z
  .strictObject({
    rows: z
      .array(z.record(z.string(), z.unknown()).describe("A ResultImportRow; a bad row is listed in `rejected` by its 1-based index"))
      .max(100_000, { error: "Must have at most 100000 rows" }),
  })
  .meta({ id: "ResultImportRequest" });
export type ResultImportRequest = z.infer<typeof ResultImportRequest>;

/** POST /api/strategy/:id/results body: a results CSV (Content-Type: text/csv) or JSON rows. */
export const ResultImportBody = z.union([z.string().describe("A results CSV, sent with Content-Type: text/csv (docs/results.md)"), ResultImportRequest]);

/** Query of POST /api/strategy/:id/results. */
export const ResultImportQuery = z.strictObject({
  dry_run: z.enum(["true", "false"], { error: "Must be true or false" }).optional().describe("true: answer what would happen and store nothing"),
  platform: z
    .enum(PLATFORM_IDS, { error: `Must be one of ${PLATFORM_IDS.join(", ")}` })
    .optional()
    .describe("The platform of a CSV without a platform column (a platform's own export)"),
});

const ResultErrorSchema = z
  .object({ line: z.number().int().positive(), field: z.string(), reason: z.string() })
  .describe("A refused field of one row: the 1-based file line (or JSON row index), the column, and why")
  .meta({ id: "ResultError" });

/** What an import did, or would do on a dry run. */
export const ResultImportResponse = z
  .object({
    dry_run: z.boolean(),
    matched: z
      .array(
        z.object({
          post_id: z.string(),
          by: z.enum(["post_id", "url", "time"]).describe("The rule that tied the row to the post"),
          platform: z.enum(PLATFORM_IDS),
          published_at: z.string(),
        }),
      )
      .describe("Rows tied to a post of the plan"),
    earlier: z.number().int().nonnegative().describe("Rows tied to no post: kept as earlier posts of the strategy (and its brand)"),
    added: z.number().int().nonnegative().describe("Rows not stored before"),
    updated: z.number().int().nonnegative().describe("Rows stored before whose numbers changed"),
    unchanged: z.number().int().nonnegative().describe("Rows stored before exactly as imported: re-importing a file adds nothing"),
    rejected: z.array(ResultErrorSchema),
    ignored_columns: z.array(z.string()).describe("Headers no column is read from"),
  })
  .meta({ id: "ResultImportResponse" });
export type ResultImportResponse = z.infer<typeof ResultImportResponse>;

/** A post's stored results, as PUT answers them. */
export const PostResultRecord = PostResult.extend({
  post_id: z.string(),
  platform: z.enum(PLATFORM_IDS),
  pillar: z.string(),
}).meta({ id: "PostResultRecord" });
export type PostResultRecord = z.infer<typeof PostResultRecord>;

/** Params of PUT /api/strategy/:id/posts/:post_id/results. */
export const PostResultParams = z.strictObject({ id: z.string().min(1).max(200), post_id: z.string().min(1).max(200) });

const Rate = z.number().min(0).max(1);
const IntervalSchema = z.object({ low: Rate, high: Rate }).describe("Credible interval of the rate");
const SlotInsightSchema = z
  .object({
    weekday: z.number().int().min(1).max(7).describe("ISO weekday, Monday = 1, in the insights' time zone"),
    hour: z.number().int().min(0).max(23),
    engagement_rate: Rate,
    posts: z.number().int().nonnegative(),
    interval: IntervalSchema,
    lift: z.number().nonnegative().describe("engagement_rate over the platform's other posts' mean rate"),
  })
  .meta({ id: "SlotInsight" });
const PostInsightSchema = z
  .object({
    platform: z.enum(PLATFORM_IDS),
    published_at: z.string(),
    url: z.string().optional(),
    text: z.string().optional(),
    post_id: z.string().optional(),
    pillar: z.string().optional(),
    engagement_rate: Rate,
    lift: z.number().nonnegative(),
  })
  .meta({ id: "PostInsight" });
const byPlatform = <T extends z.ZodType>(value: T) => z.partialRecord(z.enum(PLATFORM_IDS), value);

/** GET /api/strategy/:id/insights and /api/brands/:id/insights: what worked, with intervals and the evidence behind it. */
export const InsightsResponse = z
  .object({
    timezone: z.string().describe("IANA time zone of weekdays and hours: the plan's, else the brand's, else UTC"),
    credibility: z.number().describe("Level of every interval, e.g. 0.9"),
    platforms: z.array(
      z.object({
        platform: z.enum(PLATFORM_IDS),
        posts: z.number().int().nonnegative().describe("Posts with results"),
        posts_without_reach: z.number().int().nonnegative(),
        engagement_rate: Rate.describe("(likes + comments + shares + saves + clicks) / impressions, else reach"),
        interval: IntervalSchema,
        enough_evidence: z.boolean(),
      }),
    ),
    pillars: z
      .array(
        z.object({
          pillar: z.string(),
          posts: z.number().int().nonnegative(),
          engagement_rate: Rate,
          interval: IntervalSchema,
          lift: z.number().nonnegative(),
          enough_evidence: z.boolean(),
        }),
      )
      .describe("Best first"),
    best_times: byPlatform(z.array(SlotInsightSchema)).describe("Per platform, the slots with enough evidence, best first; empty keeps the defaults"),
    slots: byPlatform(z.array(SlotInsightSchema)).describe("Per platform, every weekday-hour slot with posts (a heatmap)"),
    top_posts: z.array(PostInsightSchema),
    bottom_posts: z.array(PostInsightSchema),
    thresholds: z.object({
      minSlotPosts: z.number(),
      minPlatformPosts: z.number(),
      minPillarPosts: z.number(),
      listedPosts: z.number(),
      credibility: z.number(),
      prior_posts: z.number(),
      rho_floor: z.number(),
      rho_ceiling: z.number(),
    }),
  })
  .meta({ id: "Insights" });
export type InsightsResponse = z.infer<typeof InsightsResponse>;
