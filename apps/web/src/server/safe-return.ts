import "server-only";
/**
 * A stand-in origin for resolving candidates: only whether the origin changes matters, never its name.
 * `.invalid` is reserved (RFC 2606), so no candidate can name it by accident.
 */
const OWN_ORIGIN = "https://strategist.invalid";

/**
 * A post-log-in destination that stays on this site. The candidate is resolved the way a browser
 * resolves a Location (WHATWG URL parsing, which drops tabs and newlines and reads `\` as `/`) and
 * accepted only when it starts with a single `/` and the origin is unchanged. The answer is the
 * resolved path, query and fragment, so what the browser follows is exactly what was checked.
 */
export function safeReturnPath(candidate: string | null | undefined, fallback = "/strategies"): string {
  if (!candidate || !candidate.startsWith("/")) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(candidate, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (resolved.origin !== OWN_ORIGIN) return fallback;
  const path = resolved.pathname + resolved.search + resolved.hash;
  // A path that itself begins `//` or `/\` would be protocol-relative wherever it is used next.
  return path.startsWith("//") || path.startsWith("/\\") ? fallback : path;
}
