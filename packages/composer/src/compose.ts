import { createHash } from "node:crypto";
import type { PlatformRecommendation, Priority, StrategyInput, StrategyOutput } from "@strategist/schemas";
import { GENERAL_INDUSTRY, INDUSTRIES, type IndustryProfile } from "./industries";
import { PLATFORMS } from "./platforms";

/** A deterministic random source seeded from the brief, so the same brief always gives the same strategy. */
function seededRandom(seed: string): () => number {
  let state = createHash("sha256").update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], count: number, random: () => number): T[] {
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}

/** Shortens user text for quoting inside a sentence. */
function quote(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

function matchIndustry(industry: string): IndustryProfile {
  const text = ` ${industry.toLowerCase()} `;
  let best: IndustryProfile = GENERAL_INDUSTRY;
  let bestHits = 0;
  for (const profile of INDUSTRIES) {
    const hits = profile.keywords.filter((word) => text.includes(word)).length;
    if (hits > bestHits) [best, bestHits] = [profile, hits];
  }
  return best;
}

function fill(template: string, input: StrategyInput): string {
  return template.replaceAll("{brand}", input.brand_name).replaceAll("{industry}", quote(input.industry, 60));
}

function recommendPlatforms(input: StrategyInput, random: () => number): (PlatformRecommendation & { cadence: string })[] {
  const audience = ` ${input.target_audience.toLowerCase()} `;
  const goals = ` ${input.goals.toLowerCase()} `;
  const scored = PLATFORMS.map((platform) => {
    const reasons: string[] = [];
    let score = platform.baseline + random() * 0.5;
    for (const [index, signal] of platform.signals.entries()) {
      const haystack = index === 0 ? audience : goals;
      const hit = signal.words.find((word) => haystack.includes(word));
      if (hit) {
        score += index === 0 ? 3 : 2;
        reasons.push(signal.reason);
      }
    }
    return { platform, score, reasons };
  }).sort((a, b) => b.score - a.score);

  const chosen = scored.slice(0, scored[3] && scored[3].score >= 3 ? 4 : 3);
  return chosen.map(({ platform, score, reasons }, rank) => {
    const priority: Priority = rank === 0 || score >= 5 ? "high" : score >= 2.5 ? "medium" : "low";
    const why = reasons.length > 0 ? reasons.join(", and ") : `it complements the other channels with ${platform.strength}`;
    return {
      platform: platform.name,
      priority,
      rationale: `For ${input.brand_name}, ${platform.name} fits because ${why}. Audience: "${quote(input.target_audience)}". Goal: "${quote(input.goals)}". Lead with ${platform.strength}.`,
      cadence: platform.cadence,
    };
  });
}

const TACTICS = [
  "Reply to every comment within the first hour after posting, and pin the best question for others to answer",
  "Run a monthly user-generated content prompt with a branded hashtag and feature the best entries",
  "Host a live Q&A every month where {audience} can ask the team anything",
  "Use polls and question stickers in Stories to let {audience} choose upcoming content",
  "Partner with 3-5 micro-creators whose followers overlap with {audience}",
  "Turn frequent customer questions into a recurring FAQ series and credit who asked",
  "Send a personal thank-you message to new followers who engage for the first time",
  "Close posts with one specific question tied to the goal: {goals}",
  "Feature a community member each week and tag them so their network sees it",
  "Create a saveable resource (checklist or guide) each month and invite shares",
];

/**
 * Composes a complete strategy from a brief without any model: the built-in offline model's content.
 * Deterministic for the same brief; it names the brand, fits pillars and themes to the industry and picks
 * platforms from the audience and goals with a rationale that says why.
 */
export function composeStrategy(input: StrategyInput): StrategyOutput {
  const random = seededRandom(JSON.stringify([input.brand_name, input.industry, input.target_audience, input.goals]));
  const industry = matchIndustry(input.industry);
  const audience = quote(input.target_audience, 60);

  const pillars = pick(industry.pillars, 3 + Math.floor(random() * 3), random);
  const platforms = recommendPlatforms(input, random);
  const themes = pick(industry.themes, 5 + Math.floor(random() * 3), random).map((theme) => fill(theme, input));
  const tactics = pick(TACTICS, 4 + Math.floor(random() * 3), random).map((tactic) =>
    tactic.replaceAll("{audience}", audience).replaceAll("{goals}", `"${quote(input.goals, 60)}"`),
  );
  const scenes = pick(industry.scenes, 2 + Math.floor(random() * 2), random);
  const visualPrompts = scenes.map((scene, index) => {
    const theme = themes[index % themes.length]!;
    return `Image for ${input.brand_name}'s post "${theme}": ${fill(scene, input)}. Made for ${audience}; authentic, not stock-like; brand colours as accents; leave clear space in the upper third for a short headline; 4:5 portrait for feeds.`;
  });

  return {
    content_pillars: pillars,
    posting_schedule: [
      ...platforms.map((platform) => `${platform.platform}: ${platform.cadence}.`),
      "Plan content two weeks ahead, keep one slot a week for timely posts, and review results every Friday.",
    ].join(" "),
    platform_recommendations: platforms.map(({ platform, rationale, priority }) => ({ platform, rationale, priority })),
    content_themes: themes,
    engagement_tactics: tactics,
    visual_prompts: visualPrompts,
  };
}

/** Splits text into `count` consecutive pieces (the last may be shorter), as a model streams its answer. */
export function splitIntoChunks(text: string, count: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / Math.max(1, count)));
  const chunks: string[] = [];
  for (let start = 0; start < text.length; start += size) chunks.push(text.slice(start, start + size));
  return chunks;
}
