import type { LookupAddress } from "node:dns";
import { lookup as dnsLookup } from "node:dns/promises";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { classifyAddress } from "./address.js";
import { FetchRefused } from "./errors.js";
import { parseTarget, type FetchTarget } from "./target.js";

/** Resolves a host name to every address it has (the default is `dns.lookup` with `all: true`). */
export type HostResolver = (hostname: string) => Promise<readonly LookupAddress[]>;

/** What every guarded request needs: the allowances, the resolver, the shared deadline and who we are. */
export interface ConnectionContext {
  allowHosts: ReadonlySet<string>;
  allowPorts: readonly number[];
  resolve: HostResolver;
  signal: AbortSignal;
  userAgent: string;
  maxRedirects: number;
}

/** The default resolver: the system's, every address, in the order it gives them. */
export const systemResolver: HostResolver = (hostname) => dnsLookup(hostname, { all: true });

const rangeNames: Record<string, string> = {
  loopback: "loopback",
  private: "private-network",
  linkLocal: "link-local",
  uniqueLocal: "unique-local",
  carrierGradeNat: "carrier-grade NAT",
  ipv4Mapped: "IPv4-mapped IPv6",
  unspecified: "unspecified",
  broadcast: "broadcast",
  multicast: "multicast",
  reserved: "reserved",
};

function bare(hostname: string): string {
  return hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
}

/** Settles like `promise`, or rejects with the signal's reason as soon as it aborts (DNS look-ups cannot be aborted). */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: Error) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Resolves the target's host once and checks every address it resolves to; one forbidden address refuses the
 * target, so a name that resolves to a public and an internal address cannot be used to reach the internal one.
 * An allowed host:port skips the address check (that is what the allowance is for).
 */
export async function resolveChecked(target: FetchTarget, context: ConnectionContext): Promise<LookupAddress[]> {
  const host = bare(target.hostname);
  const family = isIP(host);
  let addresses: readonly LookupAddress[];
  if (family !== 0) {
    addresses = [{ address: host, family }];
  } else {
    try {
      addresses = await untilAborted(context.resolve(host), context.signal);
    } catch (error) {
      if (context.signal.aborted) throw error;
      throw new FetchRefused("host_not_found", `The host ${target.hostname} could not be found.`, { url: target.url.href, cause: error });
    }
  }
  if (addresses.length === 0) throw new FetchRefused("host_not_found", `The host ${target.hostname} has no address.`, { url: target.url.href });
  if (target.allowedHost) return [...addresses];
  for (const { address } of addresses) {
    const verdict = classifyAddress(address);
    if (!verdict.allowed) {
      const range = rangeNames[verdict.range] ?? verdict.range;
      const what = family !== 0 ? `${target.hostname} is` : `${target.hostname} resolves to ${verdict.address}, which is`;
      throw new FetchRefused("forbidden_address", `${what} a ${range} address; only public addresses are fetched.`, { url: target.url.href });
    }
  }
  return [...addresses];
}

/**
 * A `lookup` for the socket that answers with the addresses already checked, never asking DNS again: the connection
 * goes where the check looked, so a second answer from a rebinding DNS server cannot move it.
 */
function pinnedLookup(addresses: readonly LookupAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const first = addresses[0] as LookupAddress;
    if (options.all) (callback as (error: null, addresses: LookupAddress[]) => void)(null, [...addresses]);
    else callback(null, first.address, first.family);
  };
}

/**
 * Sends one GET to the checked addresses. The Host header and the TLS server name stay the URL's own host, so
 * virtual hosting and certificate checks work as for a normal request. No connection is pooled or reused.
 */
export function sendGet(target: FetchTarget, addresses: readonly LookupAddress[], context: ConnectionContext, accept: string): Promise<IncomingMessage> {
  const { url } = target;
  const host = bare(url.hostname);
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      {
        protocol: url.protocol,
        hostname: host,
        port: target.port,
        path: `${url.pathname}${url.search}`,
        method: "GET",
        agent: false,
        lookup: pinnedLookup(addresses),
        ...(url.protocol === "https:" && isIP(host) === 0 ? { servername: host.replace(/\.$/, "") } : {}),
        signal: context.signal,
        headers: {
          host: url.host,
          "user-agent": context.userAgent,
          accept,
          "accept-encoding": "gzip, deflate, br",
        },
      },
      resolve,
    );
    request.on("error", reject);
    request.end();
  });
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/** The end of a chain of redirects: the last target and its response, and the URLs redirected to on the way. */
export interface FollowedResponse {
  target: FetchTarget;
  response: IncomingMessage;
  redirects: string[];
}

/**
 * GETs `start`, following redirects by hand up to `context.maxRedirects`; every hop is parsed, port-checked,
 * resolved and address-checked like the first. `beforeEachHop` runs after a hop's address check and before its
 * request (robots.txt is checked there).
 */
export async function followRedirects(
  start: FetchTarget,
  context: ConnectionContext,
  accept: string,
  beforeEachHop: (target: FetchTarget) => Promise<void> = async () => undefined,
): Promise<FollowedResponse> {
  let target = start;
  const redirects: string[] = [];
  for (;;) {
    const addresses = await resolveChecked(target, context);
    await beforeEachHop(target);
    const response = await sendGet(target, addresses, context, accept);
    const location = response.headers.location;
    if (!redirectStatuses.has(response.statusCode ?? 0) || location === undefined) return { target, response, redirects };
    response.destroy();
    if (redirects.length >= context.maxRedirects) {
      throw new FetchRefused("too_many_redirects", `The page redirected more than ${context.maxRedirects} times.`, { url: target.url.href });
    }
    target = parseTarget(location, context.allowHosts, context.allowPorts, target.url);
    redirects.push(target.url.href);
  }
}
