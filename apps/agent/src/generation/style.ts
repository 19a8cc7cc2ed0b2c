/**
 * Style instructions change how text is written, never what it says: a refine that asks for "a more playful and
 * relaxed tone" must not leave "In a relaxed, conversational voice:" in a theme or #RelaxedConversational in a post.
 * These helpers find and remove such leaks from any model's output.
 */

/** Words that describe a tone or style rather than a subject. */
const STYLE_WORDS = new Set(
  [
    "tone",
    "voice",
    "style",
    "playful",
    "relaxed",
    "casual",
    "conversational",
    "informal",
    "friendly",
    "fun",
    "funny",
    "witty",
    "formal",
    "professional",
    "polished",
    "serious",
    "corporate",
    "upbeat",
    "cheerful",
    "warm",
    "chatty",
    "laidback",
    "breezy",
    "lighthearted",
    "humorous",
    "energetic",
    "bold",
    "quirky",
    "cheeky",
    "punchy",
    "concise",
    "shorter",
    "longer",
    "more",
    "less",
    "lúdico",
    "relajado",
    "informal",
    "desenfadado",
    "cercano",
    "divertido",
    "tono",
    "voz",
    "locker",
    "lockerer",
    "verspielt",
    "entspannt",
    "humorvoll",
    "ton",
    "stimme",
    "förmlich",
    "ludique",
    "détendu",
    "décontracté",
    "enjoué",
    "convivial",
    "familier",
  ].map((word) => word.toLowerCase()),
);

/** The nouns among the style words: "Brand voice: ..." names a subject, "In a relaxed voice: ..." announces a style. */
const STYLE_NOUNS = new Set(["tone", "voice", "style", "tono", "voz", "ton", "stimme", "more", "less"]);

/** A lead that announces a style instead of writing in it: "In a relaxed, conversational voice: ". */
const STYLE_LEAD =
  /^\s*(?:(?:in|with|using)\s+an?\s+|written\s+in\s+an?\s+|en\s+(?:un|una)\s+|in\s+einem?\s+|avec\s+un\s+|sur\s+un\s+)?(?:[\p{L}-]+[,\s]+(?:and\s+|y\s+|und\s+|et\s+)?){0,4}(?:voice|tone|style|register|tono|voz|ton|stil|tonfall)\s*[:—–-]\s*/iu;

/** Whether a hashtag is made only of style words (#RelaxedConversational, #MorePlayful). */
export function isStyleHashtag(tag: string): boolean {
  const words = tag
    .replace(/^#/u, "")
    .replace(/([\p{Ll}\d])(\p{Lu})/gu, "$1 $2")
    .split(/[\s_]+/u)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
  return words.length > 0 && words.every((word) => STYLE_WORDS.has(word));
}

/** The words of an instruction that would leak if pasted (its content words of 4+ letters). */
function instructionPhrases(instruction: string): string[] {
  const clauses = instruction
    .split(/[.,;!?\n]|\band\b|\by\b|\bund\b|\bet\b/iu)
    .map((clause) => clause.trim())
    .filter((clause) => clause.split(/\s+/u).length >= 3);
  return clauses;
}

/** Text with an announced style lead removed, and any clause of the instruction pasted verbatim cut out. */
export function withoutStyleLeak(text: string, instruction = ""): string {
  let clean = text.replace(/\s*#[\p{L}\p{M}\p{Nd}_]+/gu, (tag) => (isStyleHashtag(tag.trim()) ? "" : tag));
  for (let guard = 0; guard < 3 && STYLE_LEAD.test(clean); guard++) {
    const match = STYLE_LEAD.exec(clean)!;
    const lead = match[0].toLowerCase();
    // Only a lead that names a style word (not "In our studio:") is a leak.
    if (![...STYLE_WORDS].some((word) => !STYLE_NOUNS.has(word) && new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, "iu").test(lead))) break;
    clean = clean.slice(match[0].length);
  }
  for (const phrase of instructionPhrases(instruction)) {
    const at = clean.toLowerCase().indexOf(phrase.toLowerCase());
    if (at >= 0) clean = `${clean.slice(0, at)}${clean.slice(at + phrase.length)}`.replace(/\s{2,}/gu, " ").replace(/^\s*[,:;—-]\s*/u, "");
  }
  clean = clean.trim();
  if (clean.length === 0) return text;
  return clean === text ? text : clean.charAt(0).toUpperCase() + clean.slice(1);
}

/**
 * A value with every string freed of style leaks: leads and pasted instructions in text, style-only hashtags
 * dropped from arrays of hashtags. Keys in `skip` (a note to the user that may quote the instruction) stay.
 */
export function scrubStyleLeaks<T>(value: T, instruction = "", skip: readonly string[] = []): T {
  const visit = (node: unknown, key?: string): unknown => {
    if (key !== undefined && skip.includes(key)) return node;
    if (typeof node === "string") return withoutStyleLeak(node, instruction);
    if (Array.isArray(node)) {
      const items = node.map((item) => visit(item));
      return items.filter((item) => !(typeof item === "string" && item.startsWith("#") && isStyleHashtag(item)));
    }
    if (node && typeof node === "object") return Object.fromEntries(Object.entries(node).map(([name, child]) => [name, visit(child, name)]));
    return node;
  };
  return visit(value) as T;
}

/** Whether any string of a value still carries a style leak (for tests and the plan's checks). */
export function hasStyleLeak(value: unknown, instruction = ""): boolean {
  return JSON.stringify(scrubStyleLeaks(value, instruction)) !== JSON.stringify(value);
}
