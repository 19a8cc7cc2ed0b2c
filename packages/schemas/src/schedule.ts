/**
 * The structured posting schedule read from a strategy: its `platform_schedule` where the model wrote one, else
 * derived from the `posting_schedule` text ("Instagram: 4 posts a week ... around lunchtime and 7-9 pm"). Zod-free.
 */
import { mentionsPlatform, PLATFORMS, platformOf, type PlatformId } from "./platforms";

type Priority = "high" | "medium" | "low";

export interface ScheduleEntry {
  platform: string;
  posts_per_week: number;
  times: string[];
  weekdays?: number[];
}

/** Posts a week when the text names no frequency: a high-priority platform always gets more than a low one. */
export const DEFAULT_POSTS_PER_WEEK: Record<Priority, number> = { high: 3, medium: 2, low: 1 };

/** A platform's usual best time when the text names none (local time). */
export const DEFAULT_TIMES: Record<PlatformId, string> = {
  x: "08:30",
  instagram: "12:00",
  threads: "11:00",
  linkedin: "09:00",
  tiktok: "19:00",
  facebook: "13:00",
  pinterest: "20:00",
  youtube: "17:00",
  google: "10:00",
  bluesky: "10:30",
};

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  once: 1,
  two: 2,
  twice: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  un: 1,
  una: 1,
  uno: 1,
  une: 1,
  dos: 2,
  deux: 2,
  tres: 3,
  trois: 3,
  cuatro: 4,
  quatre: 4,
  cinco: 5,
  cinq: 5,
  ein: 1,
  eine: 1,
  einen: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
};
const NUMBER = `(\\d+|${Object.keys(NUMBER_WORDS).join("|")})`;
const WEEK = /(?:a|per|each|every|\/|\bx\s*\/)\s*week|a la semana|por semana|pro woche|in der woche|wöchentlich|par semaine|à la semaine/iu;
const DAY = /(?:a|per|each|every)\s+day|\bdaily\b|al día|por día|diario|pro tag|täglich|par jour|chaque jour|quotidien/iu;
const WEEKDAYS_ONLY = /\b(?:on )?weekdays\b|entre semana|werktags|an werktagen|en semaine/iu;
const WEEKENDS = /\bweekends?\b|fin(?:es)? de semana|wochenende|week-end/iu;
const DAY_NAMES: [RegExp, number][] = [
  [/\bmon(?:day)?\b|\blunes\b|\bmontag\b|\blundi\b/iu, 1],
  [/\btue(?:s|sday)?\b|\bmartes\b|\bdienstag\b|\bmardi\b/iu, 2],
  [/\bwed(?:nesday)?\b|\bmiércoles\b|\bmittwoch\b|\bmercredi\b/iu, 3],
  [/\bthu(?:rs|rsday)?\b|\bjueves\b|\bdonnerstag\b|\bjeudi\b/iu, 4],
  [/\bfri(?:day)?\b|\bviernes\b|\bfreitag\b|\bvendredi\b/iu, 5],
  [/\bsat(?:urday)?\b|\bsábado\b|\bsamstag\b|\bsamedi\b/iu, 6],
  [/\bsun(?:day)?\b|\bdomingo\b|\bsonntag\b|\bdimanche\b/iu, 7],
];

function number(word: string): number {
  return NUMBER_WORDS[word.toLowerCase()] ?? Number(word);
}

/** The part of a schedule text about one platform: the sentences (or clauses) that name it. */
function partAbout(text: string, platform: string): string | undefined {
  const id = platformOf(platform);
  const parts = text.split(/[;\n]|(?<=[.!?])\s+/u);
  const found = parts.filter((part) =>
    id ? mentionsPlatform(part, id) || part.toLowerCase().includes(PLATFORMS[id].label.toLowerCase()) : part.toLowerCase().includes(platform.toLowerCase()),
  );
  return found.length > 0 ? found.join(" ") : undefined;
}

/** Posts a week a text names ("4 posts a week", "1-2 posts a day on weekdays", "weekly"), if it names any. */
export function postsPerWeekIn(text: string): number | undefined {
  const perDay = new RegExp(`${NUMBER}(?:\\s*[-–]\\s*\\d+)?\\s+(?:[\\p{L}-]+\\s+){0,4}?(?:${DAY.source})`, "iu").exec(text);
  const perWeek = new RegExp(`${NUMBER}(?:\\s*[-–]\\s*\\d+)?\\s*(?:x|×|times)?\\s*(?:[\\p{L}-]+\\s+){0,5}?(?:${WEEK.source})`, "iu").exec(text);
  if (perWeek && (!perDay || perWeek.index <= perDay.index)) return Math.min(21, Math.max(1, number(perWeek[1]!)));
  if (perDay) return Math.min(21, number(perDay[1]!) * (WEEKDAYS_ONLY.test(text) ? 5 : 7));
  if (/\bdaily\b|täglich|a diario|chaque jour/iu.test(text)) return WEEKDAYS_ONLY.test(text) ? 5 : 7;
  if (/\b(?:weekly|every week|once a week)\b|cada semana|jede woche|chaque semaine|wöchentlich/iu.test(text)) return 1;
  return undefined;
}

function hhmm(hour: number, minute = 0): string | undefined {
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/** Local times a text names ("between 8 and 10 am", "7-9 pm", "um 18 Uhr", "entre las 20 y las 22", "lunchtime"). */
export function timesIn(text: string): string[] {
  const times: string[] = [];
  const add = (time: string | undefined) => time && !times.includes(time) && times.push(time);
  const twelve = /(\d{1,2})(?::(\d{2}))?\s*(?:(?:-|–|to|and)\s*\d{1,2}(?::\d{2})?\s*)?(am|pm)\b/giu;
  for (const match of text.matchAll(twelve)) add(hhmm((Number(match[1]) % 12) + (match[3]!.toLowerCase() === "pm" ? 12 : 0), Number(match[2] ?? 0)));
  const clock = /(?:\b(?:um|vers|à|a las|entre las|zwischen|gegen|hacia las|around|at)\s+)(\d{1,2})(?:[:.h](\d{2}))?(?!\s*(?:am|pm|\d|%|posts?|x\b))/giu;
  for (const match of text.matchAll(clock)) if (Number(match[1]) >= 6) add(hhmm(Number(match[1]), Number(match[2] ?? 0)));
  const hours = /\b(\d{1,2})(?:[:.](\d{2}))?\s*(?:[-–]\s*\d{1,2}\s*)?(?:h\b|uhr\b)/giu;
  for (const match of text.matchAll(hours)) if (Number(match[1]) >= 6) add(hhmm(Number(match[1]), Number(match[2] ?? 0)));
  if (/lunch|mediodía|mittag|midi/iu.test(text)) add("12:00");
  if (/\bmorning|mañana|morgens|vormittag|matin/iu.test(text)) add("09:00");
  if (/\bevening|tarde|abends|abend|soir/iu.test(text)) add("19:00");
  return times.slice(0, 4);
}

/** Weekdays a text prefers ("Tuesday to Thursday", "weekdays", "weekends"), 1 = Monday. */
export function weekdaysIn(text: string): number[] | undefined {
  const range = new RegExp(
    `(${DAY_NAMES.map(([pattern]) => pattern.source).join("|")})\\s*(?:to|-|–|bis|a|à|au)\\s*(${DAY_NAMES.map(([pattern]) => pattern.source).join("|")})`,
    "iu",
  ).exec(text);
  if (range) {
    const from = DAY_NAMES.find(([pattern]) => pattern.test(range[1]!))![1];
    const to = DAY_NAMES.find(([pattern]) => pattern.test(range[2]!))![1];
    if (from <= to) return Array.from({ length: to - from + 1 }, (_, index) => from + index);
  }
  if (WEEKDAYS_ONLY.test(text)) return [1, 2, 3, 4, 5];
  const named = DAY_NAMES.filter(([pattern]) => pattern.test(text)).map(([, day]) => day);
  if (named.length > 0) return named;
  if (WEEKENDS.test(text) && !/evenings? and weekends?/iu.test(text)) return [6, 7];
  return undefined;
}

/** A platform's schedule as the text states it, with the priority's defaults for what it does not say. */
export function scheduleFromText(text: string, recommendation: { platform: string; priority: Priority }): ScheduleEntry {
  const part = partAbout(text, recommendation.platform) ?? "";
  const id = platformOf(recommendation.platform);
  const times = timesIn(part);
  const weekdays = weekdaysIn(part);
  return {
    platform: recommendation.platform,
    posts_per_week: postsPerWeekIn(part) ?? DEFAULT_POSTS_PER_WEEK[recommendation.priority],
    times: times.length > 0 ? times : [id ? DEFAULT_TIMES[id] : "10:00"],
    ...(weekdays ? { weekdays } : {}),
  };
}

/**
 * The structured schedule of a strategy, one entry per recommended platform: the model's entry where it wrote one
 * for that platform, else the entry read from the text. Old strategies without `platform_schedule` read the same way.
 */
export function strategySchedule(output: {
  posting_schedule: string;
  platform_recommendations: { platform: string; priority: Priority }[];
  platform_schedule?: ScheduleEntry[];
}): ScheduleEntry[] {
  return output.platform_recommendations.map((recommendation) => {
    const id = platformOf(recommendation.platform);
    const written = output.platform_schedule?.find(
      (entry) => entry.platform === recommendation.platform || (id !== undefined && platformOf(entry.platform) === id),
    );
    return written ? { ...written, platform: recommendation.platform } : scheduleFromText(output.posting_schedule, recommendation);
  });
}

/** A strategy with its structured schedule complete: a model's answer without one (or missing a platform) is repaired from the text. */
export function withPlatformSchedule<T extends Parameters<typeof strategySchedule>[0]>(output: T): T & { platform_schedule: ScheduleEntry[] } {
  return { ...output, platform_schedule: strategySchedule(output) };
}
