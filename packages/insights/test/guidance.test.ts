import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeInsights, describeSlots, MAX_PILLAR_SHIFT, planGuidance, summariseForPrompt, type Insights } from "../src/index";

const empty: Insights = computeInsights([], "UTC");

describe("planGuidance", () => {
  it("keeps a platform's defaults and says nothing when there is no evidence", () => {
    const guidance = planGuidance(empty, {
      platforms: [
        {
          platform: "x",
          posts_per_week: 2,
          default_slots: [
            { weekday: 1, hour: 9 },
            { weekday: 1, hour: 9 },
            { weekday: 4, hour: 12 },
          ],
        },
      ],
      pillars: ["A", "B"],
    });
    expect(guidance).toEqual({
      slots: {
        x: [
          { weekday: 1, hour: 9, source: "default" },
          { weekday: 4, hour: 12, source: "default" },
        ],
      },
      pillar_mix: [
        { pillar: "A", share: 0.5, posts_per_fortnight: 2 },
        { pillar: "B", share: 0.5, posts_per_fortnight: 2 },
      ],
      insights_used: [],
    });
  });

  it("keeps every pillar at one post a fortnight at least, even when there are more pillars than posts", () => {
    const guidance = planGuidance(empty, { platforms: [{ platform: "x", posts_per_week: 1, default_slots: [] }], pillars: ["A", "B", "C"] });
    expect(guidance.pillar_mix.map((entry) => entry.posts_per_fortnight)).toEqual([1, 1, 1]);
  });
});

describe("describeSlots", () => {
  it("groups days that share an hour", () => {
    expect(
      describeSlots([
        { weekday: 4, hour: 18 },
        { weekday: 2, hour: 18 },
      ]),
    ).toBe("Tue/Thu 18:00");
    expect(
      describeSlots([
        { weekday: 2, hour: 18 },
        { weekday: 5, hour: 9 },
      ]),
    ).toBe("Tue 18:00 and Fri 09:00");
  });
});

describe("summariseForPrompt", () => {
  it("says plainly when nothing has been measured", () => {
    expect(summariseForPrompt(empty)).toMatch(/^No results yet/);
  });
});

describe("pillar mix", () => {
  it("every pillar keeps at least one post a fortnight and the mix adds up to the plan's posts", () => {
    const pillar = fc.record({
      lift: fc.double({ min: 0.1, max: 10, noNaN: true }),
      rate: fc.double({ min: 0.001, max: 0.5, noNaN: true }),
      width: fc.double({ min: 0, max: 0.2, noNaN: true }),
      posts: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(fc.array(pillar, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 20 }), (pillars, perWeek) => {
        const names = pillars.map((_, index) => `P${index}`);
        const insights: Insights = {
          ...empty,
          pillars: pillars.map((p, index) => ({
            pillar: names[index]!,
            posts: p.posts,
            engagement_rate: p.rate,
            interval: { low: Math.max(0, p.rate - p.width), high: p.rate + p.width },
            lift: p.lift,
            enough_evidence: p.posts >= 5,
          })),
        };
        const { pillar_mix } = planGuidance(insights, { platforms: [{ platform: "x", posts_per_week: perWeek, default_slots: [] }], pillars: names });
        expect(pillar_mix.map((entry) => entry.pillar)).toEqual(names);
        expect(pillar_mix.every((entry) => entry.posts_per_fortnight >= 1)).toBe(true);
        expect(pillar_mix.reduce((sum, entry) => sum + entry.posts_per_fortnight, 0)).toBe(Math.max(2 * perWeek, names.length));
        const weights = pillar_mix.map((entry) => entry.posts_per_fortnight - 1);
        const extra = Math.max(0, 2 * perWeek - names.length);
        // Bounded: a pillar's extra posts are at most what weight MAX_PILLAR_SHIFT against the others at 1 / MAX_PILLAR_SHIFT gives, plus rounding.
        for (const w of weights)
          expect(w).toBeLessThanOrEqual(Math.ceil((extra * MAX_PILLAR_SHIFT) / (MAX_PILLAR_SHIFT + (names.length - 1) / MAX_PILLAR_SHIFT)) + 1);
      }),
      { numRuns: 200, seed: 21 },
    );
  });
});
