import fc from "fast-check";
import { computeInsights, PLANTED_DEFAULTS, plantedResults } from "@strategist/insights";
import { describe, expect, it } from "vitest";
import { writePlan, type PlanBrief } from "../../src/plans/copywriter";
import { guideBrief, pillarSequence } from "../../src/plans/insights";
import { weekdayOf } from "../../src/plans/schedule";

const BRIEF: PlanBrief = {
  brand_name: "Acme",
  industry: "Coffee",
  language: "en",
  goals: ["More cafe visits"],
  goal_cta: "visit a cafe",
  cta_type: "LEARN_MORE",
  customers: "coffee lovers",
  holidays: [],
  platforms: [
    { id: "instagram", name: "Instagram", priority: "high", posts_per_week: 3, times: ["12:00"], weekdays: [1, 3, 5] },
    { id: "linkedin", name: "LinkedIn", priority: "medium", posts_per_week: 2, times: ["09:00"], weekdays: [2, 4] },
  ],
  pillars: PLANTED_DEFAULTS.pillars as string[],
  themes: ["Roasting", "Sourcing", "Brewing", "Cafes", "Events"],
  visual_prompts: 2,
  posting_schedule: "Instagram: weekdays at 12 pm",
  start_date: "2026-12-07",
  weeks: 4,
};

// A few planted datasets, computed once: the property varies the plan around them.
const DATASETS = [3, 17, 2026, 4711].map((seed) => computeInsights(plantedResults({ ...PLANTED_DEFAULTS, seed, rows: 1500 }), PLANTED_DEFAULTS.timezone));

describe("the plan's insights step", () => {
  it("property: the pillar sequence gives each pillar exactly its posts a fortnight", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 6 }), (counts) => {
        const mix = counts.map((posts_per_fortnight, index) => ({ pillar: `P${index}`, posts_per_fortnight }));
        const sequence = pillarSequence(mix);
        for (const { pillar, posts_per_fortnight } of mix) expect(sequence.filter((name) => name === pillar)).toHaveLength(posts_per_fortnight);
      }),
      { numRuns: 200 },
    );
  });

  it("property: a guided plan keeps every pillar in every full fortnight and posts guided platforms only in their slots", () => {
    fc.assert(
      fc.property(fc.constantFrom(...DATASETS), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 0, max: 6 }), (insights, weeks, day) => {
        const { brief } = guideBrief({ ...BRIEF, weeks, start_date: `2026-12-0${1 + day}` }, insights);
        const plan = writePlan(brief);
        expect(brief.pillar_sequence).toBeDefined();
        for (let fortnight = 0; fortnight + 1 < weeks; fortnight += 2) {
          const first = new Date(`${brief.start_date}T00:00:00Z`).getTime() + fortnight * 7 * 86_400_000;
          const posts = plan.posts.filter((post) => {
            const at = new Date(`${post.date}T00:00:00Z`).getTime();
            return at >= first && at < first + 14 * 86_400_000;
          });
          for (const pillar of BRIEF.pillars) expect(posts.some((post) => post.pillar === pillar)).toBe(true);
        }
        for (const [platform, slots] of Object.entries(brief.slots ?? {})) {
          for (const post of plan.posts.filter((candidate) => candidate.platform === platform)) {
            expect(slots.some((slot) => slot.weekday === weekdayOf(post.date) && slot.time === post.time)).toBe(true);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it("leaves the brief as it was without insights or without evidence", () => {
    expect(guideBrief(BRIEF, undefined)).toEqual({ brief: BRIEF, insights_used: [] });
    expect(guideBrief(BRIEF, computeInsights([], "UTC"))).toEqual({ brief: BRIEF, insights_used: [] });
  });

  it("moves Instagram to its evidenced slot and shifts the mix toward the planted pillar", () => {
    const insights = computeInsights(plantedResults({ ...PLANTED_DEFAULTS, rows: 3000, seed: 99 }), PLANTED_DEFAULTS.timezone);
    const { brief, insights_used } = guideBrief(BRIEF, insights);
    expect(brief.slots?.instagram?.[0]).toEqual({ weekday: 2, time: "18:00" });
    expect(brief.slots?.linkedin).toBeUndefined();
    const sequence = brief.pillar_sequence!;
    const count = (pillar: string) => sequence.filter((name) => name === pillar).length;
    expect(count("Behind the scenes")).toBeGreaterThan(Math.max(...BRIEF.pillars.filter((p) => p !== "Behind the scenes").map(count)));
    expect(insights_used[0]).toMatch(/^Instagram moved to Tue 18:00/);
  });
});
