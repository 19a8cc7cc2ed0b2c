import { z } from "zod";
import { FieldError } from "./errors";

/**
 * The Server-Sent Events of every live model-calling route (generate/stream, refine/stream and the other `/stream` routes):
 * `started`, then `section` as parts are written, `reset` when an attempt is discarded, and finally exactly one
 * of `completed` (the stored result) or `error` (the status and body the plain route would have answered).
 */
export const LIVE_EVENT_NAMES = ["started", "section", "reset", "completed", "error"] as const;
export type LiveEventName = (typeof LIVE_EVENT_NAMES)[number];

/** `started`: the request is admitted and the model is about to write. */
export const StartedEvent = z
  .object({ request_id: z.string(), model: z.string().describe("The model asked first; a fallback may finish the work") })
  .meta({ id: "StartedEvent" });
export type StartedEvent = z.infer<typeof StartedEvent>;

/** `section`: a top-level part of the output, whole once `complete`, else the list items finished so far. */
export const SectionEvent = z.object({ section: z.string(), value: z.unknown(), complete: z.boolean() }).meta({ id: "SectionEvent" });
export type SectionEvent = z.infer<typeof SectionEvent>;

/** `reset`: what was shown of the current attempt is discarded; the model writes again. */
export const ResetEvent = z.object({ model: z.string(), reason: z.string() }).meta({ id: "ResetEvent" });
export type ResetEvent = z.infer<typeof ResetEvent>;

/**
 * `error`: the request failed; `status` and `body` are what the non-streaming route answers, `retry_after` (seconds)
 * is the Retry-After it would send.
 */
export const ErrorEvent = z
  .object({
    status: z.number().int(),
    body: z.object({ detail: z.string(), errors: z.array(FieldError).optional() }),
    retry_after: z.number().int().positive().optional(),
  })
  .meta({ id: "ErrorEvent" });
export type ErrorEvent = z.infer<typeof ErrorEvent>;
