import PDFDocument from "pdfkit";
import { DateTime } from "luxon";
import { PLATFORM_RULES, publishedText, type Plan, type PlanPost, type StrategyRecord } from "@strategist/schemas";
import { clings, fontRuns, fonts, wrapLongWords, type Style } from "./pdf-fonts";

/**
 * What one PDF export renders at most: longer captions are cut (the cut is said in the document; the ICS and CSV
 * exports carry every character), posts past the limit are counted, not printed. With the time budget of the
 * export pool these keep one export's cost bounded whatever the plan holds.
 */
export const PDF_BOUNDS = { captionGraphemes: 5_000, posts: 500, fieldGraphemes: 2_000 } as const;

/**
 * The text cut to `limit` characters, with a note saying how much was left out. A character here is a code point
 * with the marks, joiners and modifiers that cling to it, counted in one linear pass: Intl.Segmenter's cost per
 * segment grows with its input, which makes it quadratic on the long texts this bound is for.
 */
export function cutText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let characters = 0;
  let end = -1;
  let previous = "";
  let index = 0;
  for (const char of text) {
    if (!clings(char) && previous !== "\u200d") {
      characters++;
      if (characters === limit + 1) end = index;
    }
    previous = char;
    index += char.length;
  }
  if (end < 0) return text;
  return `${text.slice(0, end)} […] (${(characters - limit).toLocaleString("en")} more characters; the CSV and calendar exports carry the full text)`;
}

/** The optional fields a post may carry beside its caption (written by the copywriter when it knows them). */
function traceLine(post: PlanPost): string {
  const extra = post as PlanPost & { goal?: string };
  return [post.pillar, post.theme, extra.goal ? `Goal: ${extra.goal}` : undefined].filter(Boolean).join(" · ");
}

/**
 * The strategy and its plan as a PDF a marketer can send a client: the brief, the strategy's sections, then the
 * plan week by week with each post's time, platform, caption and hashtags. Fonts are embedded and chosen per run of
 * text by script, so Latin, Greek, Cyrillic, CJK and emoji print as written. Runs in the export pool's worker
 * threads, never on the service's event loop.
 */
export function strategyToPdf(strategy: StrategyRecord, plan: Plan | undefined): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    info: { Title: `${strategy.brand_name}: social media strategy`, Author: "Strategist", Creator: "Strategist" },
  });
  for (const [name, { bytes }] of fonts()) doc.registerFont(name, bytes);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const write = (text: string, style: Style, size: number, options: PDFKit.Mixins.TextOptions = {}) => {
    const runs = fontRuns(wrapLongWords(text.replace(/\r\n?/gu, "\n").replace(/\t/gu, " ")), style);
    if (runs.length === 0) runs.push({ font: "sans", text: " " });
    runs.forEach((run, index) =>
      doc
        .font(run.font)
        .fontSize(size)
        .text(run.text, { ...options, continued: index < runs.length - 1 }),
    );
  };
  const field = (text: string) => cutText(text, PDF_BOUNDS.fieldGraphemes);
  const heading = (text: string, size = 14) => {
    doc.moveDown(0.6);
    write(field(text), "bold", size);
    doc.moveDown(0.2);
  };
  const body = (text: string) => write(text, "regular", 10, { paragraphGap: 2 });
  const list = (items: string[]) => items.forEach((item) => body(`- ${field(item)}`));
  const output = strategy.strategy_output;

  write(field(strategy.brand_name), "bold", 20);
  write(field(`Social media strategy · ${strategy.industry}`), "regular", 11);
  heading("Brief");
  body(field(`Target audience: ${strategy.target_audience}`));
  body(field(`Goals: ${strategy.goals}`));
  heading("Content pillars");
  list(output.content_pillars);
  heading("Posting schedule");
  body(field(output.posting_schedule));
  heading("Platforms");
  list(output.platform_recommendations.map((platform) => `${platform.platform} (${platform.priority} priority): ${platform.rationale}`));
  heading("Content themes");
  list(output.content_themes);
  heading("Engagement tactics");
  list(output.engagement_tactics);
  heading("Visual prompts");
  list(output.visual_prompts);

  if (plan) {
    doc.addPage();
    heading(`Content plan: ${plan.weeks} week${plan.weeks === 1 ? "" : "s"} from ${plan.start_date} (${plan.timezone})`, 16);
    let week = -1;
    for (const post of plan.posts.slice(0, PDF_BOUNDS.posts)) {
      const when = DateTime.fromISO(post.scheduled_at, { setZone: true });
      const weekOfPlan = Math.floor(when.startOf("day").diff(DateTime.fromISO(plan.start_date, { zone: when.zone }), "days").days / 7);
      if (weekOfPlan !== week) {
        week = weekOfPlan;
        heading(`Week ${week + 1}`, 13);
      }
      write(`${when.toFormat("ccc d LLL, HH:mm")} · ${PLATFORM_RULES[post.platform].name} · ${post.status}`, "bold", 10);
      body(publishedText(cutText(post.caption, PDF_BOUNDS.captionGraphemes), post.hashtags, post.link));
      write(field(traceLine(post)), "italic", 9);
      doc.moveDown(0.5);
    }
    if (plan.posts.length > PDF_BOUNDS.posts) {
      body(`${plan.posts.length - PDF_BOUNDS.posts} more posts are left out of this document; the CSV and calendar exports list every post.`);
    }
  }
  doc.end();
  return done;
}
