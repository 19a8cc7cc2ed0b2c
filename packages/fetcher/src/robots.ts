import robotsParser from "robots-parser";
import { readCappedBody } from "./body.js";
import { followRedirects, type ConnectionContext } from "./connection.js";
import { FetchRefused } from "./errors.js";
import { parseTarget, type FetchTarget } from "./target.js";

/** A robots.txt policy: whether our user agent may fetch a URL of the origin it was read from. */
export interface RobotsPolicy {
  isAllowed(url: string, userAgent: string): boolean;
}

/** robots.txt policies by origin, so several pages of one site read its robots.txt once. */
export type RobotsCache = Map<string, RobotsPolicy>;

/** RFC 9309 asks crawlers to parse at least 500 KiB of a robots.txt; more is ignored. */
const robotsMaxBytes = 512 * 1024;

const allowAll: RobotsPolicy = { isAllowed: () => true };

function parsedPolicy(robotsUrl: string, text: string): RobotsPolicy {
  const robots = robotsParser(robotsUrl, text);
  return { isAllowed: (url, userAgent) => robots.isAllowed(url, userAgent) !== false };
}

/**
 * Reads the origin's robots.txt through the same guarded connection as pages, following RFC 9309: a 4xx answer (or
 * more redirects than we follow) allows everything; a 5xx answer or an unreachable file disallows everything.
 */
async function readPolicy(origin: string, context: ConnectionContext): Promise<RobotsPolicy> {
  const robotsUrl = `${origin}/robots.txt`;
  let start: FetchTarget;
  try {
    start = parseTarget(robotsUrl, context.allowHosts, context.allowPorts);
  } catch (error) {
    throw unavailable(robotsUrl, error);
  }
  try {
    const { response, target } = await followRedirects(start, context, "text/plain,*/*;q=0.5");
    const status = response.statusCode ?? 0;
    if (status >= 200 && status < 300) {
      const body = await readCappedBody(response, robotsMaxBytes, target.url.href).catch((error: unknown) => {
        if (error instanceof FetchRefused && error.reason === "too_large") return null;
        throw error;
      });
      return body === null ? allowAll : parsedPolicy(target.url.href, body.toString("utf8"));
    }
    response.destroy();
    if (status >= 400 && status < 500) return allowAll;
    throw new FetchRefused("robots_unavailable", `The site's robots.txt answered ${status}, so the site is not fetched.`, { url: robotsUrl });
  } catch (error) {
    if (context.signal.aborted) throw error;
    if (error instanceof FetchRefused && error.reason === "too_many_redirects") return allowAll;
    if (error instanceof FetchRefused && error.reason === "robots_unavailable") throw error;
    throw unavailable(robotsUrl, error);
  }
}

function unavailable(robotsUrl: string, cause: unknown): FetchRefused {
  const why = cause instanceof FetchRefused ? ` (${cause.detail.replace(/\.$/, "")})` : "";
  return new FetchRefused("robots_unavailable", `The site's robots.txt could not be read${why}, so the site is not fetched.`, { url: robotsUrl, cause });
}

/** Refuses `target` when its origin's robots.txt disallows our user agent. */
export async function checkRobots(target: FetchTarget, context: ConnectionContext, cache: RobotsCache): Promise<void> {
  const origin = target.url.origin;
  let policy = cache.get(origin);
  if (policy === undefined) {
    policy = await readPolicy(origin, context);
    cache.set(origin, policy);
  }
  if (!policy.isAllowed(target.url.href, context.userAgent)) {
    throw new FetchRefused("robots_disallowed", `The site's robots.txt does not allow ${target.url.pathname} to be fetched by our crawler.`, {
      url: target.url.href,
    });
  }
}
