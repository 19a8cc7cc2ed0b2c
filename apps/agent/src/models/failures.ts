import { AppError } from "../core/errors";

/** The model ended without valid structured output (invalid every time, cut off by max tokens, or turn limit). */
export class StructuredOutputFailure extends Error {
  override name = "StructuredOutputFailure";
}

/** AWS and SDK error names that mean "the model service is busy or down right now": retry, fall back, then 503. */
const UNAVAILABLE = new Set([
  "ThrottlingException",
  "ServiceUnavailableException",
  "ModelNotReadyException",
  "InternalServerException",
  "ModelStreamErrorException",
  "ModelThrottledError",
  // The openai package's errors (OpenAI-compatible endpoints): 429, 5xx, and a connection that failed or dropped.
  "RateLimitError",
  "InternalServerError",
  "APIConnectionError",
]);

/** Network failures between us and Bedrock (unreachable, connection reset, stream cut midway): also transient. */
const TRANSIENT_NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "ERR_HTTP2_STREAM_ERROR",
  "ERR_HTTP2_SESSION_ERROR",
  "ERR_HTTP2_GOAWAY_SESSION",
  "ERR_STREAM_PREMATURE_CLOSE",
  "UND_ERR_SOCKET",
]);

/** HTTP statuses of an OpenAI-compatible endpoint that mean busy or down (Bedrock's carry `$metadata` instead). */
const OPENAI_UNAVAILABLE_STATUS = new Set([429, 500, 502, 503, 504, 529]);

/** Retry-After, in seconds, suggested to clients when every model is busy. */
const UNAVAILABLE_RETRY_AFTER_SECONDS = 10;

/** Walks an error's cause chain (Strands wraps the AWS exception in a ModelError). */
export function errorChain(error: unknown): Error[] {
  const chain: Error[] = [];
  let current: unknown = error;
  while (current instanceof Error && chain.length < 10) {
    chain.push(current);
    current = current.cause;
  }
  return chain;
}

/** True when the failure is a busy or unavailable model service: worth a retry or another model. */
export function isUnavailableFailure(error: unknown): boolean {
  return errorChain(error).some(
    (link) =>
      UNAVAILABLE.has(link.name) ||
      // The openai package's errors keep the name "Error"; their class and HTTP status say what happened.
      UNAVAILABLE.has(link.constructor.name) ||
      (!(link instanceof AppError) && OPENAI_UNAVAILABLE_STATUS.has((link as { status?: unknown }).status as number)) ||
      TRANSIENT_NETWORK_CODES.has((link as { code?: string }).code ?? ""),
  );
}

/** What the log needs of an AWS failure: its name, status and request id (never sent to the client). */
export function describeAwsFailure(error: unknown): { aws_error?: string; aws_status?: number; aws_request_id?: string } {
  const aws = errorChain(error).find((link) => "$metadata" in link) as (Error & { $metadata?: { httpStatusCode?: number; requestId?: string } }) | undefined;
  if (!aws) return {};
  return { aws_error: aws.name, aws_status: aws.$metadata?.httpStatusCode, aws_request_id: aws.$metadata?.requestId };
}

/** Maps a failed model call to the AppError the client receives (its code picks the status). */
export function classifyModelFailure(error: unknown): AppError {
  const chain = errorChain(error);
  if (chain.some((link) => link instanceof StructuredOutputFailure)) return new AppError("structured_output", { cause: error });
  if (chain.some((link) => link.name === "ModelTimeoutException")) return new AppError("timeout", { cause: error });
  if (isUnavailableFailure(error)) {
    return new AppError("unavailable", { cause: error, retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS });
  }
  return new AppError("generation_failed", { cause: error });
}
