import { checkPost, hashtagKey, isHashtag, type GbpCtaType, type PlannedPostOutput, type PlanPlatformId } from "@strategist/schemas";
import { FUNCTION_WORDS } from "@strategist/composer";
import { isStyleHashtag, withoutStyleLeak } from "../generation/style";
import { PACKS, type PlanLanguage } from "./copy-packs";
import { PLATFORM_FORMATS } from "./copywriter";

/** What the repairs need to know: the texts hashtags may come from, the brief's goals, the plan's holidays. */
export interface PolishContext {
  brand: string;
  language: PlanLanguage;
  /** Brief and strategy texts (industry, pillars, themes, goals): a multi-word hashtag must be a phrase of one. */
  sources: string[];
  goals: string[];
  cta_type: GbpCtaType;
  holidays: { date: string; name: string }[];
}

function tagWords(tag: string): string[] {
  return tag
    .replace(/^#/u, "")
    .replace(/([\p{Ll}\p{Nd}])(\p{Lu})/gu, "$1 $2")
    .split(/[\s_]+/u)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{Nd}]+/u)
    .filter(Boolean);
}

/**
 * Whether a hashtag is made of whole words: one word, or several that stand together in one of the sources (so
 * never a phrase cut short, never words glued across a gap) and do not end in a function word ("#IndustryInsightFrom").
 */
export function isWholeWordHashtag(tag: string, sources: readonly string[], brand: string): boolean {
  if (!isHashtag(tag) || isStyleHashtag(tag)) return false;
  const parts = tagWords(tag);
  if (parts.length === 0) return false;
  if (FUNCTION_WORDS.has(parts.at(-1)!)) return false;
  if (parts.length === 1) return true;
  const joined = parts.join(" ");
  if (words(brand).join(" ") === joined || words(brand).join("") === parts.join("")) return true;
  return sources.some((source) => ` ${words(source).join(" ")} `.includes(` ${joined} `));
}

/**
 * A caption without an ellipsis: a clause cut short with "…" is dropped back to the last whole clause before it
 * (which then ends with a full stop); with no whole clause before it, the ellipsis becomes a full stop.
 */
export function withoutEllipsis(caption: string): string {
  let text = caption;
  for (let guard = 0; guard < 20; guard++) {
    const match = /\s*(?:…|\.\.\.)/u.exec(text);
    if (!match) break;
    const before = text.slice(0, match.index);
    const lineStart = before.lastIndexOf("\n") + 1;
    const boundary = Math.max(...[".", ",", ":", ";", "!", "?"].map((mark) => before.lastIndexOf(mark)));
    const cut = boundary >= lineStart && before.slice(lineStart, boundary).trim().length > 0 ? boundary : -1;
    const kept =
      cut >= 0 ? `${before.slice(0, cut).replace(/[\s,;:]+$/u, "")}${/[.!?]/u.test(before[cut]!) ? before[cut] : "."}` : `${before.replace(/[\s,;:]+$/u, "")}.`;
    text = `${kept}${text.slice(match.index + match[0].length)}`;
  }
  return text.replace(/\.{2,}/gu, ".").trim();
}

/** How often a caption names the brand. */
export function brandMentions(caption: string, brand: string): number {
  const name = brand.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  if (!name) return 0;
  return caption.match(new RegExp(`(?<![\\p{L}\\p{Nd}])${name}(?![\\p{L}\\p{Nd}])`, "giu"))?.length ?? 0;
}

/** Whether a post acknowledges a holiday: it says so, or its caption names the holiday. */
export function acknowledges(post: { caption: string; holiday?: string }, name: string): boolean {
  if (post.holiday) return true;
  const caption = post.caption.toLowerCase();
  const key = name.toLowerCase().replace(/\s*\(.*\)$/u, "");
  return (
    caption.includes(key) ||
    key
      .split(/\s+/u)
      .filter((word) => word.length >= 5)
      .some((word) => caption.includes(word))
  );
}

/**
 * The same rules on every model's posts, repaired where a repair keeps the meaning: hashtags of whole words only
 * (none on Google Business Profile), no ellipsis, no pasted style instruction, a format the platform has (a video
 * script on video platforms), a goal and a visual brief on every post, at most two brand names per caption
 * (further ones dropped from the hashtags only), no ordinary post on a public holiday, and no caption twice.
 */
export function polishPosts(posts: PlannedPostOutput[], context: PolishContext): PlannedPostOutput[] {
  const pack = PACKS[context.language] ?? PACKS.en;
  const holidays = new Map(context.holidays.map((holiday) => [holiday.date, holiday.name]));
  const seen = new Set<string>();
  const greeted = new Set<string>();
  const out: PlannedPostOutput[] = [];
  const goals = context.goals.length > 0 ? context.goals : [];
  posts.forEach((post, index) => {
    const platform: PlanPlatformId = post.platform;
    let caption = withoutEllipsis(withoutStyleLeak(post.caption));
    if (!/\S/u.test(caption)) caption = post.caption;
    const tagSeen = new Set<string>();
    let hashtags =
      platform === "google"
        ? []
        : post.hashtags.filter((tag) => {
            const ok = isWholeWordHashtag(tag, context.sources, context.brand) && !tagSeen.has(hashtagKey(tag));
            tagSeen.add(hashtagKey(tag));
            return ok;
          });
    while (hashtags.length > 0 && checkPost(platform, { caption, hashtags }).length > 0) hashtags = hashtags.slice(0, -1);
    if (checkPost(platform, { caption, hashtags }).length > 0) {
      caption = post.caption;
      hashtags = [];
    }
    const formats = PLATFORM_FORMATS[platform];
    const format =
      post.format && formats.includes(post.format)
        ? post.format
        : formats.includes("video") && formats.length === 1
          ? "video"
          : post.format === "carousel"
            ? "photo"
            : (post.format ?? formats[0]!);
    const sentences = caption.split(/(?<=[.!?])\s+/u).filter(Boolean);
    const script =
      format === "video"
        ? (post.script ?? {
            hook: sentences[0] ?? caption,
            beats: sentences.length > 1 ? sentences.slice(1, 5) : [post.theme],
            on_screen_text: [post.pillar.slice(0, 120)],
          })
        : undefined;
    const holiday = holidays.get(post.date);
    if (holiday !== undefined) {
      if (!acknowledges({ caption, holiday: post.holiday }, holiday) || greeted.has(post.date)) return;
      greeted.add(post.date);
    }
    if (seen.has(caption)) return;
    seen.add(caption);
    const { script: _script, holiday: _holiday, ...rest } = post;
    out.push({
      ...rest,
      caption,
      hashtags,
      format,
      ...(script ? { script } : {}),
      ...(holiday !== undefined ? { holiday: post.holiday ?? holiday } : {}),
      goal: post.goal ?? goals[index % Math.max(1, goals.length)] ?? post.pillar,
      visual_brief: post.visual_brief ?? pack.visual(format, { brand: context.brand, topic: post.theme, pillar: post.pillar, customers: "" }),
      ...(platform === "google" ? { cta_type: post.cta_type ?? context.cta_type } : {}),
    });
  });
  return out;
}

/** The brief's goals as items: split at line breaks, semicolons, sentences and "and" before a new aim. */
export function splitGoals(goals: string): string[] {
  const verbs =
    "grow|get|double|triple|increase|raise|build|launch|reach|drive|sell|book|fill|attract|win|hire|recruit|become|generate|convert|keep|retain|earn|gain|boost|open|sign|collect|bring|make|establish|position|create|turn";
  const items = goals
    .split(new RegExp(`\\n|;|•|(?<=[.!?])\\s+|,\\s*(?:and\\s+)?(?=(?:${verbs})\\b)|\\s+and\\s+(?=(?:${verbs})\\b)`, "iu"))
    .map((item) =>
      item
        .replace(/^[\s\-–*\d.)]+/u, "")
        .replace(/[.;,\s]+$/u, "")
        .trim(),
    )
    .filter((item) => item.length > 2);
  return [...new Set(items)].slice(0, 8).map((item) => item.charAt(0).toUpperCase() + item.slice(1));
}
