import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import type { AgentResult } from "./agent-api";
import { loginPath, requireSession } from "./current-session";

/**
 * One agent read (with the session's token) for a page of `returnTo`: the value, or the page the outcome calls for — log in again (401),
 * forbidden (403), not found (404) — or an error naming `what` for anything else.
 */
export async function loadForPage<T>(returnTo: string, what: string, read: (token: string) => Promise<AgentResult<T>>): Promise<T> {
  const session = await requireSession(returnTo);
  const result = await read(session.token);
  switch (result.kind) {
    case "ok":
      return result.value;
    case "unauthorized":
      return redirect(loginPath(returnTo));
    case "forbidden":
      return forbidden();
    case "not_found":
      return notFound();
    default:
      throw new Error(`Loading the ${what} failed (${result.status})`);
  }
}
