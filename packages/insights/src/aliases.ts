import type { CanonicalColumn } from "./schemas";

/**
 * Header names of the platforms' own exports, per canonical column, in the order they are tried (the first
 * present wins). Matched case-insensitively with runs of spaces collapsed; docs/results.md gives the source of each.
 * Totals such as "Engagements", "Interactions" or "Reactions, comments and shares" are never read as one count.
 */
export const HEADER_ALIASES: Record<CanonicalColumn, readonly string[]> = {
  platform: ["platform", "network"],
  published_at: ["published_at", "publish time", "posted", "time", "date", "created date", "video publish time", "video create time"],
  url: ["url", "permalink", "tweet permalink", "post link", "update link", "video share url"],
  text: ["text", "description", "post message", "tweet text", "post text", "title", "update title", "video title", "video caption"],
  impressions: ["impressions", "lifetime post total impressions"],
  reach: ["reach", "lifetime post total reach", "viewers"],
  likes: ["likes", "reactions"],
  comments: ["comments", "replies", "comments added"],
  shares: ["shares", "share", "retweets", "reposts"],
  saves: ["saves", "bookmarks"],
  clicks: ["clicks", "url clicks", "link clicks"],
  video_views: ["video_views", "video views", "views", "plays"],
  pillar: ["pillar", "content pillar"],
  post_id: ["post_id"],
};

/** A header cell as aliases are compared: trimmed, lower case, one space between words. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ");
}

/** Which column index feeds each canonical column, and the headers nothing reads. */
export function resolveHeader(headers: readonly string[]): { columns: Partial<Record<CanonicalColumn, number>>; ignored: string[] } {
  const normalised = headers.map(normaliseHeader);
  const columns: Partial<Record<CanonicalColumn, number>> = {};
  const used = new Set<number>();
  for (const [column, aliases] of Object.entries(HEADER_ALIASES) as [CanonicalColumn, readonly string[]][]) {
    for (const alias of aliases) {
      const index = normalised.indexOf(alias);
      if (index >= 0 && !used.has(index)) {
        columns[column] = index;
        used.add(index);
        break;
      }
    }
  }
  return { columns, ignored: headers.filter((_, index) => !used.has(index)) };
}
