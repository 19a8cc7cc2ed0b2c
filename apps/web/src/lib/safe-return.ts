/** A post-log-in destination that stays on this site: only local paths, never `//host` or a URL. */
export function safeReturnPath(candidate: string | null | undefined, fallback = "/strategies"): string {
  if (!candidate || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.includes("\\")) return fallback;
  return candidate;
}
