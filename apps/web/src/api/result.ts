import type { FieldError } from "@strategist/schemas";
import { retryAfterSeconds } from "./retry-after";

// The result and failure shape every browser call answers, without the typed client: the header's log-out and the
// account forms use it on every page, and openapi-fetch stays in the pages that call the agent's API.

/** What every browser call says when the request got no answer at all. */
export const OFFLINE_MESSAGE = "You seem to be offline. Check your connection and try again.";

/** A refused or failed call: the status (0: no answer), the API's detail, its field errors, and when to retry. */
export interface ApiFailure {
  status: number;
  detail: string;
  errors?: FieldError[];
  /** From Retry-After (or an event stream's `retry_after`): seconds until a retry can succeed. */
  retryAfterSeconds?: number;
}

/** The one result shape of a browser call: the value with its response, or the failure. */
export type ApiResult<T> = { ok: true; value: T; response: Response } | { ok: false; failure: ApiFailure };

/** The failure of a call that never got an answer. */
export const offline = (): ApiFailure => ({ status: 0, detail: OFFLINE_MESSAGE });

/** Reads a failed answer into the failure shape: the problem body's detail and errors, and Retry-After. */
export function failureOf(response: Response, body: unknown): ApiFailure {
  const problem = typeof body === "object" && body !== null ? (body as { detail?: unknown; errors?: unknown }) : {};
  const wait = retryAfterSeconds(response.headers.get("retry-after"));
  return {
    status: response.status,
    detail: typeof problem.detail === "string" ? problem.detail : `The request failed (${response.status})`,
    ...(Array.isArray(problem.errors) ? { errors: problem.errors as FieldError[] } : {}),
    ...(wait ? { retryAfterSeconds: wait } : {}),
  };
}
