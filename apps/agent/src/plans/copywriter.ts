import {
  checkPost,
  graphemeLength,
  hashtagKey,
  isHashtag,
  PLATFORM_RULES,
  type PlannedPostOutput,
  type PlanOutput,
  type PlanPlatformId,
  type Priority,
  type RewriteOutput,
} from "@strategist/schemas";
import { addDays, weekdayOf } from "./schedule";

/** What the plan is written from: the strategy's parts that shape posts, and the plan's dates. */
export interface PlanBrief {
  brand_name: string;
  industry: string;
  platforms: { id: PlanPlatformId; name: string; priority: Priority }[];
  pillars: string[];
  themes: string[];
  visual_prompts: number;
  posting_schedule: string;
  start_date: string;
  weeks: number;
  /** Per platform, its weekly slots from the results (plans/insights.ts); a platform not listed keeps its defaults. */
  slots?: Partial<Record<PlanPlatformId, WeeklySlot[]>>;
  /** The pillars of each fortnight's posts in order, shifted toward what performs (plans/insights.ts); absent: pillars rotate evenly. */
  pillar_sequence?: string[];
}

/** A weekly posting time: ISO weekday (Monday = 1) and local time HH:mm. */
export interface WeeklySlot {
  weekday: number;
  time: string;
}

/** What a rewrite is written from: the post as it stands and what the user asked for. */
export interface RewriteBrief {
  brand_name: string;
  platform: PlanPlatformId;
  pillar: string;
  theme: string;
  caption: string;
  hashtags: string[];
  instruction?: string;
  /** How many different rewrites to write (2-3); absent: one. */
  alternatives?: number;
}

/** Posts a week per platform by the strategy's priority: a high-priority platform always gets more than a low one. */
export const POSTS_PER_WEEK: Record<Priority, number> = { high: 3, medium: 2, low: 1 };
const WEEKDAYS: Record<number, number[]> = { 1: [3], 2: [2, 4], 3: [1, 3, 5] };

/** The weekdays (Monday = 1) a platform of this priority posts on. */
export function postingWeekdays(priority: Priority): readonly number[] {
  return WEEKDAYS[POSTS_PER_WEEK[priority]]!;
}
/** Hashtags per post by platform: few where the platform or its readers want few. */
const HASHTAGS_PER_POST: Record<PlanPlatformId, number> = { x: 2, instagram: 5, threads: 1, linkedin: 3, tiktok: 4, facebook: 2, pinterest: 3, youtube: 2 };
/** When to publish when the posting schedule names no hour for a platform (local time). */
const DEFAULT_TIME: Record<PlanPlatformId, string> = {
  x: "08:30",
  instagram: "12:00",
  threads: "11:00",
  linkedin: "09:00",
  tiktok: "19:00",
  facebook: "13:00",
  pinterest: "20:00",
  youtube: "17:00",
};

type Slots = { brand: string; pillar: string; theme: string };
const TEMPLATES: ((slots: Slots) => string)[] = [
  ({ brand, pillar, theme }) => `${theme}: that is what ${brand} is sharing this week. ${pillar} is at the heart of it. What do you think?`,
  ({ brand, pillar, theme }) => `New from ${brand}: ${theme}. Part of our series on ${pillar}.`,
  ({ brand, pillar, theme }) => `Why does ${pillar} matter to ${brand}? One answer: ${theme}.`,
  ({ brand, theme }) => `Behind the scenes at ${brand}: ${theme}. Save this for later.`,
  ({ brand, pillar, theme }) => `Question for you: how do you approach ${theme}? ${brand} shares its take on ${pillar}.`,
  ({ brand, pillar, theme }) => `${pillar}, the ${brand} way: ${theme}. Share it with someone who needs it.`,
];
const SHORTEST = ({ brand, theme }: Slots) => `${brand}: ${theme}`;
/** Caps (in graphemes) on brand, pillar and theme, tried in order until the caption fits the platform. */
const BUDGETS: [number, number, number][] = [
  [Infinity, Infinity, Infinity],
  [80, 80, 160],
  [60, 40, 90],
  [40, 30, 60],
  [30, 20, 40],
  [20, 12, 24],
  [12, 8, 12],
];

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Text cut to at most `max` graphemes, at a word when one is near, with an ellipsis when anything was cut. */
function shorten(text: string, max: number): string {
  const key = `${max}\u0000${text}`;
  let short = shortened.get(key);
  if (short === undefined) {
    if (shortened.size > 4096) shortened.clear();
    short = cut(text, max);
    shortened.set(key, short);
  }
  return short;
}

// A plan cuts the same brand, pillars and themes to the same budgets again and again: remember the results.
const shortened = new Map<string, string>();

function cut(text: string, max: number): string {
  const clean = text.replace(/\s+/gu, " ").trim();
  if (max === Infinity || graphemeLength(clean) <= max) return clean;
  let kept = "";
  let count = 0;
  for (const { segment } of graphemes.segment(clean)) {
    if (++count > max - 1) break;
    kept += segment;
  }
  const space = kept.lastIndexOf(" ");
  if (space > kept.length / 2) kept = kept.slice(0, space);
  return `${kept.replace(/[\s.,;:!?-]+$/u, "")}…`;
}

/** A hashtag made from text: its words in CamelCase, letters, digits and underscores only; undefined if none fit. */
function hashtagFrom(text: string): string | undefined {
  const words = text.split(/[^\p{L}\p{M}\p{Nd}_]+/u).filter((word) => word && !STOPWORDS.has(word.toLowerCase()));
  let body = "";
  for (const word of words.slice(0, 3)) {
    const next = body + word.charAt(0).toUpperCase() + word.slice(1);
    if (body && graphemeLength(next) > 24) break;
    body = next;
  }
  const tag = `#${shorten(body, 30).replace(/…$/u, "")}`;
  return isHashtag(tag) ? tag : undefined;
}

const STOPWORDS = new Set([
  "a",
  "an",
  "and",
  "the",
  "of",
  "for",
  "to",
  "in",
  "on",
  "with",
  "at",
  "by",
  "or",
  "our",
  "your",
  "how",
  "what",
  "why",
  "it",
  "its",
  "s",
]);

function hashtagsFor(platform: PlanPlatformId, sources: string[]): string[] {
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const source of sources) {
    const tag = hashtagFrom(source);
    if (!tag || seen.has(hashtagKey(tag))) continue;
    seen.add(hashtagKey(tag));
    tags.push(tag);
  }
  return tags.slice(0, Math.min(HASHTAGS_PER_POST[platform], PLATFORM_RULES[platform].maxHashtags ?? Infinity));
}

/**
 * The caption from a template that fits the platform with its hashtags: the full slots when they fit, else the
 * slots cut shorter step by step, then fewer hashtags. Always returns a post that meets the platform's rules.
 */
function fitPost(platform: PlanPlatformId, template: (slots: Slots) => string, slots: Slots, hashtags: string[]): RewriteOutput {
  const attempt = (level: number, tags: number): RewriteOutput | undefined => {
    const [brand, pillar, theme] = BUDGETS[level]!;
    const cutSlots = { brand: shorten(slots.brand, brand), pillar: shorten(slots.pillar, pillar), theme: shorten(slots.theme, theme) };
    for (const write of [template, SHORTEST]) {
      const post = { caption: write(cutSlots), hashtags: hashtags.slice(0, tags) };
      if (checkPost(platform, post).length === 0) return post;
    }
    return undefined;
  };
  for (let tags = hashtags.length; tags >= 0; tags--) {
    const whole = attempt(0, tags);
    if (whole) return whole;
    // Shorter budgets give shorter captions: search for the longest budget that fits.
    let low = 1;
    let high = BUDGETS.length - 1;
    let best: RewriteOutput | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const post = attempt(middle, tags);
      if (post) {
        best = post;
        high = middle - 1;
      } else {
        low = middle + 1;
      }
    }
    if (best) return best;
  }
  return { caption: shorten(slots.brand, 10), hashtags: [] };
}

/** The local publishing time of a platform: the posting schedule's hour where it names one, else the platform's default. */
export function postingTime(schedule: string, platform: { id: PlanPlatformId; name: string }): string {
  return scheduledTime(schedule, platform) ?? DEFAULT_TIME[platform.id];
}

/** The local publishing time the posting schedule gives a platform ("LinkedIn: ... between 8 and 10 am"), if any. */
export function scheduledTime(schedule: string, platform: { id: PlanPlatformId; name: string }): string | undefined {
  const names = [platform.name, PLATFORM_RULES[platform.id].name, platform.id === "x" ? "Twitter" : platform.name].map((name) => name.toLowerCase());
  const parts = schedule.split(/[;\n]|\.\s/u);
  const part = parts.find((text) => names.some((name) => text.toLowerCase().includes(name)));
  const match = part && /(\d{1,2})(?::(\d{2}))?\s*(?:(?:-|–|to|and)\s*\d{1,2}(?::\d{2})?\s*)?(am|pm)\b/iu.exec(part);
  if (!match) return undefined;
  let hour = Number(match[1]) % 12;
  if (match[3]!.toLowerCase() === "pm") hour += 12;
  const minute = Number(match[2] ?? 0);
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/** A platform's default weekly slots: weekdays by its priority, at the hour its posting schedule names (else the platform's default). */
export function defaultSlots(brief: Pick<PlanBrief, "posting_schedule">, platform: PlanBrief["platforms"][number]): WeeklySlot[] {
  const time = scheduledTime(brief.posting_schedule, platform) ?? DEFAULT_TIME[platform.id];
  return WEEKDAYS[POSTS_PER_WEEK[platform.priority]]!.map((weekday) => ({ weekday, time }));
}

/**
 * The offline copywriter: a content plan written deterministically from the strategy. Each platform gets posts on
 * fixed weekdays by its priority, at the hour its posting schedule names; pillars, themes and visual prompts rotate;
 * every caption names the brand, uses its post's pillar and theme, and fits its platform's rules.
 */
export function writePlan(brief: PlanBrief): PlanOutput {
  const posts: PlannedPostOutput[] = [];
  const firstWeekday = weekdayOf(brief.start_date);
  const weeklySlots = brief.platforms.map((platform) => brief.slots?.[platform.id] ?? defaultSlots(brief, platform));
  const perWeek = weeklySlots.reduce((sum, slots) => sum + slots.length, 0);
  let n = 0;
  let offset = 0;
  brief.platforms.forEach((platform, platformIndex) => {
    const slots = weeklySlots[platformIndex]!;
    for (let week = 0; week < brief.weeks; week++) {
      slots.forEach(({ weekday, time }, slotIndex) => {
        const date = addDays(brief.start_date, week * 7 + ((weekday - firstWeekday + 7) % 7));
        // Themes rotate post by post and templates block by block, so captions repeat only after every theme met
        // every template; pillars rotate on their own cycle, or follow the fortnight's pillar sequence when given
        // (each post of a fortnight takes its own place in it, turned by one each fortnight).
        const block = Math.floor(n / brief.themes.length);
        const theme = brief.themes[n % brief.themes.length]!;
        const sequence = brief.pillar_sequence;
        const pillar = sequence?.length
          ? sequence[((week % 2) * perWeek + offset + slotIndex + Math.floor(week / 2)) % sequence.length]!
          : brief.pillars[(n + block) % brief.pillars.length]!;
        const template = TEMPLATES[(block + platformIndex) % TEMPLATES.length]!;
        const hashtags = hashtagsFor(platform.id, [brief.brand_name, pillar, brief.industry, theme]);
        posts.push({
          platform: platform.id,
          date,
          time,
          pillar,
          theme,
          ...fitPost(platform.id, template, { brand: brief.brand_name, pillar, theme }, hashtags),
          ...(brief.visual_prompts > 0 ? { visual_prompt_index: n % brief.visual_prompts } : {}),
        });
        n++;
      });
    }
    offset += slots.length;
  });
  return { posts };
}

function hash(text: string): number {
  let value = 0;
  for (const char of text) value = (value * 31 + char.codePointAt(0)!) >>> 0;
  return value;
}

/** The offline rewrite: another template than the post's current caption, shorter when asked, within the rules. */
export function rewritePost(brief: RewriteBrief): RewriteOutput {
  const slots = { brand: brief.brand_name, pillar: brief.pillar, theme: brief.theme };
  const hashtags = brief.hashtags.length > 0 ? brief.hashtags : hashtagsFor(brief.platform, [brief.brand_name, brief.pillar, brief.theme]);
  const wantsShort = /\b(short|brief|concise|tight)/iu.test(brief.instruction ?? "");
  const start = hash(brief.caption + (brief.instruction ?? ""));
  const order = wantsShort ? [SHORTEST, ...TEMPLATES] : TEMPLATES.map((_, index) => TEMPLATES[(start + index) % TEMPLATES.length]!);
  for (const template of order) {
    const post = fitPost(brief.platform, template, slots, hashtags);
    if (post.caption !== brief.caption) return post;
  }
  return fitPost(brief.platform, ({ brand, theme }) => `${theme}, from ${brand}.`, slots, hashtags);
}

/** What posts from an article are written from: its title and key points, the posts wanted and their links. */
export interface ArticleBrief {
  brand_name: string;
  title: string;
  /** The article's key sentences, in its order. */
  points: string[];
  /** One entry per post, in order. */
  posts: { platform: PlanPlatformId }[];
  /** Each platform's link (the article with its UTM tags), published after the caption and counted by the platform. */
  links: Partial<Record<PlanPlatformId, string>>;
}

type ArticleSlots = { brand: string; title: string; point: string };
// The copywriter's structures, around the article's own sentence: a hook, the point, a call to read or discuss.
const ARTICLE_TEMPLATES: ((slots: ArticleSlots) => string)[] = [
  ({ title, point }) => `${point} More in "${title}".`,
  ({ brand, point }) => `One idea worth keeping, from ${brand}: ${point}`,
  ({ point }) => `Why it matters: ${point} What do you think?`,
  ({ title, point }) => `From "${title}": ${point} Save this for later.`,
  ({ point }) => `${point} Share it with someone who needs it.`,
];
/** Caps (in graphemes) on brand, title and point, tried in order until the post fits its platform with its link. */
const ARTICLE_BUDGETS: [number, number, number][] = [
  [Infinity, Infinity, Infinity],
  [40, 60, 240],
  [30, 40, 180],
  [20, 30, 120],
  [12, 20, 80],
  [10, 12, 50],
];

/**
 * The offline posts from an article, deterministic: post n carries the article's key point n (points repeat only
 * when there are more posts than points), in one of the copywriter's structures (rotating), with hashtags from the
 * title and the point; the slots are cut shorter, then hashtags dropped, until the post fits its platform with its
 * link counted.
 */
export function writeArticlePosts(brief: ArticleBrief): { posts: { platform: PlanPlatformId; point: string; caption: string; hashtags: string[] }[] } {
  const points = brief.points.length > 0 ? brief.points : [brief.title];
  return {
    posts: brief.posts.map(({ platform }, index) => {
      const point = points[index % points.length]!;
      const template = ARTICLE_TEMPLATES[index % ARTICLE_TEMPLATES.length]!;
      const link = brief.links[platform];
      const hashtags = hashtagsFor(platform, [brief.title, point]);
      for (let tags = hashtags.length; tags >= 0; tags--) {
        for (const [brand, title, cutPoint] of ARTICLE_BUDGETS) {
          const slots = { brand: shorten(brief.brand_name, brand), title: shorten(brief.title, title), point: shorten(point, cutPoint) };
          for (const write of [template, ({ point: text }: ArticleSlots) => text]) {
            const post = { caption: write(slots), hashtags: hashtags.slice(0, tags) };
            if (checkPost(platform, { ...post, link }).length === 0) return { platform, point, ...post };
          }
        }
      }
      return { platform, point, caption: shorten(point, 40), hashtags: [] };
    }),
  };
}
