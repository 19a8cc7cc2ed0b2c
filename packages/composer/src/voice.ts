import { bannedWordsPattern, platformOf, type BrandVoice, type PlatformId, type StrategyOutput } from "@strategist/schemas";
import { answerLanguage, detectLanguage, type WrittenLanguage } from "./language";

/** What stands in for a text that was nothing but banned words: visible, and never a word. */
const EMPTIED = "—";

/** Removes every banned word from a text (whole words, any case), tidying the spaces and punctuation left behind. */
export function scrubBannedWords(text: string, banned: readonly string[]): string {
  const pattern = bannedWordsPattern(banned);
  if (!pattern) return text;
  let value = text.normalize("NFC");
  // Removing a word can bring two others together into a banned phrase: repeat until none is left.
  while (value.search(pattern) >= 0) {
    value = value
      .replace(pattern, "")
      .replace(/#(?![\p{L}\p{N}_])/gu, "")
      .replace(/[ \t]{2,}/g, " ")
      .replace(/ +([,.;:!?)])/g, "$1")
      .replace(/(["“'‘(])\s*(["”'’)])/g, "")
      .trim()
      // A conjunction left dangling at either end ("Community and partnerships" without "community").
      .replace(/^(?:and|or|&)\s+|\s+(?:and|or|&)$/giu, "")
      .trim();
    if (/^\p{Ll}/u.test(value) && /^\p{Lu}/u.test(text.trim())) value = value.charAt(0).toUpperCase() + value.slice(1);
  }
  return /[\p{L}\p{N}]/u.test(value) ? value : EMPTIED;
}

/** A deep copy of a value with the banned words removed from every string in it. */
export function scrubValue<T>(value: T, banned: readonly string[]): T {
  if (banned.length === 0) return value;
  if (typeof value === "string") return scrubBannedWords(value, banned) as T;
  if (Array.isArray(value)) return (value as unknown[]).map((item) => scrubValue(item, banned)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubValue(item, banned)])) as T;
  }
  return value;
}

const FORMAL_TONES = ["formal", "professional", "expert", "authoritative", "corporate", "polished", "serious", "precise", "academic", "respectful"];
const CASUAL_TONES = ["casual", "friendly", "playful", "fun", "warm", "relaxed", "witty", "cheeky", "chatty", "laid-back", "bold", "quirky", "conversational"];

/** Which way the tone words lean: formal, casual, or neither. */
function register(tone: readonly string[]): "formal" | "casual" | "neutral" {
  const words = tone.map((word) => word.toLowerCase());
  const formal = words.filter((word) => FORMAL_TONES.some((marker) => word.includes(marker))).length;
  const casual = words.filter((word) => CASUAL_TONES.some((marker) => word.includes(marker))).length;
  return formal > casual ? "formal" : casual > formal ? "casual" : "neutral";
}

const CONTRACTIONS: [string, string][] = [
  ["do not", "don't"],
  ["does not", "doesn't"],
  ["cannot", "can't"],
  ["it is", "it's"],
  ["you are", "you're"],
  ["we are", "we're"],
  ["they are", "they're"],
  ["you will", "you'll"],
  ["we will", "we'll"],
  ["that is", "that's"],
];

function replaceWords(text: string, pairs: [string, string][]): string {
  return pairs.reduce(
    (value, [from, to]) =>
      value.replace(new RegExp(`(?<![\\p{L}])${from.replace("'", "['’]")}(?![\\p{L}])`, "giu"), (match) => (match[0] === match[0]!.toUpperCase() ? to[0]!.toUpperCase() + to.slice(1) : to)),
    text,
  );
}

/** Formal copy spells words out; casual copy contracts them. */
function inRegister(text: string, tone: "formal" | "casual" | "neutral"): string {
  if (tone === "formal") return replaceWords(text, CONTRACTIONS.map(([long, short]) => [short, long]));
  if (tone === "casual") return replaceWords(text, CONTRACTIONS);
  return text;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** How many hashtags each platform's posts carry at most, by the platform's own norms. */
const HASHTAGS_PER_PLATFORM: Partial<Record<PlatformId, number>> = { instagram: 5, tiktok: 4, linkedin: 3, x: 2, facebook: 2, pinterest: 3, youtube: 3 };

/** The voice's own words in each language the composer writes. */
const VOICE_COPY: Record<
  WrittenLanguage,
  { formal: (item: string) => string; casual: (item: string) => string; formalNote: string; casualNote: string; always: string; never: string; mood: string; hashtags: string }
> = {
  en: {
    formal: (item) => `We recommend that you ${lowerFirst(item)}.`,
    casual: (item) => `Try this: ${lowerFirst(item)}!`,
    formalNote: "Maintain a consistent, professional register in every post.",
    casualNote: "Keep it relaxed and chatty: write the way you'd talk to a regular.",
    always: "Always:",
    never: "Never:",
    mood: "Mood:",
    hashtags: "Use the brand's own hashtags where the platform allows them, never more than its norm:",
  },
  es: {
    formal: (item) => `Recomendamos: ${item}.`,
    casual: (item) => `Prueba esto: ${item}!`,
    formalNote: "Mantén un registro profesional y coherente en cada publicación.",
    casualNote: "Mantenlo relajado y cercano: escribe como le hablarías a un cliente habitual.",
    always: "Siempre:",
    never: "Nunca:",
    mood: "Tono:",
    hashtags: "Usa los hashtags propios de la marca donde la plataforma lo permita, sin pasar de su norma:",
  },
  de: {
    formal: (item) => `Wir empfehlen: ${item}.`,
    casual: (item) => `Probier das: ${item}!`,
    formalNote: "Bleibe in jedem Beitrag bei einem einheitlichen, professionellen Ton.",
    casualNote: "Bleib locker und nahbar: schreib so, wie du mit Stammkunden sprichst.",
    always: "Immer:",
    never: "Nie:",
    mood: "Stimmung:",
    hashtags: "Nutze die eigenen Hashtags der Marke, wo die Plattform sie zulässt, nie mehr als dort üblich:",
  },
  fr: {
    formal: (item) => `Nous recommandons : ${item}.`,
    casual: (item) => `Essaie ça : ${item} !`,
    formalNote: "Gardez un registre professionnel et cohérent dans chaque publication.",
    casualNote: "Reste détendu et proche : écris comme tu parlerais à un habitué.",
    always: "Toujours :",
    never: "Jamais :",
    mood: "Ambiance :",
    hashtags: "Utilisez les hashtags de la marque là où la plateforme les accepte, sans dépasser sa norme :",
  },
};

/** The tactic that puts the brand's hashtags where they fit each recommended platform's rules. */
function hashtagTactic(lead: string, hashtags: readonly string[], platforms: readonly string[]): string | undefined {
  if (hashtags.length === 0) return undefined;
  const uses = platforms
    .map((platform) => {
      const id = platformOf(platform);
      const limit = (id && HASHTAGS_PER_PLATFORM[id]) ?? 2;
      return `${platform}: ${hashtags.slice(0, limit).join(" ")}`;
    })
    .join("; ");
  return clip(`${lead} ${uses}`, 1000);
}

/**
 * Writes a strategy in a brand's voice, deterministically: the tone moves the wording (formal copy spells words out
 * and recommends, casual copy contracts and invites), the do and don't lists become the schedule's voice rules,
 * preferred hashtags are placed per platform within each platform's norm, and banned words are removed from every
 * string last, so none survives whatever the brief or the templates contained.
 */
export function applyVoice(strategy: StrategyOutput, voice: BrandVoice | undefined): StrategyOutput {
  if (!voice) return strategy;
  // The voice speaks the strategy's language; contractions are English only.
  const language = answerLanguage(detectLanguage([...strategy.content_themes, strategy.posting_schedule].join(" ")));
  const copy = VOICE_COPY[language];
  const tone = register(voice.tone);
  const wording = language === "en" ? tone : "neutral";
  const banned = voice.banned_words;
  const usable = banned.length === 0 ? voice.preferred_hashtags : voice.preferred_hashtags.filter((tag) => !bannedWordsPattern(banned)!.test(tag));
  const rules = [
    voice.do.length > 0 ? `${copy.always} ${voice.do.slice(0, 3).map((rule) => clip(rule, 100)).join("; ")}.` : "",
    voice.dont.length > 0 ? `${copy.never} ${voice.dont.slice(0, 3).map((rule) => clip(rule, 100)).join("; ")}.` : "",
  ].filter(Boolean);
  const registerNote = { formal: copy.formalNote, casual: copy.casualNote, neutral: "" }[tone];
  const toneWords = voice.tone.length > 0 ? ` ${copy.mood} ${voice.tone.join(", ")}.` : "";
  const tactic = hashtagTactic(copy.hashtags, usable, strategy.platform_recommendations.map((recommendation) => recommendation.platform));

  const voiced: StrategyOutput = {
    ...strategy,
    posting_schedule: clip([strategy.posting_schedule, registerNote, ...rules].filter(Boolean).join(" "), 4000),
    engagement_tactics: [
      ...strategy.engagement_tactics.map((item) =>
        tone === "formal" ? copy.formal(item) : tone === "casual" ? copy.casual(item) : item,
      ),
      ...(tactic && strategy.engagement_tactics.length < 20 ? [tactic] : []),
    ],
    visual_prompts: strategy.visual_prompts.map((prompt) => clip(`${prompt}${toneWords}`, 2000)),
  };
  return scrubValue(
    {
      ...voiced,
      content_pillars: voiced.content_pillars.map((item) => inRegister(item, wording)),
      posting_schedule: inRegister(voiced.posting_schedule, wording),
      content_themes: voiced.content_themes.map((item) => inRegister(item, wording)),
      engagement_tactics: voiced.engagement_tactics.map((item) => inRegister(item, wording)),
      platform_recommendations: voiced.platform_recommendations.map((item) => ({ ...item, rationale: inRegister(item.rationale, wording) })),
    },
    banned,
  );
}
