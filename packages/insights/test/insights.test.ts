import { describe, expect, it } from "vitest";
import { computeInsights, observationOf, type ResultRecord } from "../src/index";

const record = (published_at: string, fields: Partial<ResultRecord> = {}): ResultRecord => ({
  platform: "instagram",
  published_at,
  impressions: 1000,
  likes: 30,
  ...fields,
});

describe("observationOf", () => {
  it("adds likes, comments, shares, saves and clicks over impressions, else reach, else nothing", () => {
    expect(observationOf({ impressions: 1000, reach: 500, likes: 10, comments: 2, shares: 3, saves: 4, clicks: 5 })).toEqual({ engagements: 24, trials: 1000 });
    expect(observationOf({ reach: 500, likes: 10 })).toEqual({ engagements: 10, trials: 500 });
    expect(observationOf({ impressions: 0, reach: 0, likes: 10 })).toBeUndefined();
    expect(observationOf({ likes: 10 })).toBeUndefined();
  });
});

describe("computeInsights", () => {
  it("puts posts in the weekday and hour of the given time zone, across a DST change", () => {
    const winter = record("2026-03-24T17:00:00Z"); // Tuesday 18:00 in Berlin (CET, +01:00)
    const summer = record("2026-03-31T16:00:00Z"); // Tuesday 18:00 in Berlin (CEST, +02:00)
    const insights = computeInsights([winter, summer], "Europe/Berlin");
    expect(insights.slots.instagram!.map(({ weekday, hour, posts }) => ({ weekday, hour, posts }))).toEqual([{ weekday: 2, hour: 18, posts: 2 }]);
    const utc = computeInsights([winter, summer], "UTC");
    expect(utc.slots.instagram!.map(({ weekday, hour }) => [weekday, hour]).sort()).toEqual([
      [2, 16],
      [2, 17],
    ]);
  });

  it("counts posts without impressions or reach but leaves them out of every rate", () => {
    const insights = computeInsights([record("2026-03-24T17:00:00Z"), record("2026-03-25T17:00:00Z", { impressions: undefined, likes: 900 })], "UTC");
    expect(insights.platforms).toEqual([expect.objectContaining({ platform: "instagram", posts: 2, posts_without_reach: 1, enough_evidence: false })]);
    expect(insights.platforms[0]!.engagement_rate).toBeCloseTo(0.03, 2);
  });

  it("shrinks a slot with few posts toward the platform mean and claims no best time for it", () => {
    const rows: ResultRecord[] = [];
    for (let week = 0; week < 10; week += 1) {
      const monday = Date.UTC(2026, 0, 5) + week * 7 * 86_400_000;
      rows.push(record(new Date(monday + 9 * 3_600_000).toISOString(), { likes: 20 + (week % 3) }));
      rows.push(record(new Date(monday + 86_400_000 + 9 * 3_600_000).toISOString(), { likes: 20 + (week % 2) }));
    }
    rows.push(record("2026-03-20T12:00:00Z", { likes: 300 }));
    const insights = computeInsights(rows, "UTC");
    const lucky = insights.slots.instagram!.find((slot) => slot.weekday === 5 && slot.hour === 12)!;
    expect(lucky.posts).toBe(1);
    expect(lucky.engagement_rate).toBeLessThan(0.3 / 2);
    expect(lucky.interval.low).toBeLessThan(lucky.engagement_rate);
    expect(lucky.interval.high).toBeGreaterThan(lucky.engagement_rate);
    expect(insights.best_times.instagram).toEqual([]);
  });

  it("ranks pillars best first, top and bottom posts apart, and says nothing for no results", () => {
    const rows: ResultRecord[] = [];
    for (let i = 0; i < 12; i += 1) {
      rows.push(record(`2026-02-${String(i + 1).padStart(2, "0")}T10:00:00Z`, { pillar: "Tips", likes: 20 + (i % 4) }));
      rows.push(record(`2026-02-${String(i + 1).padStart(2, "0")}T15:00:00Z`, { pillar: "Stories", likes: 60 + (i % 5) }));
    }
    const insights = computeInsights(rows, "UTC");
    expect(insights.pillars.map((pillar) => pillar.pillar)).toEqual(["Stories", "Tips"]);
    expect(insights.pillars[0]!.lift).toBeGreaterThan(2);
    expect(insights.top_posts).toHaveLength(5);
    expect(insights.top_posts.every((post) => post.pillar === "Stories")).toBe(true);
    expect(insights.bottom_posts.every((post) => post.pillar === "Tips")).toBe(true);
    expect(computeInsights([], "UTC")).toMatchObject({ platforms: [], pillars: [], best_times: {}, top_posts: [], bottom_posts: [] });
  });
});
