import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeInsights, sampleBinomial, seededRandom, THRESHOLDS, type ResultRecord } from "../src/index";

interface Scenario {
  seed: number;
  k: number;
  baseRate: number;
  planted: { weekday: number; hour: number; posts: number };
  /** Posts in each of the other slots. */
  otherPosts: number;
}

/** Posts of one platform over weekday-hour slots; every engagement count is a binomial draw from the slot's true rate. */
function results(scenario: Scenario): ResultRecord[] {
  const random = seededRandom(scenario.seed);
  const others = [9, 12, 15, 20]
    .flatMap((hour) => [1, 3, 5].map((weekday) => ({ weekday, hour })))
    .filter((slot) => slot.weekday !== scenario.planted.weekday || slot.hour !== scenario.planted.hour)
    .slice(0, 6);
  const slots = [
    { ...scenario.planted, rate: scenario.baseRate * scenario.k },
    ...others.map((slot) => ({ ...slot, posts: scenario.otherPosts, rate: scenario.baseRate })),
  ];
  const rows: ResultRecord[] = [];
  for (const slot of slots) {
    for (let week = 0; week < slot.posts; week += 1) {
      const impressions = 1000 + Math.floor(random() * 4000);
      const day = Date.UTC(2026, 0, 5) + (week * 7 + slot.weekday - 1) * 86_400_000;
      rows.push({
        platform: "instagram",
        published_at: new Date(day + slot.hour * 3_600_000 + Math.floor(random() * 60) * 60_000).toISOString(),
        impressions,
        likes: sampleBinomial(random, impressions, slot.rate),
      });
    }
  }
  return rows;
}

const plantedSlot = fc.record({ weekday: fc.integer({ min: 1, max: 7 }), hour: fc.integer({ min: 6, max: 22 }) });

describe("best times", () => {
  it("the best slot is found when one slot's true rate is k× the others' with enough samples; with too few samples no slot is claimed", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.double({ min: 3, max: 6, noNaN: true }),
        fc.double({ min: 0.01, max: 0.05, noNaN: true }),
        plantedSlot,
        fc.integer({ min: 8, max: 16 }),
        fc.integer({ min: 1, max: THRESHOLDS.minSlotPosts - 1 }),
        (seed, k, baseRate, slot, enough, tooFew) => {
          const found = computeInsights(results({ seed, k, baseRate, planted: { ...slot, posts: enough }, otherPosts: 8 }), "UTC").best_times.instagram ?? [];
          expect(found[0]).toMatchObject({ weekday: slot.weekday, hour: slot.hour, posts: enough });
          expect(found[0]!.lift).toBeGreaterThan(1.5);

          const scarce = computeInsights(results({ seed, k, baseRate, planted: { ...slot, posts: tooFew }, otherPosts: tooFew }), "UTC");
          expect(scarce.best_times.instagram).toEqual([]);
          const plantedAlone =
            computeInsights(results({ seed, k, baseRate, planted: { ...slot, posts: tooFew }, otherPosts: 8 }), "UTC").best_times.instagram ?? [];
          expect(plantedAlone.some((claimed) => claimed.weekday === slot.weekday && claimed.hour === slot.hour)).toBe(false);
        },
      ),
      { numRuns: 150, seed: 21 },
    );
  });
});
