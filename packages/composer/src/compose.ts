import type { StrategyInput, StrategyOutput } from "@strategist/schemas";
import { classifyBrief, type BriefProfile } from "./classify";
import { de } from "./copy/de";
import { en, otherLanguageNote } from "./copy/en";
import { es } from "./copy/es";
import { fr } from "./copy/fr";
import { headOf, lower } from "./copy/text";
import type { LanguagePack, TacticCopy, WritingContext } from "./copy/types";
import { LANGUAGE_NAMES, type WrittenLanguage } from "./language";
import { CADENCE, rankPlatforms } from "./platforms";

const PACKS: Record<WrittenLanguage, LanguagePack> = { en, es, de, fr };

/** Options of the offline composer. */
export interface ComposeOptions {
  /** Writes in this language instead of the brief's own. */
  language?: WrittenLanguage;
}

/** Mid-sentence form of a brief's phrase: German keeps its capitals (nouns), the others lower the first letter. */
function inSentence(text: string, language: WrittenLanguage): string {
  return language === "de" ? text : lower(text);
}

/** What the offline model concluded about a brief and how it will write about it. */
function readBrief(input: StrategyInput, options: ComposeOptions = {}): { profile: BriefProfile; context: WritingContext; pack: LanguagePack } {
  const profile = classifyBrief(input);
  const language = options.language ?? profile.language;
  const pack = PACKS[language];
  const headLast = language === "en" || language === "de";
  const context: WritingContext = {
    brand: input.brand_name.replace(/\s+/g, " ").trim(),
    copy: pack.families[profile.family],
    industry: inSentence(headOf(input.industry, { headLast, audience: false }), language),
    audience: inSentence(headOf(input.target_audience, { headLast, audience: true }), language),
    profile: { ...profile, language },
    platforms: rankPlatforms(profile),
    goal: pack.goals[profile.goal],
  };
  return { profile: context.profile, context, pack };
}

/** Five tactics, the ones this brief calls for first (compliance, reviews, LinkedIn voices, trends, thanks). */
function chooseTactics(c: WritingContext, tactics: TacticCopy): string[] {
  const { profile } = c;
  const fitting = [
    profile.regulated && tactics.regulated,
    profile.localService && tactics.reviews,
    profile.market === "b2b" && tactics.b2b,
    profile.age === "young" && tactics.trend,
    profile.goal === "donations" && tactics.donations,
  ].filter((line): line is TacticCopy["regulated"] => typeof line === "function");
  return [...fitting, tactics.reply, tactics.poll, tactics.photos, tactics.live, tactics.nextStep].slice(0, 5).map((line) => line(c));
}

/**
 * Composes a complete strategy from a brief without any model: the built-in offline model's content. It reads the
 * whole brief first (B2B or B2C, local or global, kind of business, audience age, goal, language), ranks platforms as
 * a strategist would, and writes natural sentences in the brief's language (English, Spanish, German or French; any
 * other language gets English and a sentence saying so). Deterministic: the same brief gives the same strategy.
 */
export function composeStrategy(input: StrategyInput, options: ComposeOptions = {}): StrategyOutput {
  const { profile, context, pack } = readBrief(input, options);
  const themes = pack.themes(context);
  const illustrated = themes.filter((theme) => theme.scene !== undefined);
  const note = profile.detected !== profile.language && !options.language ? [otherLanguageNote(LANGUAGE_NAMES[profile.detected])] : [];

  return {
    content_pillars: [...context.copy.pillars, ...pack.pillars(context)],
    posting_schedule: [...note, ...context.platforms.map((platform) => `${platform.name}: ${pack.cadence[platform.id]}.`), pack.scheduleClose(context)].join(
      " ",
    ),
    platform_schedule: context.platforms.map((platform) => ({ platform: platform.name, ...structuredClone(CADENCE[platform.id]) })),
    platform_recommendations: context.platforms.map((platform) => ({
      platform: platform.name,
      priority: platform.priority,
      rationale: pack.rationale(platform.id, context),
    })),
    content_themes: themes.map((theme) => theme.text),
    engagement_tactics: chooseTactics(context, pack.tactics),
    visual_prompts: illustrated.map((theme) => pack.visual(theme.text, context.copy.scenes[theme.scene!], context)),
  };
}

/**
 * What a content plan's writer needs to know of a brief: the language it is written in, the goal's call to action
 * in that language, and what the business calls its customers.
 */
export function briefCopy(input: StrategyInput): {
  language: WrittenLanguage;
  goal: { kind: BriefProfile["goal"]; phrase: string; cta: string };
  customers: string;
  offer: string;
} {
  const { context } = readBrief(input);
  return {
    language: context.profile.language,
    goal: { kind: context.profile.goal, ...context.goal },
    customers: context.copy.customers,
    offer: context.copy.offer,
  };
}

/** Splits text into `count` consecutive pieces (the last may be shorter), as a model streams its answer. */
export function splitIntoChunks(text: string, count: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / Math.max(1, count)));
  const chunks: string[] = [];
  for (let start = 0; start < text.length; start += size) chunks.push(text.slice(start, start + size));
  return chunks;
}
