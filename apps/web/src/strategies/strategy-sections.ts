import { STRATEGY_SECTIONS, type StrategySection } from "@strategist/schemas/sections";

/** How each section of a strategy is presented: its anchor, heading, table-of-contents label and one-line intro. */
interface SectionPresentation {
  anchor: string;
  title: string;
  toc: string;
  intro?: string;
  /** How many grey stand-in items show before the section is written: the fewest a strategy may have. */
  placeholderItems: number;
}

/** The sections in the order they are written and shown (the zod-free entry, so pages do not load zod). */
export const SECTION_ORDER = STRATEGY_SECTIONS;

export const SECTIONS: Record<StrategySection, SectionPresentation> = {
  content_pillars: {
    anchor: "pillars",
    title: "Content pillars",
    toc: "Content pillars",
    intro: "The core themes every post should serve.",
    placeholderItems: 3,
  },
  posting_schedule: { anchor: "schedule", title: "Posting schedule", toc: "Posting schedule", placeholderItems: 1 },
  platform_recommendations: {
    anchor: "platforms",
    title: "Platform recommendations",
    toc: "Platforms",
    intro: "Where to show up, most important first.",
    placeholderItems: 2,
  },
  content_themes: {
    anchor: "themes",
    title: "Content themes",
    toc: "Content themes",
    intro: "Specific post ideas to fill your calendar.",
    placeholderItems: 5,
  },
  engagement_tactics: {
    anchor: "tactics",
    title: "Engagement tactics",
    toc: "Engagement tactics",
    intro: "Ways to start conversations and build a community.",
    placeholderItems: 4,
  },
  visual_prompts: {
    anchor: "visuals",
    title: "Visual prompts",
    toc: "Visual prompts",
    intro: "Hand these to your designer or paste them into an image generator.",
    placeholderItems: 2,
  },
};
