import { briefCopy, detectLanguage, FUNCTION_WORDS } from "@strategist/composer";
import { planPlatformOf, strategySchedule, type Plan, type StrategyInput, type StrategyOutput } from "@strategist/schemas";

/** The plan checks, in the order scorecards list them: what a marketer checks before publishing a plan. */
export const PLAN_CHECKS = [
  "platforms_covered",
  "whole_word_hashtags",
  "varied_structures",
  "no_stray_capitals",
  "no_ellipsis",
  "formats_fit_platforms",
  "goal_in_cta",
  "plan_language",
  "brand_at_most_twice",
  "distinct_captions",
] as const;
export type PlanCheckName = (typeof PLAN_CHECKS)[number];

export interface PlanCheckResult {
  check: PlanCheckName;
  passed: boolean;
  detail: string;
}

const CAROUSELS = new Set(["instagram", "linkedin", "facebook"]);
const VIDEO_ONLY = new Set(["tiktok", "youtube"]);
const STRAY = /(?<=[\p{Ll}\d,)]\s)(?:The|A|An|Our|Your|This|Its|El|La|Los|Las|Der|Die|Das|Le|Les|Un|Une)\s\p{Ll}/u;
const FORMAT_MISMATCH: [RegExp, (platform: string) => boolean, string][] = [
  [/\bcarousel|carrusel|carrousel|karussell|swipe|desliza|wische|faites défiler/iu, (platform) => !CAROUSELS.has(platform), "a carousel"],
  [/\bphoto series|serie de fotos|fotoserie|série photo/iu, (platform) => VIDEO_ONLY.has(platform), "a photo series"],
];

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{Nd}]+/u)
    .filter(Boolean);
}

function tagWords(tag: string): string[] {
  return tag
    .replace(/^#/u, "")
    .replace(/([\p{Ll}\p{Nd}])(\p{Lu})/gu, "$1 $2")
    .split(/[\s_]+/u)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function brandCount(caption: string, brand: string): number {
  return caption.match(new RegExp(`(?<![\\p{L}\\p{Nd}])${escape(brand.trim())}(?![\\p{L}\\p{Nd}])`, "giu"))?.length ?? 0;
}

/** Stems (first five letters) of the content words of a text: how "bookings" meets "book" and "wishlists" "wishlist". */
function stems(text: string): Set<string> {
  return new Set(
    words(text)
      .filter((word) => word.length >= 4 && !FUNCTION_WORDS.has(word))
      .map((word) => word.slice(0, 5)),
  );
}

function result(check: PlanCheckName, failures: string[]): PlanCheckResult {
  return { check, passed: failures.length === 0, detail: failures.slice(0, 3).join("; ") };
}

/**
 * Scores one plan against the brief and the strategy it was written from. The checks are the plan's acceptance
 * list; they read only the plan's public shape, so any model's plan is scored the same way.
 */
export function runPlanChecks(brief: StrategyInput, strategy: StrategyOutput, plan: Plan, expectLanguage: string): PlanCheckResult[] {
  const posts = plan.posts;
  const brand = brief.brand_name;
  const sources = [brief.brand_name, brief.industry, brief.target_audience, brief.goals, ...strategy.content_pillars, ...strategy.content_themes].map(
    (text) => ` ${words(text).join(" ")} `,
  );
  const results: PlanCheckResult[] = [];

  // Every platform the strategy ranks high or medium: its posts at its stated frequency, or named as unsupported.
  const days = new Set(posts.map((post) => post.scheduled_at.slice(0, 10)));
  const quiet = Math.max(0, plan.weeks * 7 - days.size);
  const coverage: string[] = [];
  for (const entry of strategySchedule(strategy)) {
    const priority = strategy.platform_recommendations.find((item) => item.platform === entry.platform)?.priority;
    if (priority === "low") continue;
    const id = planPlatformOf(entry.platform);
    if (!id) {
      if (!plan.unsupported_platforms?.includes(entry.platform)) coverage.push(`${entry.platform} dropped silently`);
      continue;
    }
    const count = posts.filter((post) => post.platform === id).length;
    // Public holidays may take a post each; never more than the days the plan left empty.
    const expected = Math.min(entry.posts_per_week, 7) * plan.weeks;
    if (count < expected - Math.min(quiet, 2 * plan.weeks)) coverage.push(`${entry.platform}: ${count} posts, ${expected} scheduled`);
  }
  results.push(result("platforms_covered", coverage));

  const badTags: string[] = [];
  for (const post of posts) {
    for (const tag of post.hashtags) {
      const parts = tagWords(tag);
      const brandTag = words(brand).join("") === parts.join("");
      if (parts.length === 0 || FUNCTION_WORDS.has(parts.at(-1)!)) badTags.push(tag);
      else if (parts.length > 1 && !brandTag && !sources.some((source) => source.includes(` ${parts.join(" ")} `))) badTags.push(tag);
    }
  }
  results.push(
    result(
      "whole_word_hashtags",
      [...new Set(badTags)].map((tag) => `${tag} is not whole words`),
    ),
  );

  // A structure is a caption's frame: the words of its opening two sentences that recur across the plan (template
  // words), in order, once the brand and the words that change from post to post (topics, pillars) drop out.
  const brandWords = new Set(words(brand));
  const openingWords = posts.map((post) =>
    words(
      post.caption
        .split(/(?<=[.!?:])\s+|\n+/u)
        .slice(0, 2)
        .join(" "),
    ).filter((word) => !brandWords.has(word)),
  );
  const frequency = new Map<string, number>();
  for (const tokens of openingWords) for (const word of new Set(tokens)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const frames = new Map<string, number>();
  for (const tokens of openingWords) {
    const frame = tokens.filter((word) => frequency.get(word)! > posts.length / 4).join(" ");
    if (frame.split(" ").length >= 3) frames.set(frame, (frames.get(frame) ?? 0) + 1);
  }
  const repeated = [...frames].filter(([, count]) => posts.length >= 4 && count > posts.length / 4);
  results.push(
    result(
      "varied_structures",
      repeated.map(([frame, count]) => `"${frame}" frames ${count} of ${posts.length} posts`),
    ),
  );

  results.push(
    result(
      "no_stray_capitals",
      posts.filter((post) => STRAY.test(post.caption)).map((post) => `"${STRAY.exec(post.caption)![0]}" in a sentence`),
    ),
  );
  results.push(
    result(
      "no_ellipsis",
      posts.filter((post) => /…|\.\.\./u.test(post.caption)).map((post) => `${post.platform}: "${post.caption.slice(-40)}"`),
    ),
  );

  const misfits: string[] = [];
  for (const post of posts) {
    const format = (post as { format?: string }).format;
    const script = (post as { script?: { beats?: unknown[] } }).script;
    if (format === "carousel" && !CAROUSELS.has(post.platform)) misfits.push(`carousel on ${post.platform}`);
    if (VIDEO_ONLY.has(post.platform) && (format !== "video" || !script?.beats?.length)) misfits.push(`${post.platform} post without a video script`);
    for (const [pattern, wrong, name] of FORMAT_MISMATCH) if (pattern.test(post.caption) && wrong(post.platform)) misfits.push(`${name} on ${post.platform}`);
  }
  results.push(result("formats_fit_platforms", [...new Set(misfits)]));

  const goal = stems(`${brief.goals} ${briefCopy(brief).goal.cta}`);
  const pointing = posts.filter((post) => [...stems(post.caption)].some((stem) => goal.has(stem))).length;
  results.push(result("goal_in_cta", pointing * 3 >= posts.length ? [] : [`${pointing} of ${posts.length} captions point at the goal`]));

  const detected = detectLanguage(posts.map((post) => post.caption).join("\n"));
  results.push(result("plan_language", detected === expectLanguage ? [] : [`written in ${detected}, the brief's answer language is ${expectLanguage}`]));

  results.push(
    result(
      "brand_at_most_twice",
      posts.filter((post) => brandCount(post.caption, brand) > 2).map((post) => `${post.platform}: ${brandCount(post.caption, brand)} times`),
    ),
  );

  const captions = new Map<string, number>();
  for (const post of posts) captions.set(post.caption, (captions.get(post.caption) ?? 0) + 1);
  results.push(
    result(
      "distinct_captions",
      [...captions].filter(([, count]) => count > 1).map(([caption, count]) => `${count}× "${caption.slice(0, 40)}"`),
    ),
  );
  if (posts.length === 0) return PLAN_CHECKS.map((check) => ({ check, passed: false, detail: "the plan has no posts" }));
  return results;
}
