import { DateTime } from "luxon";
import type { PlatformId } from "@strategist/schemas";
import type { ResultRecord } from "./insights";

/** A seeded uniform generator on [0, 1) (mulberry32): the same seed gives the same dataset on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A Binomial(trials, rate) draw: exact inversion while the variance is small, else the normal approximation
 * (rounded and kept within 0..trials), which is within a fraction of a count once trials * rate * (1 - rate) >= 10.
 */
export function sampleBinomial(random: () => number, trials: number, rate: number): number {
  if (trials <= 0 || rate <= 0) return 0;
  if (rate >= 1) return trials;
  const variance = trials * rate * (1 - rate);
  if (variance >= 10) {
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return Math.min(trials, Math.max(0, Math.round(trials * rate + normal * Math.sqrt(variance))));
  }
  let probability = (1 - rate) ** trials;
  let cumulative = probability;
  const u = random();
  let k = 0;
  while (u > cumulative && k < trials) {
    probability *= ((trials - k) / (k + 1)) * (rate / (1 - rate));
    k += 1;
    cumulative += probability;
  }
  return k;
}

export interface PlantedOptions {
  seed: number;
  rows: number;
  /** The zone in which the planted weekday and hour are read. */
  timezone: string;
  /** First day of the period, YYYY-MM-DD. */
  start: string;
  weeks: number;
  platforms: readonly PlatformId[];
  pillars: readonly string[];
  /** Every post's true engagement rate before the planted factors. */
  baseRate: number;
  /** The slot that earns `slotFactor` times the rate, and the share of its platform's posts placed in it. */
  slot: { platform: PlatformId; weekday: number; hour: number; factor: number; share: number };
  /** The pillar that earns `factor` times the rate on every platform. */
  pillar: { name: string; factor: number };
  /** Impressions per post, drawn uniformly from [min, max]. */
  impressions: { min: number; max: number };
  /** Hours posts are spread over outside the planted slot. */
  hours?: readonly number[];
}

/** How engagements split into the counts (likes, comments, shares, saves, clicks). */
const SPLIT = [
  ["likes", 0.6],
  ["comments", 0.15],
  ["shares", 0.1],
  ["saves", 0.1],
  ["clicks", 0.05],
] as const;

/**
 * A held-out results dataset with a planted signal: one weekday-hour slot of one platform and one pillar earn their
 * factor times the base rate; every engagement is a binomial draw from the true rate, so the same seed gives the same rows.
 */
export function plantedResults(options: PlantedOptions): ResultRecord[] {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const hours = options.hours ?? [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20];
  const first = DateTime.fromISO(options.start, { zone: options.timezone }).startOf("week");
  const rows: ResultRecord[] = [];
  for (let index = 0; index < options.rows; index += 1) {
    const platform = pick(options.platforms);
    const pillar = pick(options.pillars);
    const inSlot = platform === options.slot.platform && random() < options.slot.share;
    let weekday = inSlot ? options.slot.weekday : 1 + Math.floor(random() * 7);
    let hour = inSlot ? options.slot.hour : pick(hours);
    if (!inSlot && platform === options.slot.platform && weekday === options.slot.weekday && hour === options.slot.hour) {
      hour = hours.find((candidate) => candidate !== options.slot.hour) ?? (hour + 1) % 24;
      weekday = options.slot.weekday;
    }
    const week = Math.floor(random() * options.weeks);
    const at = first.plus({ weeks: week, days: weekday - 1 }).set({ hour, minute: Math.floor(random() * 60) });
    const rate = Math.min(0.9, options.baseRate * (inSlot ? options.slot.factor : 1) * (pillar === options.pillar.name ? options.pillar.factor : 1));
    const impressions = options.impressions.min + Math.floor(random() * (options.impressions.max - options.impressions.min + 1));
    let remaining = sampleBinomial(random, impressions, rate);
    let left = 1;
    const counts: Record<string, number> = {};
    for (const [metric, share] of SPLIT) {
      const count = metric === "clicks" ? remaining : sampleBinomial(random, remaining, Math.min(1, share / left));
      counts[metric] = count;
      remaining -= count;
      left -= share;
    }
    rows.push({
      platform,
      published_at: at.toISO({ suppressMilliseconds: true })!,
      url: `https://example.com/${platform}/posts/${options.seed}-${index}`,
      text: `${pillar}: planted post ${index}`,
      impressions,
      reach: Math.round(impressions * 0.8),
      ...counts,
      pillar,
    });
  }
  return rows;
}
