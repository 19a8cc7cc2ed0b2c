import { z } from "zod";

/** Where a job's prompt comes from: a visual prompt of the strategy's latest version, or a planned post's. */
export const ImageJobRequest = z
  .strictObject({
    prompt_index: z
      .number({ error: "Must be a number" })
      .int({ error: "Must be a whole number" })
      .min(0, { error: "Must be 0, 1 or 2" })
      .max(2, { error: "Must be 0, 1 or 2" })
      .optional()
      .describe("Index of a visual prompt of the strategy's latest version"),
    post_id: z
      .string()
      .min(1, { error: "Must not be empty" })
      .max(200, { error: "Must be at most 200 characters" })
      .optional()
      .describe("A planned post whose visual prompt to draw"),
    model: z.string().min(1).max(200).optional().describe("An image model from GET /api/models (kind image); the default image model when absent"),
  })
  .superRefine((value, context) => {
    if ((value.prompt_index === undefined) === (value.post_id === undefined)) {
      context.addIssue({ code: "custom", path: ["prompt_index"], message: "Give exactly one of prompt_index or post_id" });
    }
  })
  .meta({ id: "ImageJobRequest" });
export type ImageJobRequest = z.infer<typeof ImageJobRequest>;

const IMAGE_JOB_STATUSES = ["queued", "processing", "completed", "failed"] as const;
export const ImageJobStatus = z.enum(IMAGE_JOB_STATUSES).meta({ id: "ImageJobStatus" });
export type ImageJobStatus = z.infer<typeof ImageJobStatus>;

/** A finished image: a presigned link valid until `expires_at`, and what it points at. */
const GeneratedImage = z
  .object({
    url: z.string().describe("Presigned GET link to the private object; valid until expires_at"),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    content_type: z.string(),
    expires_at: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "GeneratedImage" });
type GeneratedImage = z.infer<typeof GeneratedImage>;

/** An image job as GET /api/images/jobs/:job_id answers it. */
export const ImageJob = z
  .object({
    job_id: z.string(),
    strategy_id: z.string(),
    post_id: z.string().optional().describe("The planned post the picture is for"),
    prompt: z.string(),
    model: z.string(),
    status: ImageJobStatus,
    progress: z.number().int().min(0).max(100).describe("queued 0, processing 10, image generated 50, stored 90, completed 100"),
    attempts: z.number().int().nonnegative(),
    created_at: z.iso.datetime({ offset: true }),
    updated_at: z.iso.datetime({ offset: true }),
    image: GeneratedImage.optional(),
    error: z.object({ detail: z.string() }).optional(),
  })
  .meta({ id: "ImageJob" });
export type ImageJob = z.infer<typeof ImageJob>;

export const ImageJobList = z.array(ImageJob).meta({ id: "ImageJobList" });

/** The 202 answer to POST /api/strategy/:id/images. */
export const ImageJobAccepted = z
  .object({ job_id: z.string(), status: z.literal("queued"), created_at: z.iso.datetime({ offset: true }) })
  .meta({ id: "ImageJobAccepted" });
export type ImageJobAccepted = z.infer<typeof ImageJobAccepted>;

export const ImageJobIdParams = z.strictObject({ job_id: z.string().min(1).max(200) });

/** POST /api/strategy/:id/posts/images: a picture for each chosen post, or for every post of a week, in one call. */
export const PostImagesRequest = z
  .strictObject({
    post_ids: z
      .array(z.string().min(1).max(200), { error: "Must be a list of post ids" })
      .min(1, { error: "Must name at least one post" })
      .max(28, { error: "Must name at most 28 posts" })
      .optional(),
    week_start: z.iso.date({ error: "Must be a date as YYYY-MM-DD" }).optional().describe("Every post from this day to six days later, in the plan's zone"),
    model: z.string().min(1).max(200).optional().describe("An image model from GET /api/models (kind image); the default image model when absent"),
  })
  .superRefine((value, context) => {
    if ((value.post_ids === undefined) === (value.week_start === undefined)) {
      context.addIssue({ code: "custom", path: ["post_ids"], message: "Give exactly one of post_ids or week_start" });
    }
  })
  .meta({ id: "PostImagesRequest" });
export type PostImagesRequest = z.infer<typeof PostImagesRequest>;

/** The 202 answer to POST /api/strategy/:id/posts/images: the jobs queued, and the posts that already had their pictures. */
export const PostImagesAccepted = z
  .object({
    jobs: z.array(z.object({ post_id: z.string(), job_id: z.string() })),
    skipped: z.array(z.string()).describe("Posts left out: they already carry as many pictures as their platform allows"),
  })
  .meta({ id: "PostImagesAccepted" });
export type PostImagesAccepted = z.infer<typeof PostImagesAccepted>;
