import { summariseForPrompt, type Insights } from "@strategist/insights";
import { mentionsPlatform, platformOf, PLATFORMS, type PlatformId, type StrategyOutput } from "@strategist/schemas";

/** What a strategy's writer reads of the results: the model's short summary and the evidence the offline writers apply. */
export interface ResultsEvidence {
  summary: string;
  /** Per platform with an evidenced best time, its best slot (in `timezone`). */
  best_times: { platform: PlatformId; weekday: number; hour: number; lift: number; posts: number }[];
  /** Platforms with enough evidence, best engagement rate first. */
  ranking: { platform: PlatformId; engagement_rate: number; posts: number }[];
  timezone: string;
}

const DAYS = ["Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"];
const MAX_SCHEDULE = 4000;

/** The evidence of insights that have any results; undefined when nothing was measured. */
export function resultsEvidence(insights: Insights | undefined): ResultsEvidence | undefined {
  if (!insights || insights.platforms.every((platform) => platform.posts === 0)) return undefined;
  return {
    summary: summariseForPrompt(insights),
    best_times: insights.platforms.flatMap(({ platform }) => {
      const best = insights.best_times[platform]?.[0];
      return best ? [{ platform, weekday: best.weekday, hour: best.hour, lift: best.lift, posts: best.posts }] : [];
    }),
    ranking: insights.platforms
      .filter((platform) => platform.enough_evidence)
      .sort((a, b) => b.engagement_rate - a.engagement_rate || a.platform.localeCompare(b.platform))
      .map(({ platform, engagement_rate, posts }) => ({ platform, engagement_rate, posts })),
    timezone: insights.timezone,
  };
}

/** The results for a prompt: the summary for the model, and the evidence as JSON in a `<results>` slot. */
export function resultsPrompt(evidence: ResultsEvidence): string {
  return `What earlier posts of this brand achieved (measured results: follow them where they are evidenced, keep defaults elsewhere):
${evidence.summary}
<results>${JSON.stringify(evidence).replaceAll("<", "\\u003c")}</results>`;
}

/** The evidence in a prompt's `<results>` slot, if it has one. */
export function readResultsSlot(text: string): ResultsEvidence | undefined {
  const match = /<results>([\s\S]*?)<\/results>/.exec(text);
  if (!match) return undefined;
  try {
    return JSON.parse(match[1]!) as ResultsEvidence;
  } catch {
    return undefined;
  }
}

const clock12 = (hour: number) => `${hour % 12 === 0 ? 12 : hour % 12} ${hour < 12 ? "am" : "pm"}`;

/**
 * A strategy that follows the evidence, deterministically: each platform with an evidenced best time gets a posting
 * schedule sentence naming it (its earlier sentences replaced), and the recommended platform that performs best gets high
 * priority. Returns what changed, one phrase each.
 */
export function applyResults(output: StrategyOutput, evidence: ResultsEvidence): { output: StrategyOutput; changes: string[] } {
  const strategy = structuredClone(output);
  const changes: string[] = [];
  const recommended = (platform: PlatformId) => strategy.platform_recommendations.find((recommendation) => platformOf(recommendation.platform) === platform);
  for (const best of evidence.best_times) {
    const recommendation = recommended(best.platform);
    if (!recommendation) continue;
    const sentence = `${recommendation.platform}: ${DAYS[best.weekday - 1]} at ${clock12(best.hour)} (${evidence.timezone}), the best evidenced time: ${best.lift.toFixed(1)}× the engagement of other slots over ${best.posts} posts.`;
    const kept = strategy.posting_schedule
      .split(/(?<=\.)\s+/)
      .filter((part) => part.trim() && !mentionsPlatform(part, best.platform) && !part.startsWith(`${recommendation.platform}:`));
    const schedule = [...kept, sentence].join(" ");
    if (schedule.length > MAX_SCHEDULE) continue;
    strategy.posting_schedule = schedule;
    changes.push(`${PLATFORMS[best.platform].label} posts on ${DAYS[best.weekday - 1]} at ${clock12(best.hour)}`);
  }
  const top = evidence.ranking.find((entry) => recommended(entry.platform));
  const recommendation = top && recommended(top.platform);
  if (top && recommendation && recommendation.priority !== "high") {
    recommendation.priority = "high";
    changes.push(
      `${PLATFORMS[top.platform].label} is high priority: the best engagement rate (${(top.engagement_rate * 100).toFixed(1)} % over ${top.posts} posts)`,
    );
  }
  return { output: strategy, changes };
}
