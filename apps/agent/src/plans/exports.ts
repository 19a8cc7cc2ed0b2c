import { stringify } from "csv-stringify/sync";
import { PLATFORM_RULES, publishedText, type Plan, type PlanPost, type StrategyRecord } from "@strategist/schemas";

/** How long a post's calendar event lasts: a slot to publish in, not the post's lifetime. */
const EVENT_MINUTES = 30;

/** A file name from the brand: letters, digits and dashes only, so no header or path can be bent by it. */
export function exportFileName(strategy: StrategyRecord, kind: "plan" | "strategy", extension: string): string {
  const base = strategy.brand_name
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase()
    .slice(0, 60);
  return `${base || "strategy"}-${kind}.${extension}`;
}

/** Content-Disposition for a download with a safe ASCII file name. */
export function attachment(fileName: string): string {
  return `attachment; filename="${fileName}"`;
}

/** The UID of a post's event: the post id, so every export of the same plan names the same events. */
export function eventUid(post: PlanPost): string {
  return `${post.id}@strategist`;
}

/** Where a calendar event points: the post in the web app and its pictures (already absolute URLs). */
export interface FeedLinks {
  /** Link to each post's page, by post id. */
  posts: Record<string, string>;
  /** Links to each post's finished images, by post id. */
  images: Record<string, string[]>;
  /** Whether the calendar is a subscription: it then asks to be refreshed hourly. */
  subscription?: boolean;
}

/** The optional goal a post serves (written by the copywriter when it knows it). */
export function postGoal(post: PlanPost): string | undefined {
  const goal = (post as PlanPost & { goal?: unknown }).goal;
  return typeof goal === "string" && goal.trim() !== "" ? goal : undefined;
}

/**
 * A TEXT value as RFC 5545 (3.3.11) writes it: backslash, semicolon and comma escaped, every line break (CRLF, CR,
 * LF) as `\n`, and other control characters but tab (which TEXT may not hold) as spaces. Nothing in a value can end its line.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/gu, "\n")
    .replace(/[\\;,]/gu, (char) => `\\${char}`)
    .replace(/\n/gu, "\\n")
    .replace(/\p{Cc}/gu, (char) => (char === "\t" ? char : " "));
}

/** A content line folded as RFC 5545 (3.1) says: at most 75 octets a line, continued after CRLF and a space, never inside a character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    // The first line holds 75 octets; every continuation starts with a space, so it holds 74 more.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** A URI value: it is not TEXT (no escaping), so it must not hold what could end a line or a value. */
function uri(value: string): string {
  return value.replace(/[\p{Cc} "\\]/gu, encodeURIComponent);
}

function utc(date: Date): string {
  return `${date.toISOString().replace(/[-:]/gu, "").slice(0, 15)}Z`;
}

const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const SUMMARY_GRAPHEMES = 60;

/** The event's title: the platform and the caption's first words (only the first 400 code units are looked at). */
function eventSummary(post: PlanPost): string {
  const head = post.caption.slice(0, 400);
  const firstLine = head
    .split(/\r\n|\r|\n/u)[0]!
    .replace(/\s+/gu, " ")
    .trim();
  const graphemes = [...GRAPHEMES.segment(firstLine)].map((part) => part.segment);
  const more = graphemes.length > SUMMARY_GRAPHEMES || (head.length < post.caption.length && !/[\r\n]/u.test(head));
  return `${PLATFORM_RULES[post.platform].name}: ${more ? `${graphemes.slice(0, SUMMARY_GRAPHEMES - 1).join("")}…` : firstLine}`;
}

/** The event's description: what to publish, what it is for (pillar, goal), and where the post and its pictures are. */
export function eventDescription(post: PlanPost, links?: FeedLinks): string {
  const goal = postGoal(post);
  const lines = [`Pillar: ${post.pillar}`, ...(goal ? [`Goal: ${goal}`] : []), `Theme: ${post.theme}`, `Status: ${post.status}`];
  const postLink = links?.posts[post.id];
  if (postLink) lines.push(`Post: ${postLink}`);
  for (const image of links?.images[post.id] ?? []) lines.push(`Image: ${image}`);
  return `${publishedText(post.caption, post.hashtags, post.link)}\n\n${lines.join("\n")}`.replace(/\r\n?/gu, "\n");
}

/**
 * The plan as an iCalendar file (RFC 5545): one VEVENT per post, UID from the post id, DTSTART and DTEND in UTC,
 * every TEXT value escaped (the calendar's name too), every line ending in CRLF and folded at 75 octets. With links,
 * each event carries its post's page (URL) and its images (ATTACH), also named in the description.
 */
export function planToIcs(strategy: StrategyRecord, plan: Plan, now: Date, links?: FeedLinks): string {
  const name = escapeText(`${strategy.brand_name}: content plan`);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Strategist//Content plan//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `NAME:${name}`,
    `X-WR-CALNAME:${name}`,
  ];
  if (links?.subscription) lines.push("REFRESH-INTERVAL;VALUE=DURATION:PT1H", "X-PUBLISHED-TTL:PT1H");
  for (const post of plan.posts) {
    const start = new Date(post.scheduled_at);
    lines.push(
      "BEGIN:VEVENT",
      `UID:${escapeText(eventUid(post))}`,
      "SEQUENCE:0",
      `DTSTAMP:${utc(now)}`,
      `DTSTART:${utc(start)}`,
      `DTEND:${utc(new Date(start.getTime() + EVENT_MINUTES * 60_000))}`,
      `SUMMARY:${escapeText(eventSummary(post))}`,
      `DESCRIPTION:${escapeText(eventDescription(post, links))}`,
      `CATEGORIES:${escapeText(PLATFORM_RULES[post.platform].name)}`,
    );
    const postLink = links?.posts[post.id];
    if (postLink) lines.push(`URL;VALUE=URI:${uri(postLink)}`);
    for (const image of links?.images[post.id] ?? []) lines.push(`ATTACH;FMTTYPE=image/png:${uri(image)}`);
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}

/** A cell a spreadsheet would read as a formula: `=`, `+`, `-`, `@` first, also after leading whitespace; or tab, CR, LF or `'` first. */
const FORMULA_START = /^(?:\s*[=+\-@]|[\t\r\n'])/u;

/**
 * Neutralises a cell against formula injection (OWASP): a cell that starts with `=`, `+`, `-` or `@` (also after
 * leading spaces, tabs or line breaks), or with tab, carriage return or line feed, gets a leading `'`. So does one
 * that already starts with `'`, which keeps the rule reversible: strip one leading `'` to get the text back.
 */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export const CSV_COLUMNS = ["scheduled_at", "platform", "status", "pillar", "goal", "theme", "caption", "hashtags", "visual_prompt", "post_id"] as const;

/**
 * The plan as CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark for spreadsheets) by csv-stringify, one row per
 * post. Every field holding a CR or LF is quoted (as are those holding `"` or `,`), so a line break in a caption
 * stays inside its cell.
 */
export function planToCsv(strategy: StrategyRecord, plan: Plan): string {
  const rows = plan.posts.map((post) =>
    [
      post.scheduled_at,
      PLATFORM_RULES[post.platform].name,
      post.status,
      post.pillar,
      postGoal(post) ?? "",
      post.theme,
      post.caption,
      post.hashtags.join(" "),
      post.visual_prompt_index !== undefined ? (strategy.strategy_output.visual_prompts[post.visual_prompt_index] ?? "") : "",
      post.id,
    ].map(neutraliseCell),
  );
  return stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: "windows", bom: true, quoted_string: false, quoted_match: /[\r\n",]/u });
}

/** Markdown text is data: characters that would start markup are escaped, so a caption renders as written. */
function markdownText(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|<>])/gu, "\\$1").replace(/\r\n?|\n/gu, "  \n");
}

/** The plan as Markdown: a heading per post in time order, its platform, time, caption and hashtags. */
export function planToMarkdown(strategy: StrategyRecord, plan: Plan): string {
  const lines = [
    `# ${markdownText(strategy.brand_name)}: content plan`,
    "",
    `${plan.weeks} weeks from ${plan.start_date} (${plan.timezone}), ${plan.posts.length} posts.`,
  ];
  for (const post of plan.posts) {
    lines.push(
      "",
      `## ${post.scheduled_at} · ${PLATFORM_RULES[post.platform].name}`,
      "",
      `*${markdownText(post.pillar)}: ${markdownText(post.theme)}* (${post.status})`,
      "",
      markdownText(post.caption),
    );
    if (post.hashtags.length > 0) lines.push("", markdownText(post.hashtags.join(" ")));
  }
  return `${lines.join("\n")}\n`;
}
