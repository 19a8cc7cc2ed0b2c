import { Readability } from "@mozilla/readability";
import { metaContent, parseDocument, removeChrome } from "./dom.js";
import { detectInstructionToAI } from "./instruction-to-ai.js";
import { contentTerms, isBoilerplate, normalizeSpace, splitSentences, wordCount } from "./text.js";

/** An article's readable content, cleaned of chrome and of sentences addressed to AI systems. */
export interface Article {
  title: string;
  byline: string | undefined;
  siteName: string | undefined;
  lang: string | undefined;
  /** The kept paragraphs joined by blank lines. */
  text: string;
  /** Paragraphs and list items of the main content, in order, without boilerplate or instructions to AI systems. */
  paragraphs: string[];
  /** The article's own key sentences, in document order, chosen by position and term weight. */
  keyPoints: string[];
  /** What was left out: how many boilerplate paragraphs, and each sentence that addressed an AI system. */
  dropped: { boilerplate: number; instructionsToAI: string[] };
}

/** Options of the extractors. */
export interface ExtractOptions {
  /** How many key points to choose. Default: 5. */
  maxKeyPoints?: number;
}

const blockSelector = "p, li, blockquote, pre, dd, h1, h2, h3, h4, h5, h6";
const headingTags = new Set(["H1", "H2", "H3", "H4", "H5", "H6"]);

function linkDensity(element: Element, text: string): number {
  const linked = [...element.querySelectorAll("a")].reduce((total, link) => total + normalizeSpace(link.textContent ?? "").length, 0);
  return text.length === 0 ? 0 : linked / text.length;
}

/** The text blocks of a content fragment: innermost blocks only, headings left out unless asked for, link lists (menus) left out. */
function contentBlocks(root: ParentNode, withHeadings = false): { blocks: string[]; menus: number } {
  const blocks: string[] = [];
  let menus = 0;
  for (const element of root.querySelectorAll(blockSelector)) {
    if (element.querySelector(blockSelector) !== null || (!withHeadings && headingTags.has(element.tagName))) continue;
    const text = normalizeSpace(element.textContent ?? "");
    if (text === "") continue;
    if (linkDensity(element, text) > 0.7 && wordCount(text) <= 12) {
      menus += 1;
      continue;
    }
    blocks.push(text);
  }
  return { blocks, menus };
}

/** Removes boilerplate paragraphs and sentences addressed to AI systems; what is left keeps its order. */
function cleanParagraphs(blocks: readonly string[], dropped: Article["dropped"]): string[] {
  const paragraphs: string[] = [];
  for (const block of blocks) {
    if (isBoilerplate(block)) {
      dropped.boilerplate += 1;
      continue;
    }
    const kept: string[] = [];
    for (const sentence of splitSentences(block)) {
      if (detectInstructionToAI(sentence) === undefined) kept.push(sentence);
      else dropped.instructionsToAI.push(sentence);
    }
    if (kept.length > 0) paragraphs.push(kept.join(" "));
  }
  return paragraphs;
}

interface Candidate {
  sentence: string;
  order: number;
  paragraph: number;
  terms: Set<string>;
  score: number;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared += 1;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

/**
 * Chooses key sentences deterministically. A sentence scores the document frequency of its content words (terms of
 * the title count double, the sum divided by the square root of the term count), times a position weight that
 * favours early paragraphs and the first sentence of a paragraph (where articles state their point). Sentences
 * shorter than 6 or longer than 45 words are not candidates. Points are spread over the article: each paragraph gives
 * its best sentence first, and only then may a paragraph give a second one; a candidate sharing more than half its
 * terms with one already chosen is skipped. The chosen sentences come back in document order.
 */
export function chooseKeyPoints(paragraphs: readonly string[], title: string, maxKeyPoints = 5): string[] {
  const sentencesByParagraph = paragraphs.map((paragraph) => splitSentences(paragraph));
  const frequency = new Map<string, number>();
  for (const sentence of sentencesByParagraph.flat()) for (const term of contentTerms(sentence)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const titleTerms = new Set(contentTerms(title));
  const candidates: Candidate[] = [];
  let order = 0;
  sentencesByParagraph.forEach((sentences, paragraphIndex) => {
    const position = 1 + 0.5 * (1 - paragraphIndex / Math.max(1, paragraphs.length));
    sentences.forEach((sentence, sentenceIndex) => {
      order += 1;
      const words = wordCount(sentence);
      const terms = new Set(contentTerms(sentence));
      if (words < 6 || words > 45 || terms.size === 0) return;
      let weight = 0;
      for (const term of terms) weight += Math.log2(1 + (frequency.get(term) ?? 0)) * (titleTerms.has(term) ? 2 : 1);
      const score = (weight / Math.sqrt(terms.size)) * position * (sentenceIndex === 0 ? 1.5 : 1);
      candidates.push({ sentence, order, paragraph: paragraphIndex, terms, score });
    });
  });
  const ranked = [...candidates].sort((a, b) => b.score - a.score || a.order - b.order);
  const bestOfParagraph = new Set<Candidate>();
  const seenParagraphs = new Set<number>();
  for (const candidate of ranked) {
    if (seenParagraphs.has(candidate.paragraph)) continue;
    seenParagraphs.add(candidate.paragraph);
    bestOfParagraph.add(candidate);
  }
  const chosen: Candidate[] = [];
  for (const candidate of [...bestOfParagraph, ...ranked.filter((other) => !bestOfParagraph.has(other))]) {
    if (chosen.length >= maxKeyPoints) break;
    if (chosen.some((other) => overlap(other.terms, candidate.terms) > 0.5)) continue;
    chosen.push(candidate);
  }
  return chosen.sort((a, b) => a.order - b.order).map((candidate) => candidate.sentence);
}

function assemble(
  title: string,
  blocks: readonly string[],
  meta: Pick<Article, "byline" | "siteName" | "lang">,
  menus: number,
  options: ExtractOptions,
): Article {
  const dropped: Article["dropped"] = { boilerplate: menus, instructionsToAI: [] };
  const paragraphs = cleanParagraphs(blocks, dropped);
  const cleanTitle = detectInstructionToAI(title) === undefined ? title : "";
  return {
    title: cleanTitle,
    ...meta,
    text: paragraphs.join("\n\n"),
    paragraphs,
    keyPoints: chooseKeyPoints(paragraphs, cleanTitle, options.maxKeyPoints),
    dropped,
  };
}

/** Readability's view of the document, or null when it finds no article (or fails on markup it cannot walk). */
function readable(document: Document): ReturnType<Readability["parse"]> {
  try {
    return new Readability(document, { charThreshold: 200 }).parse();
  } catch {
    return null;
  }
}

/**
 * Extracts an article's main text from HTML with Mozilla Readability on a linkedom document, after removing the
 * page's chrome (navigation, footers, cookie banners, hidden elements). Returns the title, byline, paragraphs,
 * text and key points; boilerplate and sentences addressed to AI systems are dropped and counted. The text is
 * untrusted data: it is never markup, and it still belongs in a quoted slot of any prompt.
 */
export function extractArticle(html: string, url: string, options: ExtractOptions = {}): Article {
  const document = parseDocument(html);
  const fallbackTitle = normalizeSpace(
    metaContent(document, "og:title") ?? document.querySelector("title")?.textContent ?? document.querySelector("h1")?.textContent ?? "",
  );
  const siteName = metaContent(document, "og:site_name");
  const lang = document.documentElement?.getAttribute("lang") ?? undefined;
  removeChrome(document);
  const parsed = readable(document);
  let blocks: string[] = [];
  let menus = 0;
  if (parsed?.content) {
    ({ blocks, menus } = contentBlocks(parseDocument(`<!doctype html><html><body>${parsed.content}</body></html>`)));
  }
  if (blocks.length === 0) {
    const rest = parseDocument(html);
    removeChrome(rest);
    ({ blocks, menus } = contentBlocks(rest));
  }
  const title = normalizeSpace(parsed?.title ?? "") || fallbackTitle || new URL(url).hostname;
  return assemble(
    title,
    blocks,
    { byline: normalizeSpace(parsed?.byline ?? "") || undefined, siteName: normalizeSpace(parsed?.siteName ?? "") || siteName, lang: parsed?.lang ?? lang },
    menus,
    options,
  );
}

/** The same extraction for pasted text: paragraphs are separated by blank lines. */
export function extractPastedArticle(text: string, title: string, options: ExtractOptions = {}): Article {
  const blocks = text
    .split(/\n\s*\n/)
    .map(normalizeSpace)
    .filter((block) => block !== "");
  return assemble(normalizeSpace(title), blocks, { byline: undefined, siteName: undefined, lang: undefined }, 0, options);
}

/**
 * Extracts the text of a page that is not an article (a home, about or services page): every content block of the
 * page after its chrome is removed, headings included, cleaned like an article. Readability is not used here because
 * it keeps one block of a landing page and drops its other sections.
 */
export function extractPage(html: string, url: string, options: ExtractOptions = {}): Article {
  const document = parseDocument(html);
  const title = normalizeSpace(document.querySelector("title")?.textContent ?? "") || new URL(url).hostname;
  const siteName = metaContent(document, "og:site_name");
  const lang = document.documentElement?.getAttribute("lang") ?? undefined;
  removeChrome(document);
  const { blocks, menus } = contentBlocks(document, true);
  return assemble(title, blocks, { byline: undefined, siteName, lang }, menus, options);
}
