import { describe, expect, it } from "vitest";
import { parseImportRows, parsePostResult } from "../src/index";

describe("parsePostResult", () => {
  it("takes a date-time with an offset, an optional url and whole counts, and omits unknown counts", () => {
    expect(parsePostResult({ published_at: "2026-03-03T18:00:00+01:00", impressions: 10, likes: 0 })).toEqual({
      ok: true,
      value: { published_at: "2026-03-03T18:00:00+01:00", impressions: 10, likes: 0 },
    });
  });

  it("refuses a time without an offset, a negative or fractional count and an unknown field, each as { line, field, reason }", () => {
    const result = parsePostResult({ published_at: "2026-03-03T18:00:00", likes: -1, shares: 1.5, views: 3 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map(({ line, field }) => [line, field])).toEqual([
      [1, "published_at"],
      [1, "likes"],
      [1, "shares"],
      [1, "row"],
    ]);
  });
});

describe("parseImportRows", () => {
  it("keeps the good JSON rows and names each bad one by its 1-based index", () => {
    const { rows, rejected } = parseImportRows([
      { platform: "x", published_at: "2026-03-03T18:00:00Z", likes: 1 },
      { platform: "myspace", published_at: "2026-03-03T18:00:00Z" },
      { platform: "instagram", published_at: "2026-03-03T18:00:00Z", url: "ftp://example.com/a" },
    ]);
    expect(rows).toHaveLength(1);
    expect(rejected.map(({ line, field }) => [line, field])).toEqual([
      [2, "platform"],
      [3, "url"],
    ]);
  });
});

describe("the insights' wire shape", () => {
  it("describes what computeInsights returns, so the routes' responses serialise it whole", async () => {
    const { InsightsResponse } = await import("@strategist/schemas");
    const { computeInsights, plantedResults, PLANTED_DEFAULTS } = await import("../src/index");
    const insights = computeInsights(plantedResults({ ...PLANTED_DEFAULTS, rows: 400, seed: 7 }), PLANTED_DEFAULTS.timezone);
    expect(InsightsResponse.parse(insights)).toEqual(insights);
  });
});
