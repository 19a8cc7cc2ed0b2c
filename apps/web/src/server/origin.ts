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
