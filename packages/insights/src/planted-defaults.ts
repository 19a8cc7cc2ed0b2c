import type { PlantedOptions } from "./planted";

/**
 * The benchmark's held-out dataset: Instagram's Tuesday 18:00 slot earns 4× and the "Behind the scenes" pillar 3× the
 * 2 % base rate, over 16 weeks in Europe/Berlin. The same seed gives the same rows.
 */
export const PLANTED_DEFAULTS: PlantedOptions = {
  seed: 21,
  rows: 10_000,
  timezone: "Europe/Berlin",
  start: "2026-01-05",
  weeks: 16,
  platforms: ["instagram", "linkedin", "x", "facebook"],
  pillars: ["Tips", "Behind the scenes", "Product", "Community"],
  baseRate: 0.02,
  slot: { platform: "instagram", weekday: 2, hour: 18, factor: 4, share: 0.15 },
  pillar: { name: "Behind the scenes", factor: 3 },
  impressions: { min: 300, max: 8000 },
};
