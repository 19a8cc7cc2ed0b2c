import { metaContent, parseDocument } from "./dom.js";
import { FetchRefused, type FetchRefusalReason } from "./errors.js";
import { extractPage, extractPastedArticle, type Article } from "./extract.js";
import { fetchPage, type FetchedPage, type FetchPageOptions } from "./fetch-page.js";
import type { RobotsCache, RobotsPolicy } from "./robots.js";
import { industryHints, isAudienceSentence, isGoalSentence, isSampleSentence, nameFromHostname, nameFromTitles, type IndustryHint } from "./site-signals.js";
import { normalizeSpace, splitSentences } from "./text.js";

/** What a website says about its business, in its own words, for a brand suggestion. */
export interface SiteSummary {
  /** The final URL of the page asked for. */
  url: string;
  name: string;
  description: string | undefined;
  industryHints: IndustryHint[];
  /** Sentences that say whom the business is for (about pages first). */
  audienceSentences: string[];
  /** Sentences that state a mission, goal or belief. */
  goals: string[];
  /** Sentences in the site's own words, to show its voice. */
  sampleSentences: string[];
  /** The metadata of the page asked for. */
  metadata: { title: string | undefined; siteName: string | undefined; description: string | undefined; lang: string | undefined };
  /** The URLs read, the page asked for first. */
  sources: string[];
  /** Same-site pages that were chosen but could not be read, and why. */
  skipped: { url: string; reason: FetchRefusalReason; detail: string }[];
}

/** How many same-site pages are read besides the one asked for. */
export const maxSitePages = 4;

const pageKinds: readonly { pattern: RegExp; score: number }[] = [
  { pattern: /\babout\b|who[- ]we[- ]are|our[- ]story|\bstory\b|\bcompany\b|\bmission\b/i, score: 5 },
  { pattern: /\bservices?\b|what[- ]we[- ]do|\bsolutions?\b|\bexpertise\b|\bofferings?\b/i, score: 4 },
  { pattern: /\bproducts?\b|\bshop\b|\bmenu\b|\bcatalog(?:ue)?\b|\bcollections?\b/i, score: 3 },
  { pattern: /\bteam\b|\bpeople\b|\bfounders?\b/i, score: 3 },
  { pattern: /\bcustomers\b|\bclients\b|case[- ]stud|\bindustries\b|who[- ]we[- ]serve/i, score: 2 },
];

const notDescriptive =
  /log[- ]?in|sign[- ]?(?:in|up)|cart|checkout|account|privacy|terms|cookie|legal|imprint|careers|jobs|\bblog\/.|\bnews\/.|feed|search|wp-admin/i;
const fileExtension = /\.(?:pdf|jpe?g|png|gif|webp|svg|zip|mp[34]|docx?|xlsx?|xml|json|rss)$/i;

function sameSite(a: URL, b: URL): boolean {
  return a.protocol.startsWith("http") && a.hostname.replace(/^www\./, "") === b.hostname.replace(/^www\./, "") && a.port === b.port;
}

/**
 * The same-site pages a home page links to that most likely describe the business (about, services, products,
 * team, customers), scored by their path and link text, best first and in link order among equals.
 */
export function descriptiveLinks(document: Document, pageUrl: URL, limit = maxSitePages): URL[] {
  const seen = new Set<string>([pageUrl.origin + pageUrl.pathname]);
  const candidates: { url: URL; score: number; order: number }[] = [];
  [...document.querySelectorAll("a[href]")].forEach((link, order) => {
    let url: URL;
    try {
      url = new URL(link.getAttribute("href") ?? "", pageUrl);
    } catch {
      return;
    }
    url.hash = "";
    const key = url.origin + url.pathname;
    if (!sameSite(url, pageUrl) || seen.has(key) || fileExtension.test(url.pathname)) return;
    const words = `${decodeURIComponent(url.pathname).replace(/[/_-]+/g, " ")} ${normalizeSpace(link.textContent ?? "")}`;
    if (notDescriptive.test(url.pathname)) return;
    const score = Math.max(0, ...pageKinds.filter((kind) => kind.pattern.test(words)).map((kind) => kind.score));
    if (score === 0) return;
    seen.add(key);
    candidates.push({ url, score, order });
  });
  return candidates
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map((candidate) => candidate.url);
}

interface ReadPage {
  page: FetchedPage;
  article: Article;
  document: Document | undefined;
}

function readPage(page: FetchedPage): ReadPage {
  if (page.contentType === "text/plain") return { page, article: extractPastedArticle(page.text, ""), document: undefined };
  return { page, article: extractPage(page.text, page.finalUrl), document: parseDocument(page.text) };
}

function organizationFromJsonLd(document: Document): { name?: string; description?: string } {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? "");
    } catch {
      continue;
    }
    const nodes = Array.isArray(data) ? data : [data, ...((data as { "@graph"?: unknown[] } | null)?.["@graph"] ?? [])];
    for (const node of nodes) {
      if (typeof node !== "object" || node === null) continue;
      const record = node as Record<string, unknown>;
      const types = ([] as unknown[]).concat(record["@type"]);
      if (!types.some((type) => typeof type === "string" && /Organization|Business|Store|Restaurant|Bakery|Corporation/i.test(type))) continue;
      return {
        ...(typeof record.name === "string" ? { name: normalizeSpace(record.name) } : {}),
        ...(typeof record.description === "string" ? { description: normalizeSpace(record.description) } : {}),
      };
    }
  }
  return {};
}

function firstDistinct(sentences: Iterable<string>, limit: number): string[] {
  const chosen: string[] = [];
  const seen = new Set<string>();
  for (const sentence of sentences) {
    const key = sentence.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    chosen.push(sentence);
    if (chosen.length >= limit) break;
  }
  return chosen;
}

/**
 * Reads a business's website for a brand suggestion: the page asked for, its metadata (title, og:site_name, meta
 * description, JSON-LD organization) and up to four same-site pages its own links point to that describe the
 * business (about, services, products, team), every one through `fetchPage` with one robots.txt cache. Returns the
 * business name, description, industry hints, audience and goal sentences and sample sentences, all chosen by
 * deterministic rules from the site's own text, and the URLs read. A refusal of the first page is thrown; a refused
 * same-site page is listed in `skipped`.
 *
 * @throws FetchRefused when the page asked for cannot be read.
 */
export async function readSite(url: string, fetchOptions: FetchPageOptions = {}): Promise<SiteSummary> {
  const robots: RobotsCache = fetchOptions.robots ?? new Map<string, RobotsPolicy>();
  const options: FetchPageOptions = { ...fetchOptions, robots };
  const home = readPage(await fetchPage(url, options));
  const homeUrl = new URL(home.page.finalUrl);
  const pages: ReadPage[] = [home];
  const skipped: SiteSummary["skipped"] = [];
  const links = home.document === undefined ? [] : descriptiveLinks(home.document, homeUrl);
  for (const link of links) {
    try {
      const page = await fetchPage(link.href, options);
      if (pages.some((read) => read.page.finalUrl === page.finalUrl)) continue;
      pages.push(readPage(page));
    } catch (error) {
      if (!(error instanceof FetchRefused) || error.reason === "aborted") throw error;
      skipped.push({ url: link.href, reason: error.reason, detail: error.detail });
    }
  }

  const organization = home.document === undefined ? {} : organizationFromJsonLd(home.document);
  const metadata = {
    title: home.document === undefined ? undefined : normalizeSpace(home.document.querySelector("title")?.textContent ?? "") || undefined,
    siteName: home.document === undefined ? undefined : metaContent(home.document, "og:site_name"),
    description: home.document === undefined ? undefined : (metaContent(home.document, "description") ?? metaContent(home.document, "og:description")),
    lang: home.article.lang,
  };
  const titles = pages.flatMap((read) => (read.document === undefined ? [] : [normalizeSpace(read.document.querySelector("title")?.textContent ?? "")]));
  const applicationName = home.document === undefined ? undefined : metaContent(home.document, "application-name");
  const name = metadata.siteName ?? organization.name ?? applicationName ?? nameFromTitles(titles, homeUrl.hostname) ?? nameFromHostname(homeUrl.hostname);
  const description = metadata.description ?? organization.description ?? home.article.paragraphs.find((paragraph) => splitSentences(paragraph).length > 0);

  const aboutFirst = [...pages.slice(1), home];
  const sentencesOf = (reads: readonly ReadPage[]) => reads.flatMap((read) => read.article.paragraphs.flatMap(splitSentences));
  const industryTexts = [
    { text: [metadata.title, metadata.siteName, description].filter(Boolean).join(". "), weight: 3 },
    ...pages.map((read, index) => ({ text: read.article.text, weight: index === 0 ? 1 : 2 })),
  ];
  return {
    url: home.page.finalUrl,
    name,
    description,
    industryHints: industryHints(industryTexts),
    audienceSentences: firstDistinct(sentencesOf(aboutFirst).filter(isAudienceSentence), 5),
    goals: firstDistinct(sentencesOf(aboutFirst).filter(isGoalSentence), 5),
    sampleSentences: firstDistinct(pages.flatMap((read) => read.article.keyPoints).filter(isSampleSentence), 6),
    metadata,
    sources: pages.map((read) => read.page.finalUrl),
    skipped,
  };
}
