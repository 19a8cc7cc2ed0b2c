import { FetchRefused } from "./errors.js";

/** A URL the fetcher has parsed and accepted the form of: scheme, host and port are checked, the address is not yet. */
export interface FetchTarget {
  /** The URL to request, without user name or password. */
  url: URL;
  /** The host as WHATWG URL serializes it: lower case, IPv4 in dotted decimal, IPv6 in brackets. */
  hostname: string;
  /** The port, the scheme's default when the URL names none. */
  port: number;
  /** `hostname:port`, the form `allowHosts` entries are compared with. */
  hostPort: string;
  /** True when `hostPort` is one of the allowed hosts: its port and addresses are then not checked. */
  allowedHost: boolean;
}

const defaultPorts: Record<string, number> = { "http:": 80, "https:": 443 };

/**
 * Normalizes `allowHosts` entries ("host:port", as in FETCH_ALLOW_HOSTS) to the form of `FetchTarget.hostPort`.
 * An entry without an explicit port, or that does not parse as a host and port, is refused with a thrown TypeError:
 * this is configuration, read once at startup.
 */
export function normalizeAllowHosts(entries: readonly string[]): Set<string> {
  const normalized = new Set<string>();
  for (const raw of entries) {
    const entry = raw.trim();
    if (entry === "") continue;
    let url: URL;
    try {
      url = new URL(`http://${entry}/`);
    } catch {
      throw new TypeError(`Allowed host "${entry}" is not a host:port pair.`);
    }
    if (url.port === "" && !/:80$/.test(entry)) throw new TypeError(`Allowed host "${entry}" names no port; write it as host:port.`);
    if (url.username !== "" || url.password !== "" || url.pathname !== "/") throw new TypeError(`Allowed host "${entry}" is not a host:port pair.`);
    normalized.add(`${url.hostname.replace(/\.+$/, "")}:${url.port === "" ? 80 : Number(url.port)}`);
  }
  return normalized;
}

/** Parses `FETCH_ALLOW_HOSTS` (comma-separated host:port) into the list `fetchPage` takes as `allowHosts`. */
export function parseAllowHosts(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}

/**
 * Parses `input` (a string, or relative to `base` for a redirect) by the WHATWG URL rules, which turn every IPv4
 * spelling (decimal, octal, hex, shortened) into dotted decimal and every IPv6 spelling into its compressed form, so the
 * checks that follow see one spelling only. Refuses schemes other than http and https and ports other than the
 * allowed ones, unless the host:port is allowed exactly.
 */
export function parseTarget(input: string, allowHosts: ReadonlySet<string>, allowPorts: readonly number[], base?: URL): FetchTarget {
  let url: URL;
  try {
    url = new URL(input, base);
  } catch {
    throw new FetchRefused("invalid_url", `"${truncate(input)}" is not a valid URL.`);
  }
  const defaultPort = defaultPorts[url.protocol];
  if (defaultPort === undefined) {
    throw new FetchRefused("scheme", `Only http and https URLs are fetched; this one is ${url.protocol.slice(0, -1)}.`, { url: url.href });
  }
  url.username = "";
  url.password = "";
  url.hash = "";
  let hostname = url.hostname;
  if (hostname.endsWith(".") && !hostname.startsWith("[")) hostname = hostname.replace(/\.+$/, "");
  if (hostname === "") throw new FetchRefused("invalid_url", "The URL names no host.", { url: url.href });
  const port = url.port === "" ? defaultPort : Number(url.port);
  const hostPort = `${hostname}:${port}`;
  const allowedHost = allowHosts.has(hostPort);
  if (!allowedHost && !allowPorts.includes(port)) {
    throw new FetchRefused("port", `Port ${port} is not fetched; only ports ${allowPorts.join(" and ")} are.`, { url: url.href });
  }
  return { url, hostname, port, hostPort, allowedHost };
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
