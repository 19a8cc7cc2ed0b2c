import "server-only";
import { trace } from "@opentelemetry/api";
import { ERROR_DETAILS } from "@strategist/schemas";
import { detail } from "./responses";

/** Longer than the agent's 60 s generation budget, so the agent's own 504 reaches the user first. */
const PROXY_TIMEOUT_MS = 90_000;
export const AGENT_UNREACHABLE = "Agent service unreachable";
/**
 * The largest body forwarded: the agent's largest (a results import, 10 MB). A larger one gets the agent's 413 here,
 * before Next's proxy would cut it at its own 10 MB buffer.
 */
export const MAX_FORWARDED_BODY = 10 * 1024 * 1024;

/** RFC 9110 §7.6.1 connection-specific headers, meaningful for one hop only. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/** Request headers the agent must not see: the browser's cookies stay on the web origin, the host is ours. */
const NOT_FOR_AGENT = new Set(["host", "cookie", "accept-encoding", "expect"]);

/** Copies headers minus hop-by-hop ones, those named in `Connection`, and any in `drop`. */
export function endToEndHeaders(source: Headers, drop: ReadonlySet<string> = new Set()): Headers {
  const named = (source.get("connection") ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const result = new Headers();
  source.forEach((value, name) => {
    if (HOP_BY_HOP.has(name) || named.includes(name) || drop.has(name) || name.startsWith("x-middleware-")) return;
    result.append(name, value);
  });
  return result;
}

/**
 * The agent URL for a web-origin path; only the strategy and brand APIs, image jobs, the plan's calendar feeds, the
 * model list, API keys and the MCP server (`/api/mcp` here, `/mcp` at the agent) are reachable through us.
 */
export function agentTarget(agentUrl: string, incoming: URL): URL | null {
  if (incoming.pathname === "/api/mcp") return new URL(`/mcp${incoming.search}`, agentUrl);
  const target = new URL(incoming.pathname + incoming.search, agentUrl);
  const allowed =
    target.pathname.startsWith("/api/strategy/") ||
    target.pathname.startsWith("/api/images/") ||
    target.pathname.startsWith("/api/plan-feeds/") ||
    target.pathname === "/api/models" ||
    target.pathname === "/api/brands" ||
    target.pathname.startsWith("/api/brands/") ||
    target.pathname === "/api/keys" ||
    target.pathname.startsWith("/api/keys/");
  return allowed ? target : null;
}

interface ForwardOptions {
  agentUrl: string;
  /** The session token from the cookie, sent as a Bearer token when the request brings no Authorization. */
  sessionToken?: string;
  /** The client's address as the web determined it: the agent counts failed API keys per client IP from it. */
  clientIp?: string;
  /** This origin as the client reached it: a 401's `resource_metadata` is made to point here, not at the agent. */
  publicOrigin?: string;
  timeoutMs?: number;
}

/** Forwarding headers a client could have written itself: the agent gets the client IP and our origin from us, or nothing. */
const CLIENT_FORWARDING = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-real-ip"];

/** Points a `WWW-Authenticate: Bearer ... resource_metadata="..."` challenge at this origin's metadata document. */
export function challengeForOrigin(challenge: string, publicOrigin: string): string {
  return challenge.replace(/resource_metadata="[^"]*"/u, `resource_metadata="${publicOrigin}/.well-known/oauth-protected-resource"`);
}

/**
 * Forwards one request to the agent and streams the answer back: status, body and end-to-end headers
 * pass unchanged, so Server-Sent Events flow chunk by chunk. A client that goes away aborts the
 * upstream request.
 */
export async function forwardToAgent(request: Request, options: ForwardOptions): Promise<Response> {
  const target = agentTarget(options.agentUrl, new URL(request.url));
  if (!target) return detail(404, "Not found");

  if (Number(request.headers.get("content-length") ?? 0) > MAX_FORWARDED_BODY) return detail(413, ERROR_DETAILS.payload_too_large);

  const headers = endToEndHeaders(request.headers, NOT_FOR_AGENT);
  // Compressed upstream bodies would be decoded by fetch and re-labelled wrongly; ask for plain bytes.
  headers.set("accept-encoding", "identity");
  // An API key or a token in the request's own Authorization header goes as it is; otherwise the cookie's session.
  if (!headers.has("authorization") && options.sessionToken) headers.set("authorization", `Bearer ${options.sessionToken}`);
  // With tracing on, the undici instrumentation sends the agent this request's own trace context (the fetch span's
  // traceparent), so the caller's is not copied beside it; with tracing off the caller's passes through unchanged.
  if (trace.getActiveSpan()?.isRecording()) {
    headers.delete("traceparent");
    headers.delete("tracestate");
  }
  for (const name of CLIENT_FORWARDING) headers.delete(name);
  if (options.clientIp) headers.set("x-forwarded-for", options.clientIp);
  if (options.publicOrigin) {
    // An agent that trusts us (TRUST_PROXY_HOPS=1) links back to this origin (the MCP server's PDF links).
    const origin = new URL(options.publicOrigin);
    headers.set("x-forwarded-host", origin.host);
    headers.set("x-forwarded-proto", origin.protocol.slice(0, -1));
  }

  const timeout = AbortSignal.timeout(options.timeoutMs ?? PROXY_TIMEOUT_MS);
  const signal = AbortSignal.any([request.signal, timeout]);
  const hasBody = request.body !== null && !["GET", "HEAD"].includes(request.method);

  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers,
      body: hasBody ? request.body : undefined,
      // Streams the request body instead of buffering it (required by fetch for stream bodies).
      ...(hasBody ? { duplex: "half" as const } : {}),
      signal,
      redirect: "manual",
      cache: "no-store",
    });
  } catch {
    if (timeout.aborted) return detail(504, ERROR_DETAILS.timeout);
    // The client left: nobody reads this answer, but the handler must still return one.
    if (request.signal.aborted) return new Response(null, { status: 499 });
    return detail(502, AGENT_UNREACHABLE);
  }

  const responseHeaders = endToEndHeaders(upstream.headers);
  if (responseHeaders.has("content-encoding")) {
    // fetch has already decoded the body, so the length and encoding no longer describe it.
    responseHeaders.delete("content-encoding");
    responseHeaders.delete("content-length");
  }
  const challenge = responseHeaders.get("www-authenticate");
  if (challenge && options.publicOrigin) responseHeaders.set("www-authenticate", challengeForOrigin(challenge, options.publicOrigin));
  return new Response(upstream.body, { status: upstream.status, statusText: upstream.statusText, headers: responseHeaders });
}
