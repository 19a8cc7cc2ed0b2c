import "server-only";
import { cookies } from "next/headers";
import { forwardToAgent } from "./agent-proxy";
import { webConfig } from "./config";
import { clientIp } from "./limits/client-ip";
import { changesState, isCrossSiteRequest, publicOrigin } from "./origin";
import { CROSS_SITE_DETAIL, detail } from "./responses";
import { SESSION_COOKIE } from "./session";

/**
 * The handler of every proxied /api route (strategies, brands, images, models, keys, mcp): forwards the request's own
 * `Authorization` (a token or an API key) or else the session's token, with the client's IP, to the agent.
 */
export async function proxyToAgent(request: Request): Promise<Response> {
  const sessionToken = (await cookies()).get(SESSION_COOKIE)?.value;
  const authorizedByCookie = !request.headers.has("authorization") && sessionToken !== undefined;
  // Only cookie-borne credentials can be ridden by another site; an explicit Bearer header cannot.
  if (authorizedByCookie && changesState(request.method) && isCrossSiteRequest(request.headers)) {
    return detail(403, CROSS_SITE_DETAIL);
  }
  const config = webConfig();
  return forwardToAgent(request, {
    agentUrl: config.AGENT_URL,
    sessionToken,
    clientIp: clientIp(request.headers, config.TRUST_PROXY_HOPS),
    publicOrigin: publicOrigin(request),
  });
}

/**
 * The /api/plan-feeds/* handler: calendar apps fetch a plan's feed with no cookie, and the feed's token in the path
 * is its only key, so the request goes to the agent without the session's credentials, even when the browser has them.
 */
export async function forwardFeedToAgent(request: Request): Promise<Response> {
  const headers = new Headers(request.headers);
  headers.delete("authorization");
  return forwardToAgent(new Request(request, { headers }), { agentUrl: webConfig().AGENT_URL });
}
