import type { FieldError } from "@strategist/schemas";
import { failureOf, offline, type ApiResult } from "./result";

/** The web's own account routes (not part of the agent's API document). */
type AuthRoute = "/api/auth/login" | "/api/auth/register" | "/api/auth/logout" | "/api/auth/password-reset" | "/api/auth/password-reset/confirm";

/** A signed-in answer of login and register. */
export interface SignedIn {
  user: { id: string; email: string };
  token: string;
}

/**
 * Posts to one of the web's account routes; the answer has the same result and failure shape as every API call.
 * Login and register answer `SignedIn`; the other routes answer nothing the forms read.
 */
export async function postAuth(route: AuthRoute, body?: Record<string, string>): Promise<ApiResult<SignedIn | undefined>> {
  let response: Response;
  try {
    response = await fetch(route, {
      method: "POST",
      headers: body ? { "content-type": "application/json", accept: "application/json" } : { accept: "application/json" },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch {
    return { ok: false, failure: offline() };
  }
  const payload = (await response.json().catch(() => undefined)) as (SignedIn & { detail?: string; errors?: FieldError[] }) | undefined;
  return response.ok ? { ok: true, value: payload, response } : { ok: false, failure: failureOf(response, payload) };
}
