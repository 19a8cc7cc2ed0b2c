import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PLATFORM_IDS } from "@strategist/schemas";
import { dedupeKey, matchRows, mergeResults, type ImportRow, type MatchablePost } from "../src/index";

const row = (fields: Partial<ImportRow> & Pick<ImportRow, "published_at">): ImportRow => ({ platform: "instagram", impressions: 100, likes: 1, ...fields });
const post = (id: string, scheduled_at: string, fields: Partial<MatchablePost> = {}): MatchablePost => ({ id, platform: "instagram", scheduled_at, ...fields });

describe("matchRows", () => {
  it("matches by post_id first, then url, then platform and time, and keeps the rest as earlier posts", () => {
    const posts = [
      post("a", "2026-03-02T18:00:00+01:00", { url: "https://www.instagram.com/p/A/" }),
      post("b", "2026-03-03T18:00:00+01:00", { url: "https://www.instagram.com/p/B/" }),
      post("c", "2026-03-04T18:00:00+01:00"),
    ];
    const rows = [
      row({ published_at: "2026-03-04T18:30:00+01:00", url: "https://www.instagram.com/p/B" }), // by url B, though it is also within 3 hours of c
      row({ published_at: "2026-03-10T09:00:00+01:00", post_id: "a", url: "https://www.instagram.com/p/B/" }), // post_id a beats its url
      row({ published_at: "2026-03-04T17:00:00Z" }), // 18:00 Berlin: c by time
      row({ published_at: "2026-03-04T20:00:00Z" }), // c is taken: an earlier post
      row({ published_at: "2026-03-02T18:00:00+01:00", platform: "linkedin" }), // another platform: earlier
    ];
    const { matched, earlier } = matchRows(rows, posts);
    expect(matched.map(({ post_id, by }) => [post_id, by])).toEqual([
      ["b", "url"],
      ["a", "post_id"],
      ["c", "time"],
    ]);
    expect(earlier).toEqual([rows[3], rows[4]]);
  });

  it("gives a post the closest row within 3 hours, and none further", () => {
    const posts = [post("p", "2026-03-04T12:00:00Z")];
    const rows = [row({ published_at: "2026-03-04T14:00:00Z" }), row({ published_at: "2026-03-04T11:30:00Z" }), row({ published_at: "2026-03-04T15:30:00Z" })];
    const { matched } = matchRows(rows, posts);
    expect(matched).toEqual([{ row: rows[1], post_id: "p", by: "time" }]);
    expect(matchRows([row({ published_at: "2026-03-04T15:00:01Z" })], posts).matched).toEqual([]);
  });

  it("falls through an unknown post_id to the url and time rules", () => {
    const { matched } = matchRows([row({ published_at: "2026-03-04T12:10:00Z", post_id: "nope" })], [post("p", "2026-03-04T12:00:00Z")]);
    expect(matched.map((m) => m.by)).toEqual(["time"]);
  });
});

describe("dedupeKey", () => {
  it("uses the url when there is one, else platform, instant and text", () => {
    expect(dedupeKey(row({ published_at: "2026-03-04T12:00:00Z", url: "https://WWW.Instagram.com/p/A/#x" }))).toBe(
      dedupeKey(row({ published_at: "2020-01-01T00:00:00Z", url: "https://www.instagram.com/p/A" })),
    );
    expect(dedupeKey(row({ published_at: "2026-03-04T13:00:00+01:00", text: " Hi  there" }))).toBe(
      dedupeKey(row({ published_at: "2026-03-04T12:00:00Z", text: "Hi there" })),
    );
    expect(dedupeKey(row({ published_at: "2026-03-04T12:00:00Z", text: "Hi" }))).not.toBe(
      dedupeKey(row({ published_at: "2026-03-04T12:00:00Z", text: "Hi", platform: "x" })),
    );
  });
});

const importRow = fc.record(
  {
    platform: fc.constantFrom(...PLATFORM_IDS),
    published_at: fc.integer({ min: 0, max: 500 }).map((hours) => new Date(Date.UTC(2026, 0, 1) + hours * 3_600_000).toISOString()),
    url: fc.option(
      fc.integer({ min: 0, max: 30 }).map((n) => `https://example.com/p/${n}`),
      { nil: undefined },
    ),
    text: fc.constantFrom("a", "b", "c"),
    impressions: fc.nat(10_000),
    likes: fc.nat(100),
  },
  { requiredKeys: ["platform", "published_at", "text", "impressions", "likes"] },
);

describe("mergeResults", () => {
  it("importing the same rows twice stores what importing them once stores, and adds nothing the second time", () => {
    fc.assert(
      fc.property(fc.array(importRow, { maxLength: 30 }), fc.array(importRow, { maxLength: 30 }), (stored, incoming) => {
        const once = mergeResults(stored, incoming);
        const twice = mergeResults(once.rows, incoming);
        expect(twice.rows).toEqual(once.rows);
        expect(twice.added).toBe(0);
        expect(twice.updated).toBe(0);
        expect(new Set(once.rows.map(dedupeKey)).size).toBe(once.rows.length);
      }),
      { numRuns: 200, seed: 21 },
    );
  });

  it("replaces a known row with the import's newer numbers", () => {
    const first = row({ published_at: "2026-03-04T12:00:00Z", url: "https://example.com/p/1", likes: 1 });
    const later = { ...first, likes: 9 };
    expect(mergeResults([first], [later])).toEqual({ rows: [later], added: 0, updated: 1, unchanged: 0 });
  });
});
