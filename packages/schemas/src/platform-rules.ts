/**
 * The platforms' own rules for a post's text, in one place: the agent enforces them on the model's output and on
 * every edit, the web counts with the same functions. Zod-free, so a page can import it without loading zod.
 *
 * Sources were checked in November 2026; each rule names its own. A post is published as its caption, a blank
 * line and its hashtags separated by spaces (`publishedText`), so every limit counts the hashtags too. A post that links
 * somewhere (an article it was written from) publishes its link on a line of its own after the caption, counted as
 * the platform counts links (X: 23, whatever the URL's length; the others: its characters).
 */
import type { PlanPlatformId } from "./platforms";

/** How a platform measures text: X's weights, graphemes, or graphemes with emoji as their UTF-8 bytes (Threads). */
type Counting = "x-weighted" | "graphemes" | "threads";

interface PlatformRule {
  id: PlanPlatformId;
  /** The platform's name as users know it; limit messages use it. */
  name: string;
  /** What the text is on this platform (caption, description, title). */
  field: string;
  /** Most characters of caption plus hashtags, as the platform counts them. */
  maxLength: number;
  counting: Counting;
  /** Most hashtags per post, where the platform sets a number. */
  maxHashtags?: number;
  /** Where the limit is documented. */
  source: string;
  /** True where a post's link goes into another field than the counted text (a Short's description), so it is not counted. */
  linkOutsideText?: boolean;
}

/** Our own bounds where a platform sets none: they keep one post a reasonable item to store and show. */
export const HASHTAG_BOUNDS = { perPost: 30, length: 100 } as const;

export const PLATFORM_RULES: Record<PlanPlatformId, PlatformRule> = {
  // 280 weighted characters: code points in four ranges weigh 1, others 2, every emoji sequence 2 and every URL 23
  // (the t.co link), after NFC normalisation. Source: https://docs.x.com/fundamentals/counting-characters and
  // twitter-text's config/v3.json (maxWeightedTweetLength 280, scale 100, defaultWeight 200, transformedURLLength 23).
  x: { id: "x", name: "X", field: "post", maxLength: 280, counting: "x-weighted", source: "https://docs.x.com/fundamentals/counting-characters" },
  // 2,200 characters per caption; at most 5 hashtags per post since December 2025 (down from 30).
  // Sources: https://docs.upload-post.com/resources/character-limits/ (caption) and the platform-limits reference of
  // coreyhaines31/marketingskills ("Max hashtags: 5 (official limit)").
  instagram: {
    id: "instagram",
    name: "Instagram",
    field: "caption",
    maxLength: 2200,
    counting: "graphemes",
    maxHashtags: 5,
    source: "https://docs.upload-post.com/resources/character-limits/",
  },
  // 500 characters per text post, emoji "counted as the number of UTF-8 bytes" (Meta's own words), one topic tag per
  // post. Sources: https://developers.facebook.com/documentation/threads/posts (Limitations) and
  // https://www.ayrshare.com/apis/post/social-networks/threads ("Threads only allows 1 hashtag per post").
  threads: {
    id: "threads",
    name: "Threads",
    field: "post",
    maxLength: 500,
    counting: "threads",
    maxHashtags: 1,
    source: "https://developers.facebook.com/documentation/threads/posts",
  },
  // 3,000 characters per post. Source: https://docs.upload-post.com/resources/character-limits/
  linkedin: {
    id: "linkedin",
    name: "LinkedIn",
    field: "post",
    maxLength: 3000,
    counting: "graphemes",
    source: "https://docs.upload-post.com/resources/character-limits/",
  },
  // 4,000 characters per caption (description). Source: https://docs.upload-post.com/resources/character-limits/
  tiktok: {
    id: "tiktok",
    name: "TikTok",
    field: "caption",
    maxLength: 4000,
    counting: "graphemes",
    source: "https://docs.upload-post.com/resources/character-limits/",
  },
  // 63,206 characters per post. Source: https://docs.upload-post.com/resources/character-limits/
  facebook: {
    id: "facebook",
    name: "Facebook",
    field: "post",
    maxLength: 63206,
    counting: "graphemes",
    source: "https://docs.upload-post.com/resources/character-limits/",
  },
  // 500 characters per Pin description. Sources: https://docs.upload-post.com/resources/character-limits/ and
  // https://ayrshare.com/integration/pinterest ("The description of the pin. Maximum 500 characters").
  pinterest: {
    id: "pinterest",
    name: "Pinterest",
    field: "description",
    maxLength: 500,
    counting: "graphemes",
    source: "https://docs.upload-post.com/resources/character-limits/",
  },
  // A Short's title: 100 characters, hashtags in the title included. Source: the platform-limits reference of
  // coreyhaines31/marketingskills ("Max title chars: 100") and https://docs.upload-post.com/resources/character-limits/
  // A Short's link goes into its description, not the counted title.
  youtube: {
    id: "youtube",
    name: "YouTube Shorts",
    field: "title",
    maxLength: 100,
    counting: "graphemes",
    source: "https://docs.upload-post.com/resources/character-limits/",
    linkOutsideText: true,
  },
  // A local post's `summary`: 1,500 characters; Google's guidelines turn hashtags into clutter on the listing, so none.
  // The post may carry one call-to-action button (GBP_CTA_TYPES). Sources:
  // https://developers.google.com/my-business/content/posts-data (call-to-action posts, actionType) and
  // https://developers.google.com/my-business/reference/rest/v4/accounts.locations.localPosts (summary, CallToAction).
  google: {
    id: "google",
    name: "Google Business Profile",
    field: "update",
    maxLength: 1500,
    counting: "graphemes",
    maxHashtags: 0,
    source: "https://developers.google.com/my-business/content/posts-data",
  },
  // app.bsky.feed.post: text at most 300 graphemes; hashtags are written in the text and marked as tag facets
  // (app.bsky.richtext.facet#tag), so they count; at most 8 tags per post (the record's `tags`, 64 graphemes each).
  // Source: the lexicon https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/feed/post.json
  bluesky: {
    id: "bluesky",
    name: "Bluesky",
    field: "post",
    maxLength: 300,
    counting: "graphemes",
    maxHashtags: 8,
    source: "https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/feed/post.json",
  },
};

/** The call-to-action buttons a Google Business Profile post may carry (the Business Profile API's ActionType). */
export const GBP_CTA_TYPES = ["BOOK", "ORDER", "SHOP", "LEARN_MORE", "SIGN_UP", "CALL"] as const;
export type GbpCtaType = (typeof GBP_CTA_TYPES)[number];

/** The text a platform publishes: the caption, its link (if any) on the next line, then the hashtags on a line of their own. */
export function publishedText(caption: string, hashtags: readonly string[], link?: string): string {
  const body = link ? `${caption}\n${link}` : caption;
  return hashtags.length > 0 ? `${body}\n\n${hashtags.join(" ")}` : body;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

// Code points a grapheme cluster cannot start with (Extend, SpacingMark, ZWJ, emoji modifiers, tags, regional
// indicators, Hangul jamo) and ones it cannot end after (CR, ZWJ, marks, Prepend, regional indicators, jamo).
// eslint-disable-next-line no-misleading-character-class -- a class of code points that continue a grapheme, listed one by one on purpose
const CONTINUES = /[\p{M}\u200c\u200d\uff9e\uff9f\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}\u{1f1e6}-\u{1f1ff}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]/u;
const HOLDS =
  /[\r\p{M}\u200d\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u0d4e\u{110bd}\u{110cd}\u{111c2}\u{111c3}\u{1193f}\u{11941}\u{11a3a}\u{11a84}-\u{11a89}\u{11d46}\u{11f02}\u{1f1e6}-\u{1f1ff}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\uac00-\ud7a3]/u;

function isCut(text: string, at: number): boolean {
  const next = text.codePointAt(at)!;
  if (next >= 0xdc00 && next <= 0xdfff) return false;
  const before = text.codePointAt(at - 1)! >= 0xdc00 && text.codePointAt(at - 1)! <= 0xdfff ? text.codePointAt(at - 2)! : text.codePointAt(at - 1)!;
  return !CONTINUES.test(String.fromCodePoint(next)) && !HOLDS.test(String.fromCodePoint(before));
}

/**
 * Characters as the reader sees them (extended grapheme clusters), not UTF-16 units. Node 20's segmenter slows
 * down quadratically on long strings, so long text is segmented in pieces cut where a cluster boundary always falls.
 */
export function graphemeLength(text: string): number {
  // eslint-disable-next-line no-control-regex -- the ASCII range, NUL included, on purpose
  if (/^[\x00-\x7f]*$/.test(text)) return text.length - (text.match(/\r\n/g)?.length ?? 0);
  let count = 0;
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + 256);
    while (to < text.length && !isCut(text, to)) to++;
    for (const _ of graphemes.segment(text.slice(from, to))) count++;
    from = to;
  }
  return count;
}

// twitter-text config v3: code points in these ranges weigh 1, every other code point 2.
const X_LIGHT_RANGES: readonly [number, number][] = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];
const X_URL_LENGTH = 23;
const X_EMOJI_WEIGHT = 2;
// An RGI emoji sequence (flags, keycaps, skin tones, ZWJ families) counts once. `v` flag: built with RegExp so the
// compile target need not know it.
const EMOJI = new RegExp("\\p{RGI_Emoji}", "gv");
const WHOLE_EMOJI = new RegExp("^\\p{RGI_Emoji}$", "v");
// URLs as X detects them in plain text: a word (after opening punctuation) that starts with a scheme, or is a host
// with a common top-level domain. Matched per word and anchored, so long input cannot make the search quadratic.
const WORD = /\S+/gu;
const URL_AT_START =
  // eslint-disable-next-line no-useless-escape -- kept escaped for readers of the class
  /^([(\["'«“]*)(https?:\/\/[^\s<>"]+|(?:[a-z0-9-]+\.)+(?:com|org|net|io|co|ai|app|dev|edu|gov|me|ly|us|uk|de|fr|info|biz|shop|store)\b(?:\/[^\s<>"]*)?)/iu;

function urlSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const word of text.matchAll(WORD)) {
    if (!word[0].includes(".")) continue;
    const url = URL_AT_START.exec(word[0]);
    if (!url) continue;
    const start = word.index + url[1]!.length;
    spans.push({ start, end: start + url[2]!.replace(/[.,!?;:)\]'"»”]+$/u, "").length });
  }
  return spans;
}

function codePointWeight(codePoint: number): number {
  return X_LIGHT_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to) ? 1 : 2;
}

/** Length as X counts it: NFC, URLs 23, emoji 2, the light ranges 1 and everything else 2. */
export function xWeightedLength(text: string): number {
  const normalized = text.normalize("NFC");
  const spans: { start: number; end: number; weight: number }[] = [];
  for (const url of urlSpans(normalized)) spans.push({ ...url, weight: X_URL_LENGTH });
  // eslint-disable-next-line no-control-regex -- the ASCII range, NUL included, on purpose
  const nonAscii = /[^\x00-\x7f]/u.test(normalized);
  for (const match of nonAscii ? normalized.matchAll(EMOJI) : []) {
    const start = match.index;
    if (spans.some((span) => start >= span.start && start < span.end)) continue;
    spans.push({ start, end: start + match[0].length, weight: X_EMOJI_WEIGHT });
  }
  spans.sort((a, b) => a.start - b.start);
  let length = 0;
  let at = 0;
  for (const span of [...spans, { start: normalized.length, end: normalized.length, weight: 0 }]) {
    for (const char of normalized.slice(at, span.start)) length += codePointWeight(char.codePointAt(0)!);
    length += span.weight;
    at = span.end;
  }
  return length;
}

const utf8 = new TextEncoder();

/** Length as Threads counts it: graphemes, except that an emoji counts as its UTF-8 bytes. */
export function threadsLength(text: string): number {
  let length = 0;
  for (const { segment } of graphemes.segment(text)) {
    length += (segment.length > 1 || segment.charCodeAt(0) >= 0x80) && WHOLE_EMOJI.test(segment) ? utf8.encode(segment).length : 1;
  }
  return length;
}

/** A text's length by one of the platforms' ways of counting. */
function countedLength(counting: Counting, text: string): number {
  if (counting === "x-weighted") return xWeightedLength(text);
  if (counting === "threads") return threadsLength(text);
  return graphemeLength(text);
}

/** The length of a post's published text (caption, link and hashtags) as its platform counts it. */
export function postLength(platform: PlanPlatformId, caption: string, hashtags: readonly string[], link?: string): number {
  const rule = PLATFORM_RULES[platform];
  return countedLength(rule.counting, publishedText(caption, hashtags, rule.linkOutsideText ? undefined : link));
}

/** The message a caption past the limit gets, naming the limit: "Must be at most 280 characters for X, hashtags included". */
export function lengthMessage(platform: PlanPlatformId): string {
  const rule = PLATFORM_RULES[platform];
  return `Must be at most ${rule.maxLength.toLocaleString("en-US")} characters for ${rule.name}, hashtags included`;
}

// `#` then Unicode letters (with their combining marks), digits or underscores; at least one that is not a digit,
// as the platforms do not link an all-digit tag ("#2026" is not a hashtag on X or Instagram).
const HASHTAG = /^#[\p{L}\p{M}\p{Nd}_]+$/u;
const ALL_DIGITS = /^#\p{Nd}+$/u;

/** Whether a string is one well-formed hashtag. */
export function isHashtag(tag: string): boolean {
  return HASHTAG.test(tag) && !ALL_DIGITS.test(tag) && graphemeLength(tag) <= HASHTAG_BOUNDS.length;
}

/** How platforms compare tags: case and Unicode form do not make a tag different. */
export function hashtagKey(tag: string): string {
  return tag.normalize("NFC").toLowerCase();
}

interface RuleViolation {
  field: string;
  message: string;
}

/** Every rule a post breaks on its platform, each with the field and a message naming the limit; empty when it fits. */
export function checkPost(platform: PlanPlatformId, post: { caption: string; hashtags: readonly string[]; link?: string }): RuleViolation[] {
  const rule = PLATFORM_RULES[platform];
  const violations: RuleViolation[] = [];
  if (!/\S/u.test(post.caption)) violations.push({ field: "caption", message: "Must contain a visible character" });
  if (post.caption.includes("\u0000")) violations.push({ field: "caption", message: "Must not contain NUL characters" });
  const seen = new Set<string>();
  post.hashtags.forEach((tag, index) => {
    if (!isHashtag(tag)) {
      violations.push({
        field: `hashtags.${index}`,
        message: `Must be # followed by letters, digits or underscores (not only digits), at most ${HASHTAG_BOUNDS.length} characters`,
      });
    } else if (seen.has(hashtagKey(tag))) {
      violations.push({ field: `hashtags.${index}`, message: "Must not repeat a hashtag of this post" });
    }
    seen.add(hashtagKey(tag));
  });
  const maxHashtags = rule.maxHashtags ?? HASHTAG_BOUNDS.perPost;
  if (post.hashtags.length > maxHashtags) {
    violations.push({
      field: "hashtags",
      message:
        maxHashtags === 0
          ? `Must have no hashtags for ${rule.name}`
          : `Must have at most ${maxHashtags} hashtag${maxHashtags === 1 ? "" : "s"} for ${rule.name}`,
    });
  }
  if (postLength(platform, post.caption, post.hashtags, post.link) > rule.maxLength) violations.push({ field: "caption", message: lengthMessage(platform) });
  return violations;
}
