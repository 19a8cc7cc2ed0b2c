import { describe, expect, it } from "vitest";
import { computeInsights, PLANTED_DEFAULTS, plantedResults, planGuidance, summariseForPrompt } from "../src/index";

describe("a held-out dataset with a planted signal", () => {
  const rows = plantedResults({ ...PLANTED_DEFAULTS, rows: 3000, seed: 2026 });
  const insights = computeInsights(rows, PLANTED_DEFAULTS.timezone);
  const pillars = PLANTED_DEFAULTS.pillars;

  it("names the planted slot and the planted pillar", () => {
    expect(insights.best_times.instagram![0]).toMatchObject({ weekday: 2, hour: 18 });
    expect(insights.best_times.instagram![0]!.lift).toBeGreaterThan(2.5);
    expect(insights.pillars[0]).toMatchObject({ pillar: "Behind the scenes", enough_evidence: true });
    expect(insights.pillars[0]!.lift).toBeGreaterThan(2);
    for (const platform of ["linkedin", "x", "facebook"] as const) expect(insights.best_times[platform]).toEqual([]);
  });

  it("moves that platform's posts to that slot, gives that pillar a larger share, and says why", () => {
    const guidance = planGuidance(insights, {
      platforms: [
        { platform: "instagram", posts_per_week: 1, default_slots: [{ weekday: 3, hour: 12 }] },
        {
          platform: "linkedin",
          posts_per_week: 2,
          default_slots: [
            { weekday: 2, hour: 9 },
            { weekday: 4, hour: 9 },
          ],
        },
        {
          platform: "x",
          posts_per_week: 2,
          default_slots: [
            { weekday: 1, hour: 8 },
            { weekday: 3, hour: 8 },
          ],
        },
      ],
      pillars,
    });
    expect(guidance.slots.instagram).toEqual([{ weekday: 2, hour: 18, source: "evidence" }]);
    expect(guidance.slots.linkedin).toEqual([
      { weekday: 2, hour: 9, source: "default" },
      { weekday: 4, hour: 9, source: "default" },
    ]);
    const share = (pillar: string) => guidance.pillar_mix.find((entry) => entry.pillar === pillar)!;
    expect(share("Behind the scenes").share).toBeGreaterThan(1 / pillars.length);
    expect(Math.max(...pillars.filter((p) => p !== "Behind the scenes").map((p) => share(p).posts_per_fortnight))).toBeLessThan(
      share("Behind the scenes").posts_per_fortnight,
    );
    for (const pillar of pillars) expect(share(pillar).posts_per_fortnight).toBeGreaterThanOrEqual(1);
    expect(guidance.insights_used[0]).toMatch(/^Instagram moved to Tue 18:00: \d+\.\d× the engagement of other slots over \d+ posts$/);
    expect(guidance.insights_used[1]).toMatch(
      /^More "Behind the scenes" posts: \d+\.\d× the engagement of other pillars over \d+ posts; 4 of 10 posts a fortnight \(was 3\)$/,
    );
    expect(guidance.insights_used.slice(2).every((sentence) => sentence.startsWith("Fewer "))).toBe(true);
  });

  it("puts the evidenced slot first when the platform posts more often than it has evidenced slots", () => {
    const guidance = planGuidance(insights, {
      platforms: [
        {
          platform: "instagram",
          posts_per_week: 3,
          default_slots: [
            { weekday: 1, hour: 9 },
            { weekday: 3, hour: 12 },
            { weekday: 5, hour: 15 },
          ],
        },
      ],
      pillars,
    });
    expect(guidance.slots.instagram).toEqual([
      { weekday: 2, hour: 18, source: "evidence" },
      { weekday: 1, hour: 9, source: "default" },
      { weekday: 3, hour: 12, source: "default" },
    ]);
  });

  it("hands the model a short summary that names them", () => {
    const summary = summariseForPrompt(insights);
    expect(summary).toContain("Instagram");
    expect(summary).toContain("best times Tue 18:00");
    expect(summary).toContain("Pillars, best first: Behind the scenes");
    expect(summary.length).toBeLessThan(1500);
  });
});
