/**
 * The closed sets every label value comes from. A value outside its set is recorded as "other" (or
 * "unmatched" for routes), so no id, email or free text can ever become a label value.
 */

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethodLabel = (typeof HTTP_METHODS)[number] | "OTHER";

export const STATUS_CLASSES = ["1xx", "2xx", "3xx", "4xx", "5xx"] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number] | "other";

/** How a generation ended. */
export const GENERATION_OUTCOMES = ["completed", "validation_failure", "throttled", "timeout", "cancelled", "model_error", "rejected", "error"] as const;
export type GenerationOutcome = (typeof GENERATION_OUTCOMES)[number];

/** What a model call was for. */
export const MODEL_CALL_KINDS = ["strategy", "refine", "plan", "rewrite", "repurpose", "brand", "image"] as const;
export type ModelCallKind = (typeof MODEL_CALL_KINDS)[number];

/** The limits that can turn a request away (one per configured limit of the agent and the web app). */
export const LIMITS = [
  "generation_rate",
  "generations_concurrent",
  "generations_concurrent_per_user",
  "read_rate",
  "image_jobs_active_per_user",
  "auth_rate_per_ip",
  "login_attempts",
  "password_reset_requests",
] as const;
export type LimitName = (typeof LIMITS)[number];

/** Image job state transitions. */
export const IMAGE_JOB_STATES = ["queued", "processing", "completed", "failed", "retried"] as const;
export type ImageJobState = (typeof IMAGE_JOB_STATES)[number];

/** Outcome of a DynamoDB call. */
export const CALL_OUTCOMES = ["ok", "error"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** The DynamoDB operations the services use; any other command name is recorded as "other". */
export const DYNAMODB_OPERATIONS = [
  "GetItem",
  "PutItem",
  "UpdateItem",
  "DeleteItem",
  "Query",
  "Scan",
  "BatchGetItem",
  "BatchWriteItem",
  "TransactGetItems",
  "TransactWriteItems",
  "DescribeTable",
  "CreateTable",
  "ListTables",
] as const;

/** The label value recorded for a request no registered route template matched. */
export const UNMATCHED_ROUTE = "unmatched";
/** The label value recorded for a value outside its closed set. */
export const OTHER = "other";

/** At most this many route templates may be registered: a guard against registering paths instead of templates. */
export const MAX_ROUTES = 256;
/** At most this many model ids may be registered. */
export const MAX_MODELS = 64;

export function methodLabel(method: string): HttpMethodLabel {
  const upper = method.toUpperCase();
  return (HTTP_METHODS as readonly string[]).includes(upper) ? (upper as HttpMethodLabel) : "OTHER";
}

export function statusClass(status: number): StatusClass {
  if (!Number.isInteger(status) || status < 100 || status > 599) return "other";
  return `${Math.floor(status / 100)}xx` as StatusClass;
}

/** `value` when it belongs to `allowed`, else "other". */
export function closed<T extends string>(allowed: readonly T[], value: string): T | typeof OTHER {
  return (allowed as readonly string[]).includes(value) ? (value as T) : OTHER;
}

/**
 * A route template looks like `/api/strategy/:id` (Fastify) or `/api/agent/[...path]` (Next): it starts with
 * a slash and has no query string, scheme or `@`. Registration refuses anything else, so a caller cannot
 * register a concrete URL by mistake.
 */
export function isRouteTemplate(value: string): boolean {
  return /^\/[A-Za-z0-9_\-./:*{}[\]]*$/.test(value) && value.length <= 200;
}
