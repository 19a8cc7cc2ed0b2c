import "server-only";
import { cookies } from "next/headers";
import { forwardToAgent } from "./agent-proxy";
import { webConfig } from "./config";
import { changesState, isCrossSiteRequest } from "./origin";
import { CROSS_SITE_DETAIL, detail } from "./responses";
import { SESSION_COOKIE } from "./session";

/** The /api/strategy/*, /api/images/* and /api/models handler: adds the session's Bearer token and forwards to the agent. */
export async function proxyToAgent(request: Request): Promise<Response> {
  const sessionToken = (await cookies()).get(SESSION_COOKIE)?.value;
  const authorizedByCookie = !request.headers.has("authorization") && sessionToken !== undefined;
  // Only cookie-borne credentials can be ridden by another site; an explicit Bearer header cannot.
  if (authorizedByCookie && changesState(request.method) && isCrossSiteRequest(request.headers)) {
    return detail(403, CROSS_SITE_DETAIL);
  }
  return forwardToAgent(request, { agentUrl: webConfig().AGENT_URL, sessionToken });
}
