import { en } from "./copy/en";
import { PLATFORM_IDS, PLATFORM_NAMES, type PlatformId } from "./platforms";

/** A platform as other writers (the offline refiner) describe it in English: its name, cadence and strengths. */
export interface PlatformProfile {
  name: string;
  cadence: string;
  strength: string;
}

const STRENGTHS: Record<PlatformId, string> = {
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
export const PLATFORMS: PlatformProfile[] = PLATFORM_IDS.map((id) => ({ name: PLATFORM_NAMES[id], cadence: en.cadence[id], strength: STRENGTHS[id] }));
