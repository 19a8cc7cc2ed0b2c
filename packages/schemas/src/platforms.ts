/**
 * Every social platform the product knows, in one table: its id, the label a strategy gives it, and the ways people
 * write its name. The composer, the agent, the web and the evaluation all find platform names with the functions below.
 * Zod-free, so a page can import it without loading zod.
 */

/** The platforms a content plan writes for: the `Platform` enum of the API. */
export const PLAN_PLATFORMS = ["x", "instagram", "threads", "linkedin", "tiktok", "facebook", "pinterest", "youtube", "google", "bluesky"] as const;
export type PlanPlatformId = (typeof PLAN_PLATFORMS)[number];

/** Every platform the product knows by name: a strategy may recommend any of them; a plan writes for PLAN_PLATFORMS. */
export const PLATFORM_IDS = [...PLAN_PLATFORMS] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

interface Platform {
  id: PlatformId;
  /** The platform's name as a strategy writes it. */
  label: string;
  /** How free text names it: spellings that mean the platform wherever they stand. */
  mentions: readonly RegExp[];
  /** Short names that mean the platform only when a whole string names one platform ("Reels", "Meta", "x"). */
  nicknames: readonly RegExp[];
}

export const PLATFORMS: Record<PlatformId, Platform> = {
  // A capital X on its own is the platform ("drop X", "X: daily"); a lower-case x is a letter ("3x a week").
  x: { id: "x", label: "X (Twitter)", mentions: [/\btwitter\b/i, /\bx\.com\b/i, /(?<![\w-])X(?![\w-])/], nicknames: [/\bx\b/i] },
  instagram: { id: "instagram", label: "Instagram", mentions: [/instagram/i, /\b(?:insta|ig)\b/i], nicknames: [/\breels\b/i] },
  threads: { id: "threads", label: "Threads", mentions: [/\bthreads\b/i], nicknames: [] },
  linkedin: { id: "linkedin", label: "LinkedIn", mentions: [/\blinked ?in\b/i], nicknames: [] },
  tiktok: { id: "tiktok", label: "TikTok", mentions: [/\btik ?tok/i], nicknames: [] },
  facebook: { id: "facebook", label: "Facebook", mentions: [/facebook/i, /\bfb\b/i], nicknames: [/\bmeta\b/i] },
  pinterest: { id: "pinterest", label: "Pinterest", mentions: [/pinterest/i], nicknames: [] },
  youtube: { id: "youtube", label: "YouTube", mentions: [/\byou ?tube/i], nicknames: [] },
  // "Google" alone is too common in a brief ("found on Google"); the listing is named with Maps or Business.
  google: {
    id: "google",
    label: "Google Business Profile",
    mentions: [/\bgoogle (?:maps|business)/i],
    nicknames: [/\bgoogle\b/i, /\bmaps\b/i, /business profile/i],
  },
  bluesky: { id: "bluesky", label: "Bluesky", mentions: [/\bblue ?sky\b/i, /\bbsky\b/i], nicknames: [] },
};

/** Whether a text names a platform anywhere in it ("Post on LinkedIn at 9 am", "drop insta"). */
export function mentionsPlatform(text: string, id: PlatformId): boolean {
  return PLATFORMS[id].mentions.some((pattern) => pattern.test(text));
}

/** Every platform a text names, in PLATFORM_IDS order. */
export function platformsIn(text: string): PlatformId[] {
  return PLATFORM_IDS.filter((id) => mentionsPlatform(text, id));
}

/**
 * The platform a platform's name means, as a strategy writes it ("X (Twitter)", "Instagram Reels", "Meta"): the first
 * in PLATFORM_IDS order that the name mentions or calls by a nickname.
 */
export function platformOf(name: string): PlatformId | undefined {
  return PLATFORM_IDS.find((id) => mentionsPlatform(name, id) || PLATFORMS[id].nicknames.some((pattern) => pattern.test(name)));
}

/** Whether a platform is one a content plan writes for. */
export function isPlanPlatform(id: PlatformId): id is PlanPlatformId {
  return (PLAN_PLATFORMS as readonly PlatformId[]).includes(id);
}

/** The plan platform a strategy's platform name means, if it is one a plan writes for. */
export function planPlatformOf(name: string): PlanPlatformId | undefined {
  const id = platformOf(name);
  return id && isPlanPlatform(id) ? id : undefined;
}
