import { DateTime } from "luxon";
import type { PlatformId } from "@strategist/schemas";
import type { ImportRow } from "./schemas";

/** How far from a post's scheduled time a row may be published and still match it by time. */
export const MATCH_WINDOW_MS = 3 * 60 * 60 * 1000;

/** The part of a plan post that matching reads. */
export interface MatchablePost {
  id: string;
  platform: PlatformId;
  scheduled_at: string;
  /** The published address, where a result already gave one. */
  url?: string;
}

export type MatchedBy = "post_id" | "url" | "time";

export interface MatchResult {
  /** Rows tied to a plan post, with the rule that tied them. */
  matched: { row: ImportRow; post_id: string; by: MatchedBy }[];
  /** Rows tied to no post: earlier posts of the strategy, counted in its insights all the same. */
  earlier: ImportRow[];
}

/** A URL as compared: scheme and host in lower case, no fragment, no trailing slash. */
export function normaliseUrl(url: string): string {
  try {
    const parsed = new URL(url.trim());
    return `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, "")}${parsed.search}`;
  } catch {
    return url.trim();
  }
}

/** The instant of an ISO 8601 date-time, in milliseconds. */
function instant(iso: string): number {
  return DateTime.fromISO(iso, { setZone: true }).toMillis();
}

/**
 * Ties import rows to plan posts: by post_id, then by url, then by platform and publish time within 3 hours of the
 * schedule (the closest pair first). Each post takes one row; every other row is an earlier post.
 */
export function matchRows(rows: readonly ImportRow[], posts: readonly MatchablePost[]): MatchResult {
  const byId = new Map(posts.map((post) => [post.id, post]));
  const byUrl = new Map(posts.filter((post) => post.url).map((post) => [normaliseUrl(post.url!), post]));
  const taken = new Set<string>();
  const assigned = new Map<number, { post_id: string; by: MatchedBy }>();

  rows.forEach((row, index) => {
    const post = row.post_id === undefined ? undefined : byId.get(row.post_id);
    if (post && !taken.has(post.id)) {
      taken.add(post.id);
      assigned.set(index, { post_id: post.id, by: "post_id" });
    }
  });
  rows.forEach((row, index) => {
    if (assigned.has(index) || row.url === undefined) return;
    const post = byUrl.get(normaliseUrl(row.url));
    if (post && !taken.has(post.id)) {
      taken.add(post.id);
      assigned.set(index, { post_id: post.id, by: "url" });
    }
  });

  const pairs: { index: number; post: MatchablePost; distance: number }[] = [];
  const postTimes = posts.map((post) => ({ post, at: instant(post.scheduled_at) }));
  rows.forEach((row, index) => {
    if (assigned.has(index)) return;
    const at = instant(row.published_at);
    for (const { post, at: scheduled } of postTimes) {
      const distance = Math.abs(at - scheduled);
      if (post.platform === row.platform && !taken.has(post.id) && distance <= MATCH_WINDOW_MS) pairs.push({ index, post, distance });
    }
  });
  pairs.sort((a, b) => a.distance - b.distance || a.index - b.index || a.post.id.localeCompare(b.post.id));
  for (const { index, post } of pairs) {
    if (assigned.has(index) || taken.has(post.id)) continue;
    taken.add(post.id);
    assigned.set(index, { post_id: post.id, by: "time" });
  }

  const result: MatchResult = { matched: [], earlier: [] };
  rows.forEach((row, index) => {
    const match = assigned.get(index);
    if (match) result.matched.push({ row, ...match });
    else result.earlier.push(row);
  });
  return result;
}

/** Identifies a row across imports: its url when it has one, else platform, published instant and text. */
export function dedupeKey(row: Pick<ImportRow, "platform" | "published_at" | "url" | "text">): string {
  if (row.url !== undefined) return `url ${normaliseUrl(row.url)}`;
  const at = DateTime.fromISO(row.published_at, { setZone: true }).toUTC().toISO({ suppressMilliseconds: true });
  return `post ${row.platform} ${at} ${(row.text ?? "").trim().replace(/\s+/g, " ")}`;
}

export interface MergeResult<Row> {
  rows: Row[];
  /** Keys that were not stored before. */
  added: number;
  /** Keys stored before whose row changed (the import's row replaces it). */
  updated: number;
  unchanged: number;
}

function sameRow(a: object, b: object): boolean {
  const entries = (row: object) => JSON.stringify(Object.entries(row).sort(([x], [y]) => x.localeCompare(y)));
  return entries(a) === entries(b);
}

/**
 * Adds imported rows to stored ones by `dedupeKey`: a new key is added, a known key is replaced by the import's
 * row (the later numbers win), and within one import the last row of a key wins. Importing the same rows again adds nothing.
 */
export function mergeResults<Row extends ImportRow>(stored: readonly Row[], incoming: readonly Row[]): MergeResult<Row> {
  const byKey = new Map(stored.map((row) => [dedupeKey(row), row]));
  const known = new Set(byKey.keys());
  const seen = new Map<string, Row>();
  for (const row of incoming) seen.set(dedupeKey(row), row);
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const [key, row] of seen) {
    const before = byKey.get(key);
    if (!known.has(key)) added += 1;
    else if (before && sameRow(before, row)) unchanged += 1;
    else updated += 1;
    byKey.set(key, row);
  }
  return { rows: [...byKey.values()], added, updated, unchanged };
}
