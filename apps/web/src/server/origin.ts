import "server-only";
/**
 * True when a browser sent this request from another site. Auth rides a cookie, so state-changing
 * requests must come from our own pages; clients without Origin (curl, servers) are not browsers
 * carrying someone else's cookie and pass.
 */
export function isCrossSiteRequest(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) return headers.get("sec-fetch-site") === "cross-site";
  if (origin === "null") return true;
  const host = (headers.get("x-forwarded-host") ?? headers.get("host") ?? "").split(",")[0]!.trim().toLowerCase();
  try {
    return new URL(origin).host.toLowerCase() !== host;
  } catch {
    return true;
  }
}

/** Methods that change state and so need the same-origin check. */
export function changesState(method: string): boolean {
  return !["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase());
}

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * This origin as the client reached it (behind the load balancer, from its forwarded host and scheme), for links in
 * answers such as the protected resource metadata. A host that is not a plain name or address gives the URL's own.
 */
export function publicOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = (request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? "").split(",")[0]!.trim();
  const proto = (request.headers.get("x-forwarded-proto") ?? url.protocol.slice(0, -1)).split(",")[0]!.trim().toLowerCase();
  return `${proto === "https" ? "https" : "http"}://${HOST.test(host) ? host : url.host}`;
}
