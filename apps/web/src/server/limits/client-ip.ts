import "server-only";
/**
 * The client's IP address for per-IP limits. `X-Forwarded-For` lists the addresses a request passed through, each
 * proxy appending the one it saw; only the entries appended by proxies we run can be believed. With
 * `trustedHops` proxies in front of the web (TRUST_PROXY_HOPS; 1 behind the AWS load balancer), the client is the
 * entry the outermost of them appended: the `trustedHops`-th from the right. With 0, the last entry is used: Next
 * fills the header from the socket when the request carries none, but a client talking to the web directly could
 * send its own — so production runs only behind the load balancer, with TRUST_PROXY_HOPS=1.
 */
export function clientIp(headers: Headers, trustedHops: number): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return "unknown";
  const index = Math.max(0, entries.length - Math.max(1, trustedHops));
  return normalise(entries[index]!);
}

/** One spelling per address: IPv4-mapped IPv6 as IPv4, lowercase, no brackets, no port. */
function normalise(entry: string): string {
  let address = entry.toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  if (address.startsWith("::ffff:") && /^\d{1,3}(\.\d{1,3}){3}$/.test(address.slice(7))) address = address.slice(7);
  return address.slice(0, 64);
}
