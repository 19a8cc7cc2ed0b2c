/** The languages the offline model writes; any other brief is answered in English, and says so. */
const WRITTEN_LANGUAGES = ["en", "es", "de", "fr"] as const;
export type WrittenLanguage = (typeof WRITTEN_LANGUAGES)[number];

/** A detected language: one the model writes, or another one it can name but not write. */
export type DetectedLanguage = WrittenLanguage | "it" | "pt" | "nl" | "other";

/** Frequent short words of each language: they decide the language of a text better than its nouns. */
const STOPWORDS: Record<Exclude<DetectedLanguage, "other">, string[]> = {
  en: ["the", "and", "of", "to", "in", "for", "with", "our", "your", "who", "more", "their", "on", "a", "is", "are", "by", "from", "at", "get", "grow", "people", "want", "new", "that", "this"],
  es: ["el", "la", "los", "las", "y", "de", "del", "que", "en", "para", "con", "por", "una", "un", "más", "sus", "nuestro", "nuestra", "es", "al", "años", "como", "buscan", "jóvenes"],
  de: ["der", "die", "das", "und", "für", "mit", "den", "dem", "von", "im", "in", "ein", "eine", "mehr", "zu", "ist", "auf", "aus", "unsere", "gewinnen", "jahre", "bei", "sich", "nicht"],
  fr: ["le", "la", "les", "et", "de", "des", "du", "pour", "avec", "en", "un", "une", "qui", "plus", "nos", "notre", "leur", "sur", "dans", "au", "aux", "ans", "est", "d'", "l'"],
  it: ["il", "lo", "gli", "e", "di", "della", "delle", "per", "con", "che", "nel", "una", "più", "anni", "nostro", "sono", "alla", "dei"],
  pt: ["o", "os", "as", "e", "de", "do", "da", "dos", "das", "para", "com", "que", "em", "uma", "mais", "nosso", "nossa", "não", "anos", "são"],
  nl: ["de", "het", "een", "en", "van", "voor", "met", "die", "op", "meer", "ons", "onze", "zijn", "jaar", "naar", "niet", "bij"],
};

/** Letters that only (or mostly) one language uses. */
const LETTERS: [RegExp, Exclude<DetectedLanguage, "other">][] = [
  [/[ñ¿¡]/i, "es"],
  [/[ßäöü]/i, "de"],
  [/[çœ]|[èêëàâîïôûù]/i, "fr"],
  [/[ãõ]/i, "pt"],
];

/** Human names of the languages, in English. */
export const LANGUAGE_NAMES: Record<DetectedLanguage, string> = {
  en: "English",
  es: "Spanish",
  de: "German",
  fr: "French",
  it: "Italian",
  pt: "Portuguese",
  nl: "Dutch",
  other: "a language other than English, Spanish, German or French",
};

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/([dl])['’]/g, "$1' ")
    .split(/[^\p{L}'’]+/u)
    .filter(Boolean);
}

/**
 * The language a text is written in, from its function words and accented letters. Short texts without any
 * telling word count as English (brand names and jargon such as "B2B SaaS" are English by default).
 */
export function detectLanguage(text: string): DetectedLanguage {
  const letters = text.match(/\p{L}/gu) ?? [];
  const latin = letters.filter((letter) => /[a-zà-ÿœ]/i.test(letter)).length;
  if (letters.length > 0 && latin / letters.length < 0.5) return "other";
  const scores = new Map<DetectedLanguage, number>();
  const tokens = words(text);
  for (const [language, list] of Object.entries(STOPWORDS) as [Exclude<DetectedLanguage, "other">, string[]][]) {
    const set = new Set(list);
    scores.set(language, tokens.filter((token) => set.has(token)).length);
  }
  for (const [pattern, language] of LETTERS) {
    const hits = text.match(new RegExp(pattern.source, "giu"))?.length ?? 0;
    scores.set(language, (scores.get(language) ?? 0) + Math.min(3, hits) * 0.75);
  }
  let best: DetectedLanguage = "en";
  let bestScore = 0;
  for (const [language, score] of scores) {
    if (score > bestScore || (score === bestScore && score > 0 && language === "en")) [best, bestScore] = [language, score];
  }
  return bestScore < 1 ? "en" : best;
}

/** The language the offline model answers in: the brief's own when it writes it, else English. */
export function answerLanguage(detected: DetectedLanguage): WrittenLanguage {
  return (WRITTEN_LANGUAGES as readonly string[]).includes(detected) ? (detected as WrittenLanguage) : "en";
}

/**
 * Function words (English, Spanish, German, French) a hashtag never ends with and a capital never starts
 * mid-sentence with: the plan's polish repairs them, the eval's plan checks count them.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  "from", "this", "that", "the", "a", "an", "and", "or", "of", "for", "to", "in", "on", "with", "at", "by", "your", "our",
  "de", "del", "la", "el", "y", "para", "con", "der", "die", "das", "und", "für", "mit", "von", "le", "les", "et", "pour", "avec", "des", "du",
]);
