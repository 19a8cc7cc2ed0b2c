import { z } from "zod";

/** The body of every error answer: `{"detail": "..."}`. */
export const ErrorBody = z.object({ detail: z.string() });
export type ErrorBody = z.infer<typeof ErrorBody>;

export const FieldError = z.object({ field: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

/** The body of a 400 answer to an invalid request: which field, and why. */
export const ValidationErrorBody = z.object({
  detail: z.literal("Validation error"),
  errors: z.array(FieldError),
});
export type ValidationErrorBody = z.infer<typeof ValidationErrorBody>;

/** Every `detail` the API answers with, one per error code; the web shows the same words. */
export const ERROR_DETAILS = {
  validation: "Validation error",
  invalid_token: "Invalid token",
  token_expired: "Token has expired",
  access_denied: "Access denied",
  not_found: "Strategy not found",
  rate_limited: "Rate limit exceeded",
  structured_output: "Failed to generate structured output",
  generation_failed: "Strategy generation failed",
  unavailable: "AI service temporarily unavailable",
  timeout: "Request timeout",
  user_busy: "Too many generations in progress",
  idempotency_in_progress: "A request with this Idempotency-Key is still in progress",
  payload_too_large: "Request body too large",
  unsupported_media_type: "Unsupported content type",
  internal: "Internal server error",
  job_not_found: "Image job not found",
  image_jobs_busy: "Too many image jobs in progress",
  brand_not_found: "Brand not found",
  brand_conflict: "Brand was changed by another request",
  conflict: "Strategy was changed by another request",
  version_not_found: "Version not found",
  plan_not_found: "Plan not found",
  post_not_found: "Post not found",
  post_conflict: "Post was changed by another request",
  bad_request: "Malformed request",
  uri_too_long: "Request URL too long",
  headers_too_large: "Request headers too large",
  write_scope_required: "This API key lacks the write scope",
  session_required: "API keys are managed from a web session: an API key cannot create, list or revoke keys",
  key_not_found: "API key not found",
  exports_busy: "Too many exports in progress",
  feed_not_found: "Feed not found",
} as const;
export type ErrorCode = keyof typeof ERROR_DETAILS;

interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  keys?: readonly string[];
}

/** Turns zod issues (or issues of the same shape) into the `errors` list of a 400 answer, in the order found. */
export function fieldErrors(issues: readonly IssueLike[], prefix: readonly PropertyKey[] = []): FieldError[] {
  return issues.flatMap((issue) => {
    // One entry per unknown field: two unknown fields are two errors, each at its own path.
    if (issue.code === "unrecognized_keys" && issue.keys) {
      return issue.keys.map((key) => ({ field: [...prefix, ...issue.path, key].map(String).join("."), message: "Unknown field" }));
    }
    const path = [...prefix, ...issue.path].map(String).join(".");
    return [{ field: path || "body", message: issue.message }];
  });
}
