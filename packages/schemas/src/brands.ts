import unhomoglyph from "unhomoglyph";
import { z } from "zod";
import { BRAND_LIMITS } from "./brand-limits";
import { canonicalTimeZone, isTimeZone } from "./time-zone";
import { multiLine, singleLine } from "./text-rules";

export { BRAND_LIMITS, EMPTY_VOICE } from "./brand-limits";

const NUL_FREE = { error: "Must not contain NUL characters" } as const;

/** Trimmed, non-empty, bounded, NUL-free text: the brief's rules for a user-typed field. */
function text(max: number) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? "Field required" : "Must be a string") })
    .trim()
    .min(1, { error: "Must not be empty or only whitespace" })
    .max(max, { error: `Must be at most ${max} characters` })
    .refine((value) => !value.includes("\u0000"), NUL_FREE);
}

/** A bounded list of bounded items, without duplicates (compared case-insensitively). */
function list<T extends z.ZodType<string>>(item: T, maxItems: number) {
  return z
    .array(item, { error: (issue) => (issue.input === undefined ? "Field required" : "Must be a list") })
    .max(maxItems, { error: `Must have at most ${maxItems} items` })
    .refine((items) => new Set(items.map((value) => value.toLocaleLowerCase())).size === items.length, { error: "Must not repeat an item" });
}

/** Letters, digits and combining marks: what a banned word must start and end with, and what whole-word matching sees as inside a word. */
const WORD_CHAR = "\\p{L}\\p{N}\\p{M}";

/** A banned word or short phrase: letters and digits, with inner spaces, hyphens or apostrophes. */
const bannedWord = text(BRAND_LIMITS.banned_words.length).regex(new RegExp(`^[${WORD_CHAR}](?:[${WORD_CHAR}'’ -]*[${WORD_CHAR}])?$`, "u"), {
  error: "Must be a word or phrase of letters and digits",
});

/** A hashtag: `#` (added when missing) then letters, digits or underscores. */
const hashtag = z
  .string({ error: "Must be a string" })
  .trim()
  .overwrite((value) => (value.startsWith("#") ? value : `#${value}`))
  .regex(/^#[\p{L}\p{N}\p{M}_]+$/u, { error: "Must be a hashtag: letters, digits or underscores after #" })
  .max(BRAND_LIMITS.preferred_hashtags.length, { error: `Must be at most ${BRAND_LIMITS.preferred_hashtags.length} characters` });

/** The voice's lists, each bounded; shared by the voice and its PATCH. */
const VOICE_LISTS = {
  tone: list(singleLine(text(BRAND_LIMITS.tone.length)), BRAND_LIMITS.tone.items).describe("Tone words, e.g. warm, expert (at most 5)"),
  do: list(singleLine(text(BRAND_LIMITS.do.length)), BRAND_LIMITS.do.items).describe("What the brand's copy always does"),
  dont: list(singleLine(text(BRAND_LIMITS.dont.length)), BRAND_LIMITS.dont.items).describe("What the brand's copy never does"),
  banned_words: list(bannedWord, BRAND_LIMITS.banned_words.items).describe("Words that never appear in anything written for the brand (whole word, any case)"),
  preferred_hashtags: list(hashtag, BRAND_LIMITS.preferred_hashtags.items).describe("Hashtags to use where the platform allows"),
};

/** A brand's voice: how its copy sounds, and the words it never uses. Lists left out are empty. */
export const BrandVoice = z
  .strictObject({
    tone: VOICE_LISTS.tone.default([]),
    do: VOICE_LISTS.do.default([]),
    dont: VOICE_LISTS.dont.default([]),
    banned_words: VOICE_LISTS.banned_words.default([]),
    preferred_hashtags: VOICE_LISTS.preferred_hashtags.default([]),
  })
  .meta({ id: "BrandVoice" });
export type BrandVoice = z.infer<typeof BrandVoice>;

/** Stored in its canonical spelling (`europe/berlin` → `Europe/Berlin`). */
const timezone = singleLine(text(BRAND_LIMITS.timezone))
  .refine(isTimeZone, { error: "Must be an IANA time zone such as Europe/Berlin" })
  .overwrite(canonicalTimeZone);
const samplePosts = z
  .array(multiLine(text(BRAND_LIMITS.sample_posts.length)), { error: "Must be a list" })
  .max(BRAND_LIMITS.sample_posts.items, { error: `Must have at most ${BRAND_LIMITS.sample_posts.items} items` });

/** POST /api/brands: a brand profile. */
export const BrandCreate = z
  .strictObject({
    name: singleLine(text(BRAND_LIMITS.name)).describe("Brand name; prefills the brief's brand_name"),
    industry: singleLine(text(BRAND_LIMITS.industry)).describe("Prefills the brief's industry"),
    target_audience: multiLine(text(BRAND_LIMITS.target_audience)).describe("Prefills the brief's target_audience"),
    goals: multiLine(text(BRAND_LIMITS.goals)).optional().describe("Prefills the brief's goals"),
    voice: BrandVoice.default({ tone: [], do: [], dont: [], banned_words: [], preferred_hashtags: [] }),
    sample_posts: samplePosts.default([]).describe("Up to 5 posts in the brand's voice, each at most 2,200 characters"),
    default_timezone: timezone.optional().describe("IANA time zone for plans, e.g. Europe/Berlin"),
  })
  .meta({ id: "BrandCreate" });
export type BrandCreate = z.infer<typeof BrandCreate>;

/** PATCH /api/brands/:id: any field; `voice` merges key by key; `null` clears goals or the time zone. */
export const BrandPatch = z
  .strictObject({
    name: singleLine(text(BRAND_LIMITS.name)).optional(),
    industry: singleLine(text(BRAND_LIMITS.industry)).optional(),
    target_audience: multiLine(text(BRAND_LIMITS.target_audience)).optional(),
    goals: multiLine(text(BRAND_LIMITS.goals)).nullable().optional(),
    voice: z
      .strictObject({
        tone: VOICE_LISTS.tone.optional(),
        do: VOICE_LISTS.do.optional(),
        dont: VOICE_LISTS.dont.optional(),
        banned_words: VOICE_LISTS.banned_words.optional(),
        preferred_hashtags: VOICE_LISTS.preferred_hashtags.optional(),
      })
      .optional()
      .describe("Lists given replace the brand's; lists left out stay as they are"),
    sample_posts: samplePosts.optional(),
    default_timezone: timezone.nullable().optional(),
  })
  .meta({ id: "BrandPatch" });
export type BrandPatch = z.infer<typeof BrandPatch>;

/** A stored brand profile as the API returns it. */
export const Brand = z
  .object({
    id: z.string().min(1),
    name: z.string(),
    industry: z.string(),
    target_audience: z.string(),
    goals: z.string().optional(),
    voice: BrandVoice,
    sample_posts: z.array(z.string()),
    default_timezone: z.string().optional(),
    created_at: z.iso.datetime({ offset: true }),
    updated_at: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "Brand" });
export type Brand = z.infer<typeof Brand>;

export const BrandList = z.array(Brand).meta({ id: "BrandList" });

export const BrandIdParams = z.strictObject({ id: z.string().min(1).max(200) });

/** POST /api/brands/voice/suggest: sample posts to learn a voice from, before (or without) saving them on a brand. */
export const VoiceSuggestRequest = z
  .strictObject({
    sample_posts: samplePosts
      .min(1, { error: "Add at least one sample post to learn a voice from" })
      .describe("1 to 5 posts in the brand's voice, each at most 2,200 characters"),
    banned_words: VOICE_LISTS.banned_words.default([]).describe("The brand's banned words: nothing suggested uses one, and they come back unchanged"),
  })
  .meta({ id: "VoiceSuggestRequest" });
export type VoiceSuggestRequest = z.infer<typeof VoiceSuggestRequest>;

/** POST /api/brands/:id/voice/suggest and /api/brands/voice/suggest: a voice to review and accept with a PATCH; nothing is changed by asking. */
export const VoiceSuggestion = z
  .object({
    voice: BrandVoice.describe("The suggested voice; banned_words are the brand's own, never suggested"),
    method: z.literal("heuristic").describe("How it was learned: counted from the sample posts, not written by a model"),
    explanation: z.string().describe("What the suggestion is based on, in one paragraph"),
    signals: z.object({
      posts: z.number().int().nonnegative(),
      average_sentence_words: z.number().nonnegative(),
      emoji_per_post: z.number().nonnegative(),
      exclamations_per_post: z.number().nonnegative(),
      formal_markers: z.number().int().nonnegative(),
      casual_markers: z.number().int().nonnegative(),
    }),
  })
  .meta({ id: "VoiceSuggestion" });
export type VoiceSuggestion = z.infer<typeof VoiceSuggestion>;

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * One pattern matching any banned word as a whole word, case-insensitively and Unicode-aware: a match is not
 * preceded or followed by a letter, digit or combining mark. Inner spaces match any run of whitespace.
 */
export function bannedWordsPattern(words: readonly string[]): RegExp | undefined {
  const alternatives = words
    .map((word) => word.normalize("NFC").trim())
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .map((word) => escapeRegExp(word).replace(/\s+/g, "\\s+"));
  if (alternatives.length === 0) return undefined;
  return new RegExp(`(?<![${WORD_CHAR}])(?:${alternatives.join("|")})(?![${WORD_CHAR}])`, "giu");
}

/**
 * The confusable skeleton of Unicode TR39: NFD, each character mapped to its prototype (confusables.txt, as shipped
 * by unhomoglyph), NFD. ASCII digits stay digits: TR39 maps `1` to `l` and `0` to `O`, which would make "10 posts" a
 * use of a banned "lo"; a digit is a number in a caption, not a disguised letter.
 */
function skeleton(value: string): string {
  return value
    .split(/([0-9]+)/u)
    .map((part, index) => (index % 2 === 1 ? part : unhomoglyph(part.normalize("NFD")).normalize("NFD")))
    .join("");
}

/**
 * The form in which look-alike spellings meet: format characters removed (zero-width spaces and joiners, soft
 * hyphens), lower case, the TR39 skeleton; then NFKC (fullwidth and other compatibility letters become plain ones)
 * and the skeleton again, since each step can reveal what the other maps (`ϲ` is a `c` to the skeleton but a `ς`
 * to NFKC), lower-cased last because prototypes may be capitals (`0` → `O`). Two spellings that look alike have
 * the same form; the form is for comparing, never for showing.
 */
export function comparableForm(value: string): string {
  const once = skeleton(value.replace(/\p{Cf}/gu, "").toLowerCase());
  return skeleton(once.normalize("NFKC").toLowerCase()).toLowerCase();
}

/**
 * The banned words a text uses, as written in the banned list, in list order: a word is found as written, and in
 * any spelling whose comparable form (comparableForm) is the word's.
 */
export function findBannedWords(value: string, words: readonly string[]): string[] {
  if (words.length === 0) return [];
  const matcher = bannedWordMatcher(words);
  const normalized = value.normalize("NFC");
  const comparable = comparableForm(value);
  if (!matcher.any.test(normalized) && !matcher.anyComparable.test(comparable)) return [];
  return words.filter((_, index) => matcher.each[index]!.plain?.test(normalized) || matcher.each[index]!.comparable?.test(comparable));
}

/** The patterns of one banned list, as written and in comparable form. */
interface BannedWordMatcher {
  any: RegExp;
  anyComparable: RegExp;
  each: { plain?: RegExp; comparable?: RegExp }[];
}

/** Matchers of the banned lists seen lately: a validation loop checks every string of an output against one list. */
const matchers = new Map<string, BannedWordMatcher>();
const MATCHERS_KEPT = 64;
const NEVER = /(?!)/;

function bannedWordMatcher(words: readonly string[]): BannedWordMatcher {
  const key = words.join("\u0000");
  let matcher = matchers.get(key);
  if (!matcher) {
    const comparable = words.map(comparableForm);
    // Kept patterns test without the global flag, so a test never starts where the last one stopped.
    const pattern = (list: string[]) => {
      const global = bannedWordsPattern(list);
      return global && new RegExp(global.source, "iu");
    };
    matcher = {
      any: pattern([...words]) ?? NEVER,
      anyComparable: pattern(comparable) ?? NEVER,
      each: words.map((word, index) => ({ plain: pattern([word]), comparable: pattern([comparable[index]!]) })),
    };
    if (matchers.size >= MATCHERS_KEPT) matchers.delete(matchers.keys().next().value!);
    matchers.set(key, matcher);
  }
  return matcher;
}

/** Every string inside a value (objects and arrays walked), with its path. */
function stringsIn(value: unknown, path: PropertyKey[] = []): { path: PropertyKey[]; text: string }[] {
  if (typeof value === "string") return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringsIn(item, [...path, index]));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, item]) => stringsIn(item, [...path, key]));
  return [];
}

/** Where a value uses a banned word: each string's path and the words it uses. */
export function bannedWordUses(value: unknown, words: readonly string[]): { path: PropertyKey[]; words: string[] }[] {
  if (words.length === 0) return [];
  return stringsIn(value)
    .map(({ path, text: found }) => ({ path, words: findBannedWords(found, words) }))
    .filter((use) => use.words.length > 0);
}

/** The message a banned word gets, in validation errors the model reads and in 400s users read. */
export function bannedWordMessage(words: readonly string[]): string {
  return `Uses the banned word${words.length > 1 ? "s" : ""} ${words.map((word) => `"${word}"`).join(", ")}: the brand never uses ${words.length > 1 ? "them" : "it"}; rewrite without ${words.length > 1 ? "them" : "it"}`;
}

/**
 * A schema that also rejects any string using one of the brand's banned words, so a structured-output loop feeds
 * the problem back to the model, and a user's edit gets a 400 naming the word. `skip` names top-level keys that are
 * not writing for the brand (a refine's note to the user). Without banned words it is the schema itself.
 */
export function withoutBannedWords<T extends z.ZodType>(schema: T, words: readonly string[], skip: readonly string[] = []): T {
  if (words.length === 0) return schema;
  return schema.superRefine((value, ctx) => {
    for (const use of bannedWordUses(value, words).filter((found) => !skip.includes(String(found.path[0])))) {
      ctx.addIssue({ code: "custom", path: use.path, message: bannedWordMessage(use.words) });
    }
  });
}
