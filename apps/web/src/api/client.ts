import type { paths } from "@strategist/api-client";
import createClient, { type Client } from "openapi-fetch";
import { failureOf, offline, type ApiResult } from "./result";

export { OFFLINE_MESSAGE, failureOf, offline, type ApiFailure, type ApiResult } from "./result";

/** The typed API on the web origin: the agent's documented paths, served through the /api proxy with the session cookie. */
export type BrowserApi = Client<paths>;

let client: BrowserApi | undefined;
function browserApi(): BrowserApi {
  client ??= createClient<paths>({ baseUrl: "", headers: { accept: "application/json" }, cache: "no-store" });
  return client;
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
