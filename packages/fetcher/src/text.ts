const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** Collapses runs of white space (including non-breaking spaces) to one space and trims. */
export function normalizeSpace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}

/** Splits text into sentences with the Unicode sentence rules (Intl.Segmenter), trimmed and non-empty. */
export function splitSentences(text: string): string[] {
  return [...segmenter.segment(text)].map((part) => normalizeSpace(part.segment)).filter((sentence) => sentence !== "");
}

/** Counts the words of a text. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

const stopwords = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does " +
    "doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself " +
    "just let me more most my myself no nor not now of off on once only or other our ours ourselves out over own same she should so some such " +
    "than that the their theirs them themselves then there these they this those through to too under until up us very was we were what when " +
    "where which while who whom why will with would you your yours yourself yourselves one two also may might must shall get got make made " +
    "many much every per via yet still even ever new way ways thing things"
  ).split(" "),
);

/** The content words of a text: lower case, stop words and one- or two-letter words left out. */
export function contentTerms(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [])
    .map((term) => term.replace(/['’]s$/, ""))
    .filter((term) => term.length > 2 && !stopwords.has(term));
}

const boilerplatePatterns: readonly RegExp[] = [
  /\b(?:we|this (?:site|website)) uses? cookies\b/i,
  /\bcookies?\b[^.]{0,60}\b(?:accept|consent|preferences|settings|policy|experience|analytics)\b/i,
  /\b(?:accept all|reject all|manage (?:cookies|preferences|consent)|cookie settings)\b/i,
  /\ball rights reserved\b/i,
  /(?:^|\s)(?:©|\(c\)|copyright)\s*(?:©\s*)?\d{4}/i,
  /\b(?:subscribe|sign up)\b[^.]{0,30}\bnewsletter\b/i,
  /^(?:share(?: this)?(?: on)?|follow us|skip to (?:main )?content|back to top|read more|related (?:posts|articles|stories)|tags?:|posted in|filed under|leave a (?:comment|reply)|previous post|next post|table of contents)\b/i,
];

const shortBoilerplatePatterns: readonly RegExp[] = [
  /\bprivacy policy\b/i,
  /\bterms (?:of (?:use|service)|and conditions)\b/i,
  /\b(?:log|sign) ?in\b/i,
  /\bmenu\b/i,
];

/**
 * True for text that belongs to a page's chrome rather than its content: cookie banners, copyright lines,
 * newsletter prompts, share/follow/"read more" links, and short lines naming the privacy policy, terms or log-in.
 */
export function isBoilerplate(text: string): boolean {
  if (boilerplatePatterns.some((pattern) => pattern.test(text))) return true;
  return wordCount(text) <= 12 && shortBoilerplatePatterns.some((pattern) => pattern.test(text));
}
