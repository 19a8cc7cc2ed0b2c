import type { paths } from "@strategist/api-client";
import type { FieldError } from "@strategist/schemas";
import createClient, { type Client } from "openapi-fetch";
import { retryAfterSeconds } from "./retry-after";

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

/** The typed API on the web origin: the agent's documented paths, served through the /api proxy with the session cookie. */
export type BrowserApi = Client<paths>;

let client: BrowserApi | undefined;
function browserApi(): BrowserApi {
  client ??= createClient<paths>({ baseUrl: "", headers: { accept: "application/json" }, cache: "no-store" });
  return client;
}

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

/**
 * Runs one typed call (`api => api.POST("/api/brands", { body })`) and answers the one result shape: a thrown
 * request (offline, aborted) is status 0 with the offline message. `check` validates what the agent actually
 * sent; an answer that fails it is a 502.
 */
/** What an openapi-fetch call resolves to. */
type Answer = { data?: unknown; error?: unknown; response: Response };
type Request<R extends Answer> = (api: BrowserApi) => Promise<R>;

export function call<R extends Answer>(request: Request<R>): Promise<ApiResult<Exclude<R["data"], undefined>>>;
export function call<R extends Answer, T>(request: Request<R>, check: (data: unknown) => T | undefined): Promise<ApiResult<T>>;
export async function call<R extends Answer, T>(request: Request<R>, check?: (data: unknown) => T | undefined): Promise<ApiResult<unknown>> {
  let answer: R;
  try {
    answer = await request(browserApi());
  } catch {
    return { ok: false, failure: offline() };
  }
  const { data, error, response } = answer;
  if (!response.ok) return { ok: false, failure: failureOf(response, error) };
  if (!check) return { ok: true, value: data, response };
  const value = check(data);
  return value === undefined ? { ok: false, failure: { status: 502, detail: "The answer could not be read" } } : { ok: true, value, response };
}
