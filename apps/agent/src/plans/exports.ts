import ical from "ical-generator";
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

/** iCalendar text has one line break (`\n`); a lone or paired carriage return becomes it. */
function icsLineBreaks(text: string): string {
  return text.replace(/\r\n?/gu, "\n");
}

/** The event's description: what to publish, then what it is for. */
function eventDescription(post: PlanPost): string {
  return icsLineBreaks(`${publishedText(post.caption, post.hashtags, post.link)}\n\nPillar: ${post.pillar}\nTheme: ${post.theme}\nStatus: ${post.status}`);
}

/** The event's title: the platform and the caption's first words. */
function eventSummary(post: PlanPost): string {
  const firstLine = post.caption
    .split(/\r\n|\r|\n/u)[0]!
    .replace(/\s+/gu, " ")
    .trim();
  const words = [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(firstLine)].map((part) => part.segment);
  return `${PLATFORM_RULES[post.platform].name}: ${words.length > 60 ? `${words.slice(0, 59).join("")}…` : firstLine}`;
}

/**
 * The plan as an iCalendar file (RFC 5545) by ical-generator: one VEVENT per post, UID from the post id, DTSTART
 * and DTEND in UTC, text escaped and lines folded at 75 octets by the library.
 */
export function planToIcs(strategy: StrategyRecord, plan: Plan, now: Date): string {
  const calendar = ical({
    name: `${strategy.brand_name}: content plan`,
    prodId: { company: "Strategist", product: "Content plan", language: "EN" },
  });
  for (const post of plan.posts) {
    const start = new Date(post.scheduled_at);
    calendar.createEvent({
      id: eventUid(post),
      start,
      end: new Date(start.getTime() + EVENT_MINUTES * 60_000),
      stamp: now,
      summary: eventSummary(post),
      description: eventDescription(post),
      categories: [{ name: PLATFORM_RULES[post.platform].name }],
    });
  }
  return calendar.toString();
}

/** Cells a spreadsheet would read as a formula start with one of these; a leading `'` makes them text (OWASP). */
const FORMULA_START = /^[=+\-@\t\r']/u;

/**
 * Neutralises a cell against formula injection: a cell starting with `=`, `+`, `-`, `@`, tab or carriage return
 * gets a leading `'`. So does one that already starts with `'`, which keeps the rule reversible: strip one
 * leading `'` to get the text back.
 */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export const CSV_COLUMNS = ["scheduled_at", "platform", "status", "pillar", "theme", "caption", "hashtags", "visual_prompt", "post_id"] as const;

/** The plan as CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark for spreadsheets) by csv-stringify, one row per post. */
export function planToCsv(strategy: StrategyRecord, plan: Plan): string {
  const rows = plan.posts.map((post) =>
    [
      post.scheduled_at,
      PLATFORM_RULES[post.platform].name,
      post.status,
      post.pillar,
      post.theme,
      post.caption,
      post.hashtags.join(" "),
      post.visual_prompt_index !== undefined ? (strategy.strategy_output.visual_prompts[post.visual_prompt_index] ?? "") : "",
      post.id,
    ].map(neutraliseCell),
  );
  return stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: "windows", bom: true, quoted_string: false });
}
