import { planGuidance, type Insights } from "@strategist/insights";
import { defaultSlots, type PlanBrief, type WeeklySlot } from "./copywriter";

/** A plan brief adjusted by the results, and the sentences saying what changed and why. */
export interface GuidedBrief {
  brief: PlanBrief;
  insights_used: string[];
}

const hourOf = (time: string) => Number(time.slice(0, 2));
const clock = (hour: number) => `${String(hour).padStart(2, "0")}:00`;

/**
 * Spreads each pillar's posts a fortnight over one sequence, evenly (smooth weighted round robin): a pillar with 4 of 10
 * places comes every 2 or 3 posts rather than 4 in a row. Ties go to the pillar listed first.
 */
export function pillarSequence(mix: readonly { pillar: string; posts_per_fortnight: number }[]): string[] {
  const total = mix.reduce((sum, entry) => sum + entry.posts_per_fortnight, 0);
  const credit = mix.map(() => 0);
  const sequence: string[] = [];
  for (let place = 0; place < total; place++) {
    mix.forEach((entry, index) => (credit[index]! += entry.posts_per_fortnight));
    let chosen = 0;
    credit.forEach((value, index) => {
      if (value > credit[chosen]!) chosen = index;
    });
    credit[chosen]! -= total;
    sequence.push(mix[chosen]!.pillar);
  }
  return sequence;
}

/**
 * The step between the strategy and the copywriter that uses what worked: each platform with evidenced best times gets
 * them as its weekly slots (the rest of its slots keep their defaults), and the pillar mix shifts toward pillars that
 * perform, every pillar keeping at least one post a fortnight. Without insights, or with nothing evidenced, the brief
 * is returned as it was.
 */
export function guideBrief(brief: PlanBrief, insights: Insights | undefined): GuidedBrief {
  if (!insights) return { brief, insights_used: [] };
  const request = {
    platforms: brief.platforms.map((platform) => ({
      platform: platform.id,
      posts_per_week: platform.posts_per_week,
      default_slots: defaultSlots(platform).map(({ weekday, time }) => ({ weekday, hour: hourOf(time) })),
    })),
    pillars: brief.pillars,
  };
  const guidance = planGuidance(insights, request);
  const slots: NonNullable<PlanBrief["slots"]> = {};
  for (const platform of brief.platforms) {
    const chosen = guidance.slots[platform.id] ?? [];
    if (!chosen.some((slot) => slot.source === "evidence")) continue;
    const defaults = defaultSlots(platform);
    slots[platform.id] = chosen.map((slot): WeeklySlot =>
      slot.source === "evidence"
        ? { weekday: slot.weekday, time: clock(slot.hour) }
        : (defaults.find((other) => other.weekday === slot.weekday && hourOf(other.time) === slot.hour) ?? { weekday: slot.weekday, time: clock(slot.hour) }),
    );
  }
  // The mix without pillar evidence: the pillars rotate as they always do unless the evidence moved it.
  const even = planGuidance({ ...insights, pillars: [] }, request).pillar_mix;
  const shifted = guidance.pillar_mix.some((entry, index) => entry.posts_per_fortnight !== even[index]!.posts_per_fortnight);
  return {
    brief: {
      ...brief,
      ...(Object.keys(slots).length > 0 ? { slots } : {}),
      ...(shifted ? { pillar_sequence: pillarSequence(guidance.pillar_mix) } : {}),
    },
    insights_used: guidance.insights_used,
  };
}
