import { detectLanguage } from "@strategist/composer";
import { mentionsPlatform, PLATFORM_IDS, platformOf, PLATFORMS, type StrategyInput, type StrategyOutput } from "@strategist/schemas";
import { KNOWN_PLATFORMS, type Expectations, type KnownPlatform } from "./golden";

/** The rule checks, in the order scorecards list them. */
export const CHECKS = [
  "brief_in_context",
  "platform_fit",
  "rationales_specific",
  "schedule_matches_platforms",
  "visuals_depict_themes",
  "no_near_duplicates",
  "no_generic_filler",
  "brief_language",
  "industry_words",
  "no_forbidden_words",
] as const;
export type CheckName = (typeof CHECKS)[number];

export interface CheckResult {
  check: CheckName;
  passed: boolean;
  /** Why it failed (empty when it passed). */
  detail: string;
}

/** Phrases that fill space in any strategy without saying anything about this brand. */
export const FILLER = [
  "engaging content",
  "high-quality content",
  "quality content",
  "valuable content",
  "compelling content",
  "content that resonates",
  "leverage",
  "synergy",
  "game-changer",
  "game changer",
  "in today's digital",
  "boost engagement",
  "increase engagement",
  "post consistently",
  "stay tuned",
  "take it to the next level",
  "contenido de calidad",
  "contenido atractivo",
  "contenu de qualité",
  "contenu engageant",
  "hochwertige inhalte",
  "ansprechende inhalte",
];

/** Words too common to say anything about a brief (all four languages). */
const COMMON = new Set(
  (
    "the and for with your our their from that this into about more most they them what when where which while over under " +
    "each every also than then have has been will would could should just only very much many such some other same " +
    "post posts content week month team brand people make made give gives your help helps show shows "
  +
    "para como sobre entre desde hasta más este esta estos estas nuestro nuestra nuestros nuestras cada todos todas " +
    "pour avec dans plus cette leurs notre votre chaque tous toutes entre " +
    "für mit und oder eine einer einem einen nicht mehr ihre ihren unsere unser jede jeden über auch"
  ).split(/\s+/),
);

function normalize(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}

/** Content words of a text: letters only, at least four long, not common. */
function contentWords(text: string): string[] {
  return normalize(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 4 && !COMMON.has(word));
}

/** Rough stems (the first five letters), so "agencies" meets "agency" and "Lager" meets "Lagerverwaltung". */
function stems(text: string): Set<string> {
  return new Set(contentWords(text).map((word) => word.slice(0, 5)));
}

/** Jaccard similarity of two texts' stems (0: nothing shared, 1: same words). */
export function similarity(a: string, b: string): number {
  const [left, right] = [stems(a), stems(b)];
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const stem of left) if (right.has(stem)) shared++;
  return shared / (left.size + right.size - shared);
}

/** The known platform a recommended platform name means, if any. */
export function canonicalPlatform(name: string): KnownPlatform | undefined {
  const id = platformOf(name.trim());
  return KNOWN_PLATFORMS.find((known) => id !== undefined && known === PLATFORMS[id].label);
}

/** Whether a text names a known platform (word-bounded, so "x" inside words does not count). */
function mentions(text: string, known: KnownPlatform): boolean {
  return PLATFORM_IDS.some((id) => PLATFORMS[id].label === known && mentionsPlatform(text, id));
}

/** Every text of a strategy, section by section. */
function allText(output: StrategyOutput): string {
  return [
    ...output.content_pillars,
    output.posting_schedule,
    ...output.platform_recommendations.flatMap((platform) => [platform.platform, platform.rationale]),
    ...output.content_themes,
    ...output.engagement_tactics,
    ...output.visual_prompts,
  ].join("\n");
}

function result(check: CheckName, problems: string[]): CheckResult {
  return { check, passed: problems.length === 0, detail: problems.join("; ") };
}

/** The brand is named; the industry and audience show up in the strategy's own words; no long field is pasted whole. */
function briefInContext(brief: StrategyInput, output: StrategyOutput): CheckResult {
  const text = normalize(allText(output));
  const problems: string[] = [];
  const brandHits = text.split(normalize(brief.brand_name)).length - 1;
  if (brandHits < 2) problems.push(`brand named ${brandHits} time(s)`);
  for (const field of ["industry", "target_audience", "goals"] as const) {
    const value = normalize(brief[field]);
    if (value.split(" ").length >= 4 && text.includes(value)) problems.push(`${field} pasted verbatim`);
  }
  const outputStems = stems(text);
  for (const field of ["industry", "target_audience"] as const) {
    const fieldStems = [...stems(brief[field])];
    if (fieldStems.length > 0 && !fieldStems.some((stem) => outputStems.has(stem))) problems.push(`${field} not used`);
  }
  return result("brief_in_context", problems);
}

function platformFit(output: StrategyOutput, expect: Expectations): CheckResult {
  const high = new Set(
    output.platform_recommendations.filter((platform) => platform.priority === "high").map((platform) => canonicalPlatform(platform.platform)),
  );
  const problems = [
    ...expect.must_high.filter((platform) => !high.has(platform)).map((platform) => `${platform} not high`),
    ...expect.must_not_high.filter((platform) => high.has(platform)).map((platform) => `${platform} high`),
  ];
  return result("platform_fit", problems);
}

/** Each rationale is a real sentence about this brief, and no two say the same thing. */
function rationalesSpecific(brief: StrategyInput, output: StrategyOutput): CheckResult {
  const problems: string[] = [];
  const briefStems = stems(`${brief.brand_name} ${brief.industry} ${brief.target_audience} ${brief.goals}`);
  const rationales = output.platform_recommendations.map((platform) => platform.rationale);
  for (const [index, rationale] of rationales.entries()) {
    const name = output.platform_recommendations[index]!.platform;
    if (contentWords(rationale).length < 8) problems.push(`${name}: too short`);
    const own = stems(rationale);
    if (![...briefStems].some((stem) => own.has(stem)) && !normalize(rationale).includes(normalize(brief.brand_name))) {
      problems.push(`${name}: nothing of the brief`);
    }
    for (const other of rationales.slice(index + 1)) {
      if (similarity(rationale, other) >= 0.5) problems.push(`${name}: near-duplicate rationale`);
    }
  }
  return result("rationales_specific", problems);
}

/**
 * The schedule names every recommended platform and no known platform that was not recommended. The brand's own name
 * is not a platform mention: a brand called "X" or "Threads Studio" does not schedule X or Threads by being named.
 */
function scheduleMatches(brief: StrategyInput, output: StrategyOutput): CheckResult {
  const recommended = new Set(output.platform_recommendations.map((platform) => canonicalPlatform(platform.platform) ?? platform.platform));
  const problems: string[] = [];
  for (const platform of output.platform_recommendations) {
    const known = canonicalPlatform(platform.platform);
    const named = known ? mentions(output.posting_schedule, known) : normalize(output.posting_schedule).includes(normalize(platform.platform));
    if (!named) problems.push(`${platform.platform} missing from the schedule`);
  }
  const brand = brief.brand_name.trim();
  const withoutBrand = brand ? output.posting_schedule.split(brand).join(" ") : output.posting_schedule;
  for (const platform of KNOWN_PLATFORMS) {
    if (!recommended.has(platform) && mentions(withoutBrand, platform)) problems.push(`${platform} scheduled but not recommended`);
  }
  return result("schedule_matches_platforms", problems);
}

/** Each visual prompt shares at least two content words with a theme or a pillar. */
function visualsDepictThemes(output: StrategyOutput): CheckResult {
  const sources = [...output.content_themes, ...output.content_pillars].map(stems);
  const problems = output.visual_prompts
    .map((prompt, index) => {
      const own = stems(prompt);
      const best = Math.max(...sources.map((source) => [...source].filter((stem) => own.has(stem)).length));
      return best >= 2 ? "" : `visual ${index + 1} depicts no theme`;
    })
    .filter(Boolean);
  return result("visuals_depict_themes", problems);
}

/** No two items of a list are the same or nearly the same. */
function noNearDuplicates(output: StrategyOutput): CheckResult {
  const problems: string[] = [];
  const lists = {
    content_pillars: output.content_pillars,
    content_themes: output.content_themes,
    engagement_tactics: output.engagement_tactics,
    visual_prompts: output.visual_prompts,
    platforms: output.platform_recommendations.map((platform) => canonicalPlatform(platform.platform) ?? normalize(platform.platform)),
  };
  for (const [section, items] of Object.entries(lists)) {
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const same = section === "platforms" ? items[i] === items[j] : similarity(items[i]!, items[j]!) >= 0.6;
        if (same) problems.push(`${section} ${i + 1} and ${j + 1}`);
      }
    }
  }
  return result("no_near_duplicates", problems);
}

function noFiller(output: StrategyOutput): CheckResult {
  const text = normalize(allText(output));
  return result("no_generic_filler", FILLER.filter((phrase) => text.includes(phrase)).map((phrase) => `"${phrase}"`));
}

function briefLanguage(output: StrategyOutput, expect: Expectations): CheckResult {
  const prose = [...output.content_pillars, ...output.content_themes, ...output.engagement_tactics, ...output.platform_recommendations.map((p) => p.rationale)].join("\n");
  const language = detectLanguage(prose);
  return result("brief_language", language === expect.language ? [] : [`written in ${language}, expected ${expect.language}`]);
}

function industryWords(output: StrategyOutput, expect: Expectations): CheckResult {
  const text = normalize([...output.content_pillars, ...output.content_themes, ...output.visual_prompts, ...output.engagement_tactics].join("\n"));
  const missing = expect.industry_words.filter((group) => !group.some((word) => text.includes(word.toLowerCase())));
  return result("industry_words", missing.map((group) => `none of ${group.join("/")}`));
}

function noForbiddenWords(output: StrategyOutput, expect: Expectations): CheckResult {
  const text = normalize(allText(output));
  const found = expect.forbidden.filter((word) => new RegExp(`(^|[^\\p{L}])${word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "u").test(text));
  return result("no_forbidden_words", found.map((word) => `"${word}"`));
}

/** Runs every rule check on one strategy. */
export function runChecks(brief: StrategyInput, expect: Expectations, output: StrategyOutput): CheckResult[] {
  return [
    briefInContext(brief, output),
    platformFit(output, expect),
    rationalesSpecific(brief, output),
    scheduleMatches(brief, output),
    visualsDepictThemes(output),
    noNearDuplicates(output),
    noFiller(output),
    briefLanguage(output, expect),
    industryWords(output, expect),
    noForbiddenWords(output, expect),
  ];
}
