import { PLATFORMS as PLATFORM_TABLE } from "@strategist/schemas";
import { en } from "./copy/en";
import { RECOMMENDED_PLATFORMS, type RecommendedPlatform } from "./platforms";

/** A platform as other writers (the offline refiner) describe it in English: its id, name, cadence and strengths. */
export interface PlatformProfile {
  id: RecommendedPlatform;
  name: string;
  cadence: string;
  strength: string;
}

const STRENGTHS: Record<RecommendedPlatform, string> = {
  linkedin: "long-form posts, document carousels and employee advocacy",
  instagram: "Reels, carousels and Stories",
  tiktok: "short native videos that join trends",
  facebook: "Groups, Events and community posts",
  youtube: "tutorials, demos and Shorts",
  pinterest: "idea pins and product pins that link to the site",
  google: "photos, weekly updates and answered reviews on the map listing",
  x: "threads, quick takes and replies",
};

/** Every platform the offline model knows, in its tie-break order. */
export const PLATFORMS: PlatformProfile[] = RECOMMENDED_PLATFORMS.map((id) => ({
  id,
  name: PLATFORM_TABLE[id].label,
  cadence: en.cadence[id],
  strength: STRENGTHS[id],
}));
