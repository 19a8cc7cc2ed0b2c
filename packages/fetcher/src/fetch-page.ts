import { decodeBody, readCappedBody } from "./body.js";
import { followRedirects, systemResolver, type ConnectionContext, type HostResolver } from "./connection.js";
import { FetchRefused } from "./errors.js";
import { checkRobots, type RobotsCache, type RobotsPolicy } from "./robots.js";
import { normalizeAllowHosts, parseTarget } from "./target.js";

/** The user agent every fetch sends, and the token robots.txt groups are matched against ("StrategistBot"). */
export const defaultUserAgent = "StrategistBot/1.0 (+https://github.com/strategist/strategist)";

/** The content types a page may have. */
export const acceptedContentTypes = ["text/html", "application/xhtml+xml", "text/plain"] as const;

/** Options of `fetchPage`; every one has a safe default. */
export interface FetchPageOptions {
  /** Exact "host:port" pairs (FETCH_ALLOW_HOSTS) that may be any port and any address. Default: none. */
  allowHosts?: readonly string[];
  /** Ports fetched on hosts that are not allowed. Default: 80 and 443. */
  allowPorts?: readonly number[];
  /** Time for the whole fetch (robots.txt, redirects, body). Default: 10,000 ms. */
  timeoutMs?: number;
  /** Body cap, counted while streaming. Default: 2 MB. */
  maxBytes?: number;
  /** Redirects followed by hand. Default: 3. */
  maxRedirects?: number;
  /** Default: `defaultUserAgent`. */
  userAgent?: string;
  /** Aborts the fetch (a client that went away); it then ends in a FetchRefused "aborted". */
  signal?: AbortSignal;
  /** Host resolution; the default is the system's. Tests give their own to play a DNS server. */
  resolve?: HostResolver;
  /** robots.txt policies already read; pass one map to several fetches of one site. */
  robots?: RobotsCache;
}

/** A page that passed every check. */
export interface FetchedPage {
  /** The URL asked for (without user name or password). */
  url: string;
  /** The URL the page came from after redirects. */
  finalUrl: string;
  /** The URLs redirected to, in order. */
  redirects: string[];
  status: number;
  /** The media type, lower case, without parameters. */
  contentType: (typeof acceptedContentTypes)[number];
  charset: string;
  /** The decoded body. */
  text: string;
  /** The decoded body's size in bytes. */
  bytes: number;
}

const defaultTimeoutMs = 10_000;
const defaultMaxBytes = 2 * 1024 * 1024;
const acceptHeader = "text/html,application/xhtml+xml,text/plain;q=0.9";

class DeadlineReached extends Error {}

function mediaType(header: string | undefined): { type: string; charset: string | undefined } {
  const [type = "", ...parameters] = (header ?? "").split(";");
  const charset = parameters
    .map((parameter) => parameter.trim().split("="))
    .find(([name]) => name?.trim().toLowerCase() === "charset")?.[1]
    ?.trim()
    .replace(/^"|"$/g, "");
  return { type: type.trim().toLowerCase(), charset };
}

function isAccepted(type: string): type is FetchedPage["contentType"] {
  return (acceptedContentTypes as readonly string[]).includes(type);
}

/**
 * Fetches a user-given URL without letting it reach anything internal: http(s) only, ports 80/443 unless the exact
 * host:port is in `allowHosts`, every resolved address checked (loopback, private, link-local, unique-local, CGNAT,
 * multicast, IPv4-mapped, unspecified and reserved ranges refused) and the socket pinned to the checked address,
 * redirects followed by hand and checked the same way, robots.txt honoured, one deadline for everything, a body cap
 * counted while streaming and HTML or plain text only.
 *
 * @throws FetchRefused for every failure, with `status` 400 (the URL is refused), 422 (the page or site cannot be
 * read as asked) or 504 (out of time); no other error escapes.
 */
export async function fetchPage(url: string, options: FetchPageOptions = {}): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DeadlineReached()), timeoutMs);
  const onCallerAbort = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) onCallerAbort();
  else options.signal?.addEventListener("abort", onCallerAbort, { once: true });
  let current = url;
  try {
    const context: ConnectionContext = {
      allowHosts: normalizeAllowHosts(options.allowHosts ?? []),
      allowPorts: options.allowPorts ?? [80, 443],
      resolve: options.resolve ?? systemResolver,
      signal: controller.signal,
      userAgent: options.userAgent ?? defaultUserAgent,
      maxRedirects: options.maxRedirects ?? 3,
    };
    const robots: RobotsCache = options.robots ?? new Map<string, RobotsPolicy>();
    const start = parseTarget(url, context.allowHosts, context.allowPorts);
    current = start.url.href;
    const { target, response, redirects } = await followRedirects(start, context, acceptHeader, async (hop) => {
      current = hop.url.href;
      await checkRobots(hop, context, robots);
    });
    const status = response.statusCode ?? 0;
    if (status < 200 || status >= 300) {
      response.destroy();
      throw new FetchRefused("http_status", `The page answered HTTP ${status}.`, { url: target.url.href });
    }
    const { type, charset } = mediaType(response.headers["content-type"]);
    if (!isAccepted(type)) {
      response.destroy();
      const what = type === "" ? "no content type" : type;
      throw new FetchRefused("content_type", `The page is ${what}; only ${acceptedContentTypes.join(", ")} are read.`, { url: target.url.href });
    }
    const body = await readCappedBody(response, maxBytes, target.url.href);
    const decoded = decodeBody(body, charset);
    return {
      url: start.url.href,
      finalUrl: target.url.href,
      redirects,
      status,
      contentType: type,
      charset: decoded.charset,
      text: decoded.text,
      bytes: body.length,
    };
  } catch (error) {
    throw asRefusal(error, controller.signal, timeoutMs, current);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onCallerAbort);
  }
}

function asRefusal(error: unknown, signal: AbortSignal, timeoutMs: number, url: string): FetchRefused {
  if (signal.aborted) {
    if (signal.reason instanceof DeadlineReached) {
      return new FetchRefused("timeout", `The page did not arrive within ${timeoutMs / 1000} s.`, { url, cause: error });
    }
    return new FetchRefused("aborted", "The fetch was cancelled before the page arrived.", { url, cause: error });
  }
  if (error instanceof FetchRefused) return error;
  if (error instanceof TypeError && error.message.startsWith("Allowed host")) {
    return new FetchRefused("invalid_url", error.message, { url, cause: error });
  }
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
  const why = code === undefined ? "" : ` (${code})`;
  return new FetchRefused("unreachable", `The page could not be read${why}.`, { url, cause: error });
}
