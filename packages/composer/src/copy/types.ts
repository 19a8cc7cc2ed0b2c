import type { BriefProfile, Family, GoalKind } from "../classify";
import type { RankedPlatform, RecommendedPlatform } from "../platforms";

/** What the offline model knows how to say about one kind of business, in one language. */
export interface FamilyCopy {
  /** What the business sells, as a headline noun phrase ("Guided kayak trips"). */
  offer: string;
  /** Its customers, a bare plural noun ("paddlers"). */
  customers: string;
  /** Two moments of its everyday work worth showing, as headline noun phrases. */
  moments: [string, string];
  /** One photograph of each moment, described for a photographer or an image model. */
  scenes: [string, string];
  /** Two practical questions customers have, as headlines. */
  tips: [string, string];
  pillars: [string, string, string];
}

/** Everything a language pack needs to write one strategy. */
export interface WritingContext {
  brand: string;
  copy: FamilyCopy;
  /** The industry in a few words of the brief's own (never the whole field). */
  industry: string;
  /** The audience in a few words of the brief's own (never the whole field). */
  audience: string;
  profile: BriefProfile;
  platforms: RankedPlatform[];
  goal: { phrase: string; cta: string };
}

/** A theme and, when it is one the visual prompts illustrate, the scene that shows it. */
interface Theme {
  text: string;
  scene?: 0 | 1;
}

type Line = (c: WritingContext) => string;

/** Engagement tactics in one language; compose.ts decides which apply to a brief. */
export interface TacticCopy {
  /** Health, finance, law: every post checked against the profession's advertising rules. */
  regulated: Line;
  /** Local services: ask for map reviews. */
  reviews: Line;
  b2b: Line;
  /** Young audiences: join trends quickly. */
  trend: Line;
  donations: Line;
  reply: Line;
  poll: Line;
  photos: Line;
  live: Line;
  nextStep: Line;
}

/** The sentences of one language: everything the offline model writes, except the family vocabulary. */
export interface LanguagePack {
  families: Record<Family, FamilyCopy>;
  goals: Record<GoalKind, { phrase: string; cta: string }>;
  themes(c: WritingContext): Theme[];
  /** Pillars added to the family's three: one for the goal, one for the audience. */
  pillars(c: WritingContext): string[];
  tactics: TacticCopy;
  rationale(platform: RecommendedPlatform, c: WritingContext): string;
  cadence: Record<RecommendedPlatform, string>;
  /** The closing sentence of the posting schedule. */
  scheduleClose(c: WritingContext): string;
  visual(theme: string, scene: string, c: WritingContext): string;
}
