import { z } from "zod";

/** POST /api/strategy/:id/plan/feed: create the calendar feed, or rotate it (a new token; the old one stops working). */
export const PlanFeedRequest = z
  .strictObject({
    approved_only: z.boolean({ error: "Must be true or false" }).default(false).describe("Whether the feed holds approved posts only"),
  })
  .meta({ id: "PlanFeedRequest" });
export type PlanFeedRequest = z.infer<typeof PlanFeedRequest>;

/** PATCH /api/strategy/:id/plan/feed: change what the feed holds, keeping its token. */
export const PlanFeedPatch = z
  .strictObject({ approved_only: z.boolean({ error: "Must be true or false" }).describe("Whether the feed holds approved posts only") })
  .meta({ id: "PlanFeedPatch" });
export type PlanFeedPatch = z.infer<typeof PlanFeedPatch>;

/** A strategy's calendar feed. Its links (which hold the token) are answered only when the token is created or rotated. */
export const PlanFeed = z
  .object({
    approved_only: z.boolean(),
    created_at: z.iso.datetime({ offset: true }),
    feed_url: z.string().optional().describe("https URL of the .ics feed on the web origin; only in the answer that created the token"),
    webcal_url: z.string().optional().describe("The same feed as a webcal:// link, which calendar apps subscribe to"),
  })
  .meta({ id: "PlanFeed" });
export type PlanFeed = z.infer<typeof PlanFeed>;

/** GET /api/plan-feeds/:file: the feed token followed by `.ics`. */
export const PlanFeedFileParams = z.strictObject({
  file: z
    .string()
    .max(400)
    .regex(/^[A-Za-z0-9_~-]+\.ics$/u, { error: "Must be a feed token followed by .ics" }),
});
export const PlanFeedImageParams = z.strictObject({ token: z.string().min(1).max(400), job_id: z.string().min(1).max(200) });

/** POST /api/strategy/:id/posts/approve: one status for a selection of posts or a week of the plan. */
export const BulkApproveRequest = z
  .strictObject({
    post_ids: z
      .array(z.string().min(1).max(200), { error: "Must be a list of post ids" })
      .min(1, { error: "Must name at least one post" })
      .max(500, { error: "Must name at most 500 posts" })
      .optional(),
    week_start: z.iso
      .date({ error: "Must be a date as YYYY-MM-DD" })
      .optional()
      .describe("The week's first day: posts from this day to six days later, in the plan's zone"),
    status: z.enum(["approved", "draft"], { error: "Must be approved or draft" }),
  })
  .superRefine((value, context) => {
    if ((value.post_ids === undefined) === (value.week_start === undefined)) {
      context.addIssue({ code: "custom", path: ["post_ids"], message: "Give exactly one of post_ids or week_start" });
    }
  })
  .meta({ id: "BulkApproveRequest" });
export type BulkApproveRequest = z.infer<typeof BulkApproveRequest>;

/** The answer to a bulk status change: which posts now have the status, and how many changed. */
export const BulkApproveResult = z
  .object({ status: z.enum(["approved", "draft"]), post_ids: z.array(z.string()), changed: z.number().int().nonnegative() })
  .meta({ id: "BulkApproveResult" });
export type BulkApproveResult = z.infer<typeof BulkApproveResult>;
