import { PLATFORMS, type PlatformId } from "@strategist/schemas";
import type { Insights, PillarInsight, SlotInsight } from "./insights";

/** A weekly posting time: ISO weekday (Monday = 1) and hour, in the plan's time zone. */
export interface WeeklySlot {
  weekday: number;
  hour: number;
}

export interface GuidanceRequest {
  platforms: { platform: PlatformId; posts_per_week: number; default_slots: readonly WeeklySlot[] }[];
  pillars: readonly string[];
}

export interface PlanGuidance {
  /** Per platform, its weekly slots (as many as posts_per_week allows): evidenced best slots first, then its defaults. */
  slots: Partial<Record<PlatformId, (WeeklySlot & { source: "evidence" | "default" })[]>>;
  /** Per pillar, its share of the posts and its posts per fortnight (at least 1 each). */
  pillar_mix: { pillar: string; share: number; posts_per_fortnight: number }[];
  /** One sentence per choice that differs from the defaults, saying why. */
  insights_used: string[];
}

/** The most a pillar's weight moves from an even mix, up or down: a pillar with evidence gets at most twice its share. */
export const MAX_PILLAR_SHIFT = 2;

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const clock = (hour: number) => `${String(hour).padStart(2, "0")}:00`;
const times = (value: number) => `${value.toFixed(1)}×`;
const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`;

/** "Tue/Thu 18:00" for one hour, "Tue 18:00 and Fri 09:00" for several. */
export function describeSlots(slots: readonly WeeklySlot[]): string {
  const hours = [...new Set(slots.map((slot) => slot.hour))];
  return hours
    .map((hour) => {
      const days = slots.filter((slot) => slot.hour === hour).map((slot) => slot.weekday);
      return `${[...new Set(days)]
        .sort((a, b) => a - b)
        .map((day) => WEEKDAYS[day - 1])
        .join("/")} ${clock(hour)}`;
    })
    .join(" and ");
}

const sameSlot = (a: WeeklySlot, b: WeeklySlot) => a.weekday === b.weekday && a.hour === b.hour;

function platformSlots(request: GuidanceRequest["platforms"][number], claimed: readonly SlotInsight[]) {
  const count = Math.max(0, Math.floor(request.posts_per_week));
  const chosen: (WeeklySlot & { source: "evidence" | "default" })[] = claimed
    .slice(0, count)
    .map(({ weekday, hour }) => ({ weekday, hour, source: "evidence" }));
  for (const slot of request.default_slots) {
    if (chosen.length >= count) break;
    if (!chosen.some((taken) => sameSlot(taken, slot))) chosen.push({ weekday: slot.weekday, hour: slot.hour, source: "default" });
  }
  return chosen;
}

/** Splits `total` into whole parts proportional to `weights`, by largest remainder (ties to the earlier one). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (sum > 0 ? (total * weight) / sum : 0));
  const parts = exact.map(Math.floor);
  const order = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  const shortfall = total - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; i < shortfall; i += 1) parts[order[i % order.length]!.index]! += 1;
  return parts;
}

/** A pillar's weight: its lift, bounded, where the interval clears the other pillars' mean; 1 otherwise. */
function pillarWeight(insight: PillarInsight | undefined): number {
  if (!insight?.enough_evidence || insight.lift <= 0) return 1;
  const rest = insight.engagement_rate / insight.lift;
  const decisive = insight.interval.low > rest || insight.interval.high < rest;
  return decisive ? Math.min(MAX_PILLAR_SHIFT, Math.max(1 / MAX_PILLAR_SHIFT, insight.lift)) : 1;
}

function mix(total: number, pillars: readonly string[], weights: readonly number[]): number[] {
  return apportion(Math.max(0, total - pillars.length), weights).map((extra) => extra + 1);
}

/**
 * What the next plan should do with the insights: each platform's posts in its best evidenced slots first (platforms
 * without evidence keep their defaults), and the pillar mix shifted toward what performs, every pillar keeping at least
 * one post a fortnight; each change comes with a sentence saying why.
 */
export function planGuidance(insights: Insights, request: GuidanceRequest): PlanGuidance {
  const insights_used: string[] = [];
  const slots: PlanGuidance["slots"] = {};
  for (const platformRequest of request.platforms) {
    const { platform } = platformRequest;
    const claimed = insights.best_times[platform] ?? [];
    const chosen = platformSlots(platformRequest, claimed);
    slots[platform] = chosen;
    const evidenced = chosen.filter((slot) => slot.source === "evidence");
    const defaults = platformSlots(platformRequest, []);
    const changed = evidenced.some((slot) => !defaults.some((other) => sameSlot(other, slot)));
    if (evidenced.length === 0 || !changed) continue;
    const used = evidenced.map((slot) => claimed.find((insight) => sameSlot(insight, slot))!);
    const slotPosts = used.reduce((sum, slot) => sum + slot.posts, 0);
    const lift = used.reduce((sum, slot) => sum + slot.lift * slot.posts, 0) / slotPosts;
    const posts = (insights.slots[platform] ?? []).reduce((sum, slot) => sum + slot.posts, 0);
    insights_used.push(`${PLATFORMS[platform].label} moved to ${describeSlots(evidenced)}: ${times(lift)} the engagement of other slots over ${posts} posts`);
  }

  const total = 2 * request.platforms.reduce((sum, platform) => sum + Math.max(0, Math.floor(platform.posts_per_week)), 0);
  const byName = new Map(insights.pillars.map((pillar) => [pillar.pillar, pillar]));
  const weights = request.pillars.map((pillar) => pillarWeight(byName.get(pillar)));
  const even = mix(
    total,
    request.pillars,
    request.pillars.map(() => 1),
  );
  const shifted = mix(total, request.pillars, weights);
  const planned = shifted.reduce((a, b) => a + b, 0);
  const pillar_mix = request.pillars.map((pillar, index) => ({
    pillar,
    share: planned > 0 ? shifted[index]! / planned : 0,
    posts_per_fortnight: shifted[index]!,
  }));
  const byLift = request.pillars
    .map((pillar, index) => ({ pillar, index }))
    .sort((a, b) => (byName.get(b.pillar)?.lift ?? 1) - (byName.get(a.pillar)?.lift ?? 1) || a.index - b.index);
  byLift.forEach(({ pillar, index }) => {
    const insight = byName.get(pillar);
    if (!insight || shifted[index] === even[index]) return;
    const more = shifted[index]! > even[index]!;
    insights_used.push(
      `${more ? "More" : "Fewer"} "${pillar}" posts: ${times(insight.lift)} the engagement of other pillars over ${insight.posts} posts; ${shifted[index]} of ${planned} posts a fortnight (was ${even[index]})`,
    );
  });
  return { slots, pillar_mix, insights_used };
}

/** A short plain-text summary of the insights for a model's prompt: rates with intervals, best times, pillars best first. */
export function summariseForPrompt(insights: Insights): string {
  const lines: string[] = [];
  const posts = insights.platforms.reduce((sum, platform) => sum + platform.posts, 0);
  if (posts === 0) return "No results yet: keep the defaults and say that nothing has been measured.";
  lines.push(
    `Results of ${posts} posts (engagement rate = engagements / impressions, else reach; ${Math.round(insights.credibility * 100)} % intervals; slots and pillars shrunk toward the platform mean; times in ${insights.timezone}):`,
  );
  for (const platform of insights.platforms) {
    const name = PLATFORMS[platform.platform].label;
    const best = insights.best_times[platform.platform] ?? [];
    const times = best.length
      ? `best times ${best
          .slice(0, 3)
          .map((slot) => `${describeSlots([slot])} (${percent(slot.engagement_rate)}, ${slot.lift.toFixed(1)}× the rest, ${slot.posts} posts)`)
          .join(", ")}`
      : "no best time has enough evidence yet (keep the defaults)";
    lines.push(
      `- ${name}: ${percent(platform.engagement_rate)} (${percent(platform.interval.low)}–${percent(platform.interval.high)}) over ${platform.posts} posts; ${times}.`,
    );
  }
  const pillars = insights.pillars.filter((pillar) => pillar.enough_evidence);
  if (pillars.length > 0) {
    lines.push(
      `- Pillars, best first: ${pillars.map((pillar) => `${pillar.pillar} ${percent(pillar.engagement_rate)} (${pillar.lift.toFixed(1)}× the others, ${pillar.posts} posts)`).join("; ")}.`,
    );
  }
  const top = insights.top_posts[0];
  if (top?.text) lines.push(`- Best post: "${top.text.slice(0, 100)}" on ${PLATFORMS[top.platform].label} (${percent(top.engagement_rate)}).`);
  return lines.join("\n");
}
