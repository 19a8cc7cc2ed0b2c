import {
  checkPost,
  hashtagKey,
  isHashtag,
  PLATFORM_RULES,
  type GbpCtaType,
  type PlannedPostOutput,
  type PlanOutput,
  type PlanPlatformId,
  type PostFormat,
  type Priority,
  type RewriteOutput,
} from "@strategist/schemas";
import { isStyleHashtag } from "../generation/style";
import { FORMAT_WORDS, PACKS, type CopyPack, type CopySlots, type PlanLanguage } from "./copy-packs";
import { addDays, weekdayOf } from "./schedule";

/** One platform of the plan with its schedule: how many posts a week, at which local times, on which weekdays. */
export interface PlannedPlatform {
  id: PlanPlatformId;
  name: string;
  priority: Priority;
  posts_per_week: number;
  times: string[];
  weekdays?: number[];
}

/** What the plan is written from: the strategy's parts that shape posts, the brief's goals, and the plan's dates. */
export interface PlanBrief {
  brand_name: string;
  industry: string;
  language: PlanLanguage;
  platforms: PlannedPlatform[];
  pillars: string[];
  themes: string[];
  /** The brief's goals, one item each. */
  goals: string[];
  /** The goal's action, addressed to customers ("book a date"). */
  goal_cta: string;
  /** The button a Google Business Profile post carries. */
  cta_type: GbpCtaType;
  customers: string;
  visual_prompts: number;
  posting_schedule: string;
  start_date: string;
  weeks: number;
  /** Public holidays within the plan: each gets a post that acknowledges it, or no ordinary post. */
  holidays: { date: string; name: string }[];
  /** Per platform, its weekly slots from the results (plans/insights.ts); a platform not listed keeps its schedule's. */
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
  language?: PlanLanguage;
  goal_cta?: string;
  customers?: string;
  /** How many different rewrites to write (2-3); absent: one. */
  alternatives?: number;
}

/** Hashtags per post by platform: few where the platform or its readers want few; none on Google Business Profile. */
const HASHTAGS_PER_POST: Record<PlanPlatformId, number> = {
  x: 2,
  instagram: 5,
  threads: 1,
  linkedin: 3,
  tiktok: 4,
  facebook: 2,
  pinterest: 3,
  youtube: 2,
  google: 0,
  bluesky: 2,
};
/** The formats each platform publishes, in the order a plan rotates them: carousels only where the platform has them. */
export const PLATFORM_FORMATS: Record<PlanPlatformId, PostFormat[]> = {
  x: ["text", "photo"],
  instagram: ["photo", "carousel", "video"],
  threads: ["text", "photo"],
  linkedin: ["text", "carousel", "photo"],
  tiktok: ["video"],
  facebook: ["photo", "video", "text"],
  pinterest: ["photo"],
  youtube: ["video"],
  google: ["photo"],
  bluesky: ["text", "photo"],
};
/** Platforms where a post is short, so its lines share one paragraph. */
const SHORT: ReadonlySet<PlanPlatformId> = new Set(["x", "threads", "bluesky", "youtube"]);

/** The days (offsets 0-6 from Monday) of a week's posts: spread over the preferred weekdays, then the others. */
function weekSlots(entry: PlannedPlatform): { weekday: number; time: string }[] {
  const preferred = entry.weekdays && entry.weekdays.length > 0 ? [...new Set(entry.weekdays)].sort() : [1, 2, 3, 4, 5, 6, 7];
  const count = Math.max(1, Math.min(21, entry.posts_per_week));
  const days: number[] = [];
  if (count <= preferred.length) {
    for (let index = 0; index < count; index++) days.push(preferred[Math.floor((index * preferred.length) / count)]!);
  } else {
    const others = [1, 2, 3, 4, 5, 6, 7].filter((day) => !preferred.includes(day));
    const order = [...preferred, ...others];
    for (let index = 0; index < count; index++) days.push(order[index % order.length]!);
  }
  const times = entry.times.length > 0 ? entry.times : ["10:00"];
  const seen = new Map<number, number>();
  return days
    .map((weekday, index) => {
      const nth = seen.get(weekday) ?? 0;
      seen.set(weekday, nth + 1);
      return { weekday, time: nth < times.length ? times[(index + nth) % times.length]! : laterTime(times[0]!, nth * 3) };
    })
    .sort((a, b) => a.weekday - b.weekday || a.time.localeCompare(b.time));
}

/** A platform's weekly slots from the strategy's structured schedule (its posts a week, weekdays and times). */
export function defaultSlots(platform: PlannedPlatform): WeeklySlot[] {
  return weekSlots(platform);
}

/** Posts a week per platform by the strategy's priority, where a strategy gives no structured schedule. */
export const POSTS_PER_WEEK: Record<Priority, number> = { high: 3, medium: 2, low: 1 };
const WEEKDAYS: Record<number, number[]> = { 1: [3], 2: [2, 4], 3: [1, 3, 5] };

/** The weekdays (Monday = 1) a platform of this priority posts on. */
export function postingWeekdays(priority: Priority): readonly number[] {
  return WEEKDAYS[POSTS_PER_WEEK[priority]]!;
}

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
  google: "10:00",
  bluesky: "11:00",
};

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

function laterTime(time: string, hours: number): string {
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  return `${String(Math.min(23, hour + hours)).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The theme as a topic: without the format it ends with and without the brand, which the caption names itself. */
export function topicOf(theme: string, brand: string): string {
  let topic = theme.replace(/\s+/gu, " ").trim();
  const tail = /\s*[:,–—]\s*([^:,–—]+)$/u.exec(topic);
  if (tail && FORMAT_WORDS.test(tail[1]!) && tail.index > 10) topic = topic.slice(0, tail.index);
  const name = escape(brand);
  topic = topic
    // "Behind the scenes at Brand: …" and "… by the Brand team" / "… del equipo de Brand": the caption names the brand.
    .replace(new RegExp(`\\s+(?:at|by|from|en|bei|von|chez)\\s+${name}(?=\\s*:)`, "giu"), "")
    .replace(new RegExp(`\\b(team|equipo|Team|équipe)\\s+(?:de|of|von|d')\\s*${name}(?=$|[\\s:,.])`, "gu"), "$1")
    .replace(new RegExp(`\\b(the)\\s+${name}\\s+(team)\\b`, "giu"), "$1 $2")
    .replace(new RegExp(`^${name}\\s*[:–—]\\s*`, "iu"), "")
    .replace(/\s*[:,–—]\s*$/u, "")
    .trim();
  return topic.length > 0 ? topic : theme;
}

/** The topic as it reads mid-sentence: a lower first letter, except in German (nouns) and for names and acronyms. */
function midSentence(text: string, language: PlanLanguage): string {
  if (language === "de") return text;
  const first = text.split(/\s/u)[0] ?? "";
  if (first.length > 1 && first === first.toUpperCase()) return text;
  if (/^\p{Lu}\p{Ll}+$/u.test(first) && /\p{Lu}/u.test(text.slice(first.length))) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Hashtags of whole words: the brand, then single real words of the industry, pillar and topic. */
export function hashtagsFor(platform: PlanPlatformId, brand: string, sources: string[], pack: CopyPack): string[] {
  const limit = Math.min(HASHTAGS_PER_POST[platform], PLATFORM_RULES[platform].maxHashtags ?? Infinity);
  if (limit === 0) return [];
  const tags: string[] = [];
  const seen = new Set<string>();
  const add = (tag: string) => {
    if (!isHashtag(tag) || isStyleHashtag(tag) || seen.has(hashtagKey(tag)) || tag.length > 31) return;
    seen.add(hashtagKey(tag));
    tags.push(tag);
  };
  const brandWords = brand.split(/[^\p{L}\p{M}\p{Nd}]+/u).filter(Boolean);
  if (brandWords.length > 0 && brandWords.length <= 3) add(`#${brandWords.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("")}`);
  const stop = new Set(pack.stopwords);
  const brandKeys = new Set(brandWords.map((word) => word.toLowerCase()));
  for (const source of sources) {
    for (const word of source.split(/[^\p{L}\p{M}]+/u)) {
      const lower = word.toLowerCase();
      if (word.length < 4 || stop.has(lower) || brandKeys.has(lower)) continue;
      add(`#${word.charAt(0).toUpperCase()}${word.slice(1)}`);
    }
  }
  return tags.slice(0, limit);
}

interface Written {
  caption: string;
  hashtags: string[];
  format: PostFormat;
  script?: PlannedPostOutput["script"];
  visual_brief: string;
}

/** Lines joined as the platform reads them: one paragraph on short platforms, paragraphs elsewhere. */
function join(platform: PlanPlatformId, lines: string[]): string {
  return lines.filter(Boolean).join(SHORT.has(platform) ? " " : "\n\n");
}

/** The shorter forms of a topic, for a platform with little room: its clauses, then its first words. Never an ellipsis. */
function shorterTopics(topic: string): string[] {
  const parts = topic.split(/\s*[:,;–—]\s*/u).filter((part) => part.split(/\s+/u).length >= 2);
  const words = topic.split(/\s+/u);
  const firstWords = [8, 6, 4]
    .filter((count) => words.length > count)
    .map((count) =>
      words
        .slice(0, count)
        .join(" ")
        .replace(/[\s,.;:]+$/u, ""),
    );
  return [...parts.sort((a, b) => b.length - a.length), ...firstWords].filter((part) => part !== topic);
}

/** The caption with as many of the hashtags as fit the platform; undefined when the caption alone does not fit. */
function withTags(platform: PlanPlatformId, caption: string, tags: string[]): { caption: string; hashtags: string[] } | undefined {
  if (checkPost(platform, { caption, hashtags: [] }).length > 0) return undefined;
  for (let count = tags.length; count > 0; count--) {
    const post = { caption, hashtags: tags.slice(0, count) };
    if (checkPost(platform, post).length === 0) return post;
  }
  return { caption, hashtags: [] };
}

/** A video script within the schema's bounds: a hook too long for one opening line takes the fallback's. */
function fitScript(
  script: NonNullable<PlannedPostOutput["script"]>,
  fallback: NonNullable<PlannedPostOutput["script"]>,
): NonNullable<PlannedPostOutput["script"]> {
  const hook = script.hook.length <= 300 ? script.hook : fallback.hook.length <= 300 ? fallback.hook : fallback.on_screen_text[0]!;
  const beats = script.beats.filter((beat) => beat.length <= 300);
  return {
    hook,
    beats: beats.length > 0 ? beats : fallback.beats.slice(-1),
    on_screen_text: script.on_screen_text.filter((line) => line.length > 0 && line.length <= 120),
  };
}

/**
 * One post's text: the structure's hook and body, the format's line and the call to action, with whole-word hashtags,
 * fitted to the platform by dropping lines, then hashtags, then using a shorter form of the topic.
 */
function writePost(platform: PlanPlatformId, pack: CopyPack, slots: CopySlots, structure: number, cta: string, format: PostFormat, tags: string[]): Written {
  const visual = (s: CopySlots) => pack.visual(format, s).slice(0, 1000);
  const script = format === "video" ? fitScript(pack.script(slots), pack.script({ ...slots, topic: slots.pillar.length < 80 ? slots.pillar : "" })) : undefined;
  const topics = [slots.topic, ...shorterTopics(slots.topic)];
  for (const topic of topics) {
    const s = { ...slots, topic };
    if (platform === "youtube") {
      for (const title of pack.titles) {
        const post = withTags(platform, title(s), tags);
        if (post) return { ...post, format, ...(script ? { script } : {}), visual_brief: visual(s) };
      }
      continue;
    }
    const lines = pack.structures[structure % pack.structures.length]!(s);
    const formatLine = format === "video" ? pack.videoLine(s) : format === "carousel" ? pack.carouselLine(s) : "";
    const variants = [[...lines, formatLine, cta], [...lines, cta], [lines.at(-1)!, cta], [lines.at(-1)!]];
    for (const variant of variants) {
      const post = withTags(platform, join(platform, variant), tags);
      if (post) return { ...post, format, ...(script ? { script } : {}), visual_brief: visual(s) };
    }
  }
  // Only an extreme brand name or topic gets here: a line of the pack fits every platform.
  return { caption: pack.engageCtas[structure % pack.engageCtas.length]!, hashtags: [], format, visual_brief: visual(slots) };
}

/**
 * The offline copywriter: a content plan written deterministically from the strategy. Each platform gets its
 * scheduled number of posts a week on its preferred weekdays and times; structures, themes, pillars, goals and
 * formats rotate; every caption is in the brief's language, points half the time at the brief's goal, and fits its
 * platform. A public holiday gets one post that acknowledges it and no ordinary post.
 */
export function writePlan(brief: PlanBrief): PlanOutput {
  const pack = PACKS[brief.language] ?? PACKS.en;
  const posts: PlannedPostOutput[] = [];
  const firstWeekday = weekdayOf(brief.start_date);
  const captions = new Set<string>();
  const goals = brief.goals.length > 0 ? brief.goals : [brief.goal_cta];
  const weeklySlots = brief.platforms.map((platform) => brief.slots?.[platform.id] ?? weekSlots(platform));
  const perWeek = weeklySlots.reduce((sum, slots) => sum + slots.length, 0);
  let n = 0;
  let offset = 0;
  brief.platforms.forEach((platform, platformIndex) => {
    const formats = PLATFORM_FORMATS[platform.id];
    const slots = weeklySlots[platformIndex]!;
    for (let week = 0; week < brief.weeks; week++) {
      slots.forEach((slot, slotIndex) => {
        const date = addDays(brief.start_date, week * 7 + ((slot.weekday - firstWeekday + 7) % 7));
        const theme = brief.themes[n % brief.themes.length]!;
        // Pillars rotate on their own cycle, or follow the fortnight's pillar sequence when given (each post of a
        // fortnight takes its own place in it, turned by one each fortnight).
        const sequence = brief.pillar_sequence;
        const pillar = sequence?.length
          ? sequence[((week % 2) * perWeek + offset + slotIndex + Math.floor(week / 2)) % sequence.length]!
          : brief.pillars[(n + Math.floor(n / brief.themes.length)) % brief.pillars.length]!;
        const topic = midSentence(topicOf(theme, brief.brand_name), brief.language);
        const copySlots: CopySlots = { brand: brief.brand_name, topic, pillar, customers: brief.customers };
        const pointsAtGoal = n % 2 === 0 || platform.id === "google";
        const cta = pointsAtGoal
          ? pack.goalCtas[Math.floor(n / 2) % pack.goalCtas.length]!(brief.goal_cta)
          : pack.engageCtas[Math.floor(n / 2) % pack.engageCtas.length]!;
        const format = formats[(n + week) % formats.length]!;
        const tags = hashtagsFor(platform.id, brief.brand_name, [brief.industry, pillar, topic], pack);
        let written = writePost(platform.id, pack, copySlots, n + platformIndex, cta, format, tags);
        for (let attempt = 1; captions.has(written.caption) && attempt < pack.structures.length; attempt++) {
          written = writePost(platform.id, pack, copySlots, n + platformIndex + attempt, cta, format, tags);
        }
        captions.add(written.caption);
        posts.push({
          platform: platform.id,
          date,
          time: slot.time,
          pillar,
          theme,
          ...written,
          goal: goals[n % goals.length]!,
          ...(platform.id === "google" ? { cta_type: brief.cta_type } : {}),
          ...(brief.visual_prompts > 0 ? { visual_prompt_index: n % brief.visual_prompts } : {}),
        });
        n++;
      });
    }
    offset += slots.length;
  });
  return { posts: observeHolidays(posts, brief, pack) };
}

/** Posts on a public holiday: the first of the day acknowledges it (where its words fit the platform), the others go. */
function observeHolidays(posts: PlannedPostOutput[], brief: PlanBrief, pack: CopyPack): PlannedPostOutput[] {
  const holidays = new Map(brief.holidays.map((holiday) => [holiday.date, holiday.name]));
  const greeted = new Set<string>();
  const kept: PlannedPostOutput[] = [];
  for (const post of [...posts].sort((a, b) => `${a.date}${a.time}`.localeCompare(`${b.date}${b.time}`))) {
    const name = holidays.get(post.date);
    if (name === undefined) {
      kept.push(post);
      continue;
    }
    if (greeted.has(post.date)) continue;
    const caption = pack.holiday(name, brief.brand_name);
    const hashtags = post.hashtags.slice(0, 1);
    if (checkPost(post.platform, { caption, hashtags }).length > 0) continue;
    greeted.add(post.date);
    const { script: _script, ...rest } = post;
    kept.push({
      ...rest,
      caption,
      hashtags,
      format: "photo",
      holiday: name,
      visual_brief: pack.visual("photo", { brand: brief.brand_name, topic: name, pillar: post.pillar, customers: brief.customers }),
    });
  }
  return kept;
}

function hash(text: string): number {
  let value = 0;
  for (const char of text) value = (value * 31 + char.codePointAt(0)!) >>> 0;
  return value;
}

/** The offline rewrite: another structure than the post's current caption, shorter when asked, within the rules. */
export function rewritePost(brief: RewriteBrief): RewriteOutput {
  const pack = PACKS[brief.language ?? "en"] ?? PACKS.en;
  const language = brief.language ?? "en";
  const slots: CopySlots = {
    brand: brief.brand_name,
    topic: midSentence(topicOf(brief.theme, brief.brand_name), language),
    pillar: brief.pillar,
    customers: brief.customers ?? "customers",
  };
  const tags = (brief.hashtags.length > 0 ? brief.hashtags : hashtagsFor(brief.platform, brief.brand_name, [brief.pillar, slots.topic], pack)).filter(
    (tag) => !isStyleHashtag(tag),
  );
  const wantsShort = /\b(short|brief|concise|tight)/iu.test(brief.instruction ?? "");
  const start = hash(brief.caption + (brief.instruction ?? ""));
  const cta = brief.goal_cta ? pack.goalCtas[start % pack.goalCtas.length]!(brief.goal_cta) : pack.engageCtas[start % pack.engageCtas.length]!;
  const format = PLATFORM_FORMATS[brief.platform][0]!;
  for (let index = 0; index < pack.structures.length; index++) {
    const written = writePost(brief.platform, pack, slots, start + index, wantsShort ? "" : cta, format, tags);
    if (written.caption !== brief.caption && (!wantsShort || written.caption.length < brief.caption.length || index === pack.structures.length - 1)) {
      return { caption: written.caption, hashtags: written.hashtags };
    }
  }
  return {
    caption: join(brief.platform, [`${slots.topic.charAt(0).toUpperCase()}${slots.topic.slice(1)}.`]),
    hashtags: tags.slice(0, HASHTAGS_PER_POST[brief.platform]),
  };
}
