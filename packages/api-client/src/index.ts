import createClient, { type Client, type ClientOptions } from "openapi-fetch";
import type { components, operations, paths } from "./schema";

export type { components, operations, paths };
/** The named shapes of the API (`Schemas["StrategyRecord"]`, `Schemas["ErrorBody"]`, …). */
export type Schemas = components["schemas"];
export type ApiClient = Client<paths>;

export interface ApiClientOptions extends ClientOptions {
  /** The agent's URL, or the web origin (its /api/* proxy). */
  baseUrl: string;
  /** A Bearer JWT sent on every request. */
  token?: string;
}

/**
 * A typed client of the Strategist API (openapi-fetch over the generated `paths`): every call answers
 * `{ data, error, response }`, with `data` and `error` typed by the operation's documented statuses.
 */
export function createApiClient({ token, headers, ...options }: ApiClientOptions): ApiClient {
  return createClient<paths>({
    ...options,
    headers: { ...(headers as Record<string, string> | undefined), ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
}
