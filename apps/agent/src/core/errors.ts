import { ERROR_DETAILS, type ErrorCode, type FieldError } from "@strategist/schemas";

/** The one table from error code to HTTP status (the API's errors and the service's own limits). */
const ERROR_STATUS: Record<ErrorCode, number> = {
  validation: 400,
  invalid_token: 401,
  token_expired: 401,
  access_denied: 403,
  not_found: 404,
  idempotency_in_progress: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  user_busy: 429,
  structured_output: 500,
  generation_failed: 500,
  internal: 500,
  unavailable: 503,
  timeout: 504,
  job_not_found: 404,
  image_jobs_busy: 429,
  brand_not_found: 404,
  brand_conflict: 409,
  conflict: 409,
  version_not_found: 404,
  plan_not_found: 404,
  post_not_found: 404,
  post_conflict: 409,
  bad_request: 400,
  uri_too_long: 414,
  headers_too_large: 431,
  write_scope_required: 403,
  session_required: 403,
  key_not_found: 404,
  exports_busy: 503,
  feed_not_found: 404,
};

/** An error the API answers with: a code from the closed set, optional field errors and a Retry-After. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldError[];
  readonly retryAfterSeconds?: number;
  /** The limit that turned the request away (a `limit` label value of the metrics), when a limit did. */
  readonly limit?: string;

  constructor(code: ErrorCode, options: { cause?: unknown; fields?: FieldError[]; retryAfterSeconds?: number; message?: string; limit?: string } = {}) {
    super(options.message ?? ERROR_DETAILS[code], { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
    if (options.limit) this.limit = options.limit;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  /** The response body: `{"detail": ...}`, with `errors` for validation. */
  body(): { detail: string; errors?: FieldError[] } {
    return this.code === "validation" ? { detail: ERROR_DETAILS.validation, errors: this.fields ?? [] } : { detail: ERROR_DETAILS[this.code] };
  }
}
