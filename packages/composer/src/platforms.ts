import { PLATFORMS, type PlatformId, type Priority } from "@strategist/schemas";
import type { BriefProfile, Family } from "./classify";

/** The platforms the offline model recommends, in the order that breaks ties (it writes no strategy for Threads). */
export const RECOMMENDED_PLATFORMS = [
  "linkedin",
  "instagram",
  "tiktok",
  "facebook",
  "youtube",
  "pinterest",
  "google",
  "x",
] as const satisfies readonly PlatformId[];
export type RecommendedPlatform = (typeof RECOMMENDED_PLATFORMS)[number];

const PLANNED_PURCHASES = new Set<Family>(["weddings", "home"]);
const STYLE = new Set<Family>(["food", "bakery", "fashion", "beauty", "property", "retail"]);
const PROFESSIONAL = new Set<Family>(["professional", "software", "finance", "legal"]);

/**
 * How well a platform fits a brief, as a strategist would weigh it: LinkedIn for B2B buyers, Instagram and TikTok for
 * young consumers, Facebook and map listings for local services and older audiences, Pinterest for planned purchases
 * (weddings, homes), YouTube for teaching and creators. Undefined: the platform does not apply at all.
 */
function fit(platform: RecommendedPlatform, brief: BriefProfile): number | undefined {
  const b2b = brief.market === "b2b";
  const young = brief.age === "young";
  const older = brief.age === "older";
  switch (platform) {
    case "linkedin":
      return (b2b ? 8 : -2) + (b2b && PROFESSIONAL.has(brief.family) ? 2 : 0) + (!b2b && PROFESSIONAL.has(brief.family) ? 3 : 0) - (young ? 3 : 0);
    case "instagram":
      return (b2b ? -3 : 5) + (brief.visual ? (b2b ? 2 : 3) : 0) + (young ? 2 : 0) + (brief.reach === "local" ? 1 : 0) - (older ? 2 : 0);
    case "tiktok":
      return (
        (young ? 6 : 0) +
        (b2b ? -6 : 1) +
        (brief.family === "creator" || brief.family === "music" ? 2 : 0) +
        (brief.visual && !b2b ? 1 : 0) -
        (older ? 4 : 0) -
        (brief.regulated && !young ? 2 : 0)
      );
    case "facebook":
      return (
        (brief.reach === "local" ? 3 : 0) +
        (brief.parents ? 3 : 0) +
        (older ? 5 : 0) +
        (brief.age === "all" ? 5 : 0) +
        (brief.family === "nonprofit" ? 5 : 0) +
        (b2b ? -3 : 1) -
        (young ? 4 : 0)
      );
    case "youtube":
      return (
        (brief.teaching ? 5 : 0) +
        (brief.family === "creator" || brief.family === "education" ? 4 : 0) +
        (brief.family === "software" ? 2 : 0) +
        (brief.family === "finance" ? 1 : 0)
      );
    case "pinterest":
      return (
        (PLANNED_PURCHASES.has(brief.family) ? 7 : 0) + (STYLE.has(brief.family) ? 2 : 0) + (brief.women ? 2 : 0) + (brief.parents ? 1 : 0) - (b2b ? 6 : 0)
      );
    case "google":
      if (!brief.localService) return undefined;
      return brief.family === "trades" ? 9 : brief.family === "property" ? 5 : 7;
    case "x":
      return b2b && (brief.family === "software" || brief.family === "professional") ? 2 : -2;
  }
}

/** Each platform's cadence as data, the same as the language packs' cadence sentences say it. */
export const CADENCE: Record<RecommendedPlatform, { posts_per_week: number; times: string[]; weekdays?: number[] }> = {
  linkedin: { posts_per_week: 3, times: ["08:30"], weekdays: [2, 3, 4] },
  instagram: { posts_per_week: 4, times: ["12:00", "19:30"] },
  tiktok: { posts_per_week: 5, times: ["18:30"], weekdays: [1, 2, 3, 4, 5] },
  facebook: { posts_per_week: 3, times: ["13:30"], weekdays: [1, 2, 3, 4, 5] },
  youtube: { posts_per_week: 2, times: ["17:00"] },
  pinterest: { posts_per_week: 5, times: ["20:00"] },
  google: { posts_per_week: 1, times: ["10:00"] },
  x: { posts_per_week: 5, times: ["08:30"], weekdays: [1, 2, 3, 4, 5] },
};

export interface RankedPlatform {
  id: RecommendedPlatform;
  name: string;
  priority: Priority;
  score: number;
}

/** The three or four platforms that fit best, best first; the top two are high when they fit well. */
export function rankPlatforms(brief: BriefProfile): RankedPlatform[] {
  const scored = RECOMMENDED_PLATFORMS.map((id) => {
    const score = fit(id, brief);
    // A platform the brief names itself ("tutorials on YouTube", "grow Instagram") is one the client already counts on.
    return { id, score: score === undefined ? undefined : score + (brief.named.includes(id) ? 3 : 0) };
  })
    .filter((entry): entry is { id: RecommendedPlatform; score: number } => entry.score !== undefined)
    .sort((a, b) => b.score - a.score);
  const count = scored[3] && scored[3].score >= 4 ? 4 : 3;
  return scored.slice(0, count).map(({ id, score }, rank) => ({
    id,
    name: PLATFORMS[id].label,
    score,
    priority: rank === 0 || (rank === 1 && score >= 6) ? "high" : score >= 3 ? "medium" : "low",
  }));
}
