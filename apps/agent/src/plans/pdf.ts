import PDFDocument from "pdfkit";
import { DateTime } from "luxon";
import { PLATFORM_RULES, publishedText, type Plan, type StrategyRecord } from "@strategist/schemas";

// The PDF uses the standard Helvetica font (nothing embedded, small files). Its encoding (WinAnsi) covers Western
// European text; anything else (emoji, CJK, right-to-left scripts) prints as "?". The ICS, CSV and Markdown
// exports keep every character.
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

/** Text the standard font can print: Latin-1 and WinAnsi's extras kept, other characters replaced by "?". */
function printable(text: string): string {
  let out = "";
  for (const char of text.normalize("NFC")) {
    const code = char.codePointAt(0)!;
    out += (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || char === "\n" || WIN_ANSI_EXTRA.has(char) ? char : code === 0x09 ? " " : "?";
  }
  return out;
}

/**
 * The strategy and its plan as a PDF a marketer can send a client: the brief, the strategy's sections, then the
 * plan week by week with each post's time, platform, caption and hashtags.
 */
export function strategyToPdf(strategy: StrategyRecord, plan: Plan | undefined): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    info: { Title: printable(`${strategy.brand_name}: social media strategy`), Author: "Strategist", Creator: "Strategist" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const heading = (text: string, size = 14) => doc.moveDown(0.6).font("Helvetica-Bold").fontSize(size).text(printable(text)).moveDown(0.2);
  const body = (text: string) => doc.font("Helvetica").fontSize(10).text(printable(text), { paragraphGap: 2 });
  const list = (items: string[]) => items.forEach((item) => body(`- ${item}`));
  const output = strategy.strategy_output;

  doc.font("Helvetica-Bold").fontSize(20).text(printable(strategy.brand_name));
  doc
    .font("Helvetica")
    .fontSize(11)
    .text(printable(`Social media strategy · ${strategy.industry}`));
  heading("Brief");
  body(`Target audience: ${strategy.target_audience}`);
  body(`Goals: ${strategy.goals}`);
  heading("Content pillars");
  list(output.content_pillars);
  heading("Posting schedule");
  body(output.posting_schedule);
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
    for (const post of plan.posts) {
      const when = DateTime.fromISO(post.scheduled_at, { setZone: true });
      const weekOfPlan = Math.floor(when.startOf("day").diff(DateTime.fromISO(plan.start_date, { zone: when.zone }), "days").days / 7);
      if (weekOfPlan !== week) {
        week = weekOfPlan;
        heading(`Week ${week + 1}`, 13);
      }
      doc
        .font("Helvetica-Bold")
        .fontSize(10)
        .text(printable(`${when.toFormat("ccc d LLL, HH:mm")} · ${PLATFORM_RULES[post.platform].name} · ${post.status}`));
      body(publishedText(post.caption, post.hashtags, post.link));
      doc
        .font("Helvetica-Oblique")
        .fontSize(9)
        .text(printable(`${post.pillar} · ${post.theme}`))
        .moveDown(0.5);
    }
  }
  doc.end();
  return done;
}
