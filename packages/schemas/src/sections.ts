/** The sections of a strategy in the order they are written and shown (no zod here: pages import it directly). */
export const STRATEGY_SECTIONS = [
  "content_pillars",
  "posting_schedule",
  "platform_recommendations",
  "content_themes",
  "engagement_tactics",
  "visual_prompts",
] as const;
export type StrategySection = (typeof STRATEGY_SECTIONS)[number];
