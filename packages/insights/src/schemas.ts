import { z } from "zod";
import { PLATFORM_IDS } from "@strategist/schemas";

/** The counts a result may carry, in the order of the canonical CSV columns. */
export const METRICS = ["impressions", "reach", "likes", "comments", "shares", "saves", "clicks", "video_views"] as const;
export type Metric = (typeof METRICS)[number];

/** The counts that make up an engagement (the numerator of the engagement rate). */
export const ENGAGEMENT_METRICS = ["likes", "comments", "shares", "saves", "clicks"] as const satisfies readonly Metric[];

/** The canonical columns of a results import, in order. */
export const CANONICAL_COLUMNS = ["platform", "published_at", "url", "text", ...METRICS, "post_id"] as const;
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
