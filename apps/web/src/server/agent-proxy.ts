import "server-only";
import { ERROR_DETAILS } from "@strategist/schemas";
import { detail } from "./responses";

/** Longer than the agent's 60 s generation budget, so the agent's own 504 reaches the user first. */
const PROXY_TIMEOUT_MS = 90_000;
export const AGENT_UNREACHABLE = "Agent service unreachable";

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

/** The agent URL for a web-origin path; only the strategy and brand APIs, image jobs and the model list are reachable through us. */
export function agentTarget(agentUrl: string, incoming: URL): URL | null {
  const target = new URL(incoming.pathname + incoming.search, agentUrl);
  const allowed =
    target.pathname.startsWith("/api/strategy/") ||
    target.pathname.startsWith("/api/images/") ||
    target.pathname === "/api/models" ||
    target.pathname === "/api/brands" ||
    target.pathname.startsWith("/api/brands/");
  return allowed ? target : null;
}

interface ForwardOptions {
  agentUrl: string;
  /** The session token from the cookie, sent as a Bearer token when the request brings no Authorization. */
  sessionToken?: string;
  timeoutMs?: number;
}

/**
 * Forwards one request to the agent and streams the answer back: status, body and end-to-end headers
 * pass unchanged, so Server-Sent Events flow chunk by chunk. A client that goes away aborts the
 * upstream request.
 */
export async function forwardToAgent(request: Request, options: ForwardOptions): Promise<Response> {
  const target = agentTarget(options.agentUrl, new URL(request.url));
  if (!target) return detail(404, "Not found");

  const headers = endToEndHeaders(request.headers, NOT_FOR_AGENT);
  // Compressed upstream bodies would be decoded by fetch and re-labelled wrongly; ask for plain bytes.
  headers.set("accept-encoding", "identity");
  if (!headers.has("authorization") && options.sessionToken) headers.set("authorization", `Bearer ${options.sessionToken}`);

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
  return new Response(upstream.body, { status: upstream.status, statusText: upstream.statusText, headers: responseHeaders });
}
