/**
 * How each platform looks on the calendar: a colour and a short mark in white on it (every colour reaches at least
 * 4.5:1 against white, tested), so platforms differ by mark as well as by colour. Platforms added to the plan later
 * fall back to the neutral look until they get their own.
 */
export interface PlatformLook {
  colour: string;
  mark: string;
}

export const PLATFORM_LOOKS: Record<string, PlatformLook> = {
  x: { colour: "#000000", mark: "X" },
  instagram: { colour: "#b1306e", mark: "IG" },
  threads: { colour: "#3d3d3d", mark: "@" },
  linkedin: { colour: "#0a66c2", mark: "in" },
  tiktok: { colour: "#b3123e", mark: "TT" },
  facebook: { colour: "#1458b8", mark: "f" },
  pinterest: { colour: "#a8071a", mark: "P" },
  youtube: { colour: "#b00000", mark: "▶" },
  google: { colour: "#1a5fb4", mark: "G" },
  bluesky: { colour: "#0b57a8", mark: "bs" },
};

const NEUTRAL: PlatformLook = { colour: "#3f4a5a", mark: "•" };

export function platformLook(platform: string): PlatformLook {
  return PLATFORM_LOOKS[platform] ?? NEUTRAL;
}

/** Where the platform folds a caption behind "…more" in its feed, in characters (undefined: it shows it whole). */
const FOLDS: Record<string, number> = { instagram: 125, linkedin: 210, facebook: 240, tiktok: 100, threads: 500, pinterest: 100 };

export function foldOf(platform: string): number | undefined {
  return FOLDS[platform];
}

/** Platforms whose posts are videos: the preview shows the script instead of a picture frame. */
export function isVideoPlatform(platform: string): boolean {
  return platform === "tiktok" || platform === "youtube";
}
