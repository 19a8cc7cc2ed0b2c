import type { Plan, StrategyRecord } from "@strategist/schemas";
import { PLATFORM_RULES, publishedText } from "@strategist/schemas/platform-rules";
import { formatDate, modelName, OFFLINE_MODEL } from "./format";
import { byPriority } from "./priority";

export { byPriority } from "./priority";

/**
 * User or model text made inert in Markdown: HTML escaped (`<img onerror>` shows as text, never as a tag), link
 * brackets escaped (no `[text](target)` or reference link forms), and the `javascript:`, `vbscript:` and `data:`
 * schemes broken, so no renderer makes a link or element out of it.
 */
export function safeText(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[[\]]/g, (bracket) => `\\${bracket}`)
    .replace(/\b(javascript|vbscript|data)(\s*):/giu, "$1$2&#58;");
}

/** Model text on one line of a list item: newlines would break the list, so they become spaces. */
function inline(text: string): string {
  return safeText(text.replace(/\s*\n\s*/g, " ").trim());
}

/** Model text of several lines, made inert. */
function block(text: string): string {
  return safeText(text.trim());
}

function bullets(items: readonly string[]): string {
  return items.map((item) => `- ${inline(item)}`).join("\n");
}

/** The plan's posts by day, each with its time, platform, status, pillar, theme and goal, caption and hashtags (quoted, so any text stays inside). */
export function planMarkdown(plan: Plan): string {
  const days = new Map<string, Plan["posts"]>();
  for (const post of plan.posts) days.set(post.scheduled_at.slice(0, 10), [...(days.get(post.scheduled_at.slice(0, 10)) ?? []), post]);
  const heading = `## Content plan\n\n*${plan.weeks} week${plan.weeks === 1 ? "" : "s"} from ${plan.start_date}, times in ${plan.timezone}.*`;
  const body = [...days.entries()].map(([day, posts]) =>
    [
      `### ${day}`,
      ...posts.map((post) => {
        const quoted = publishedText(post.caption, post.hashtags)
          .split(/\r\n|\r|\n/)
          .map((line) => `> ${safeText(line)}`)
          .join("\n");
        return `**${post.scheduled_at.slice(11, 16)} · ${PLATFORM_RULES[post.platform].name}** (${post.status}) — ${inline(post.pillar)} / ${inline(post.theme)}${post.goal ? ` · Goal: ${inline(post.goal)}` : ""}\n\n${quoted}`;
      }),
    ].join("\n\n"),
  );
  return [heading, ...body].join("\n\n");
}

/** A generated image to place under its visual prompt: the prompt's index and a link the reader can open. */
export interface PromptImage {
  promptIndex: number;
  url: string;
}

/** Markdown image alt text: one line, without the brackets that would end it. */
function altText(text: string): string {
  return inline(text.replace(/[[\]]/g, ""));
}

/**
 * The whole strategy as a Markdown document, the same sections in the same order as the page; generated images,
 * when given, appear under their visual prompts; the content plan, when given, closes the document.
 */
export function strategyMarkdown(strategy: StrategyRecord, images: readonly PromptImage[] = [], plan?: Plan): string {
  const output = strategy.strategy_output;
  const writtenBy = strategy.model === OFFLINE_MODEL ? "the offline model (not an AI language model)" : modelName(strategy.model);
  return (
    [
      `# Social media strategy: ${inline(strategy.brand_name)}`,
      `*Created ${formatDate(strategy.created_at)} by ${writtenBy} with Strategist.*`,
      "## Brief",
      [
        `- **Brand:** ${inline(strategy.brand_name)}`,
        `- **Industry:** ${inline(strategy.industry)}`,
        `- **Target audience:** ${inline(strategy.target_audience)}`,
        `- **Goals:** ${inline(strategy.goals)}`,
      ].join("\n"),
      "## Content pillars",
      output.content_pillars.map((pillar, index) => `${index + 1}. ${inline(pillar)}`).join("\n"),
      "## Posting schedule",
      block(output.posting_schedule),
      "## Platform recommendations",
      byPriority(output.platform_recommendations)
        .map((platform) => `### ${inline(platform.platform)} (${platform.priority} priority)\n\n${block(platform.rationale)}`)
        .join("\n\n"),
      "## Content themes",
      bullets(output.content_themes),
      "## Engagement tactics",
      bullets(output.engagement_tactics),
      "## Visual prompts",
      output.visual_prompts
        .map((prompt, index) => {
          const image = images.find((candidate) => candidate.promptIndex === index);
          const picture = image ? `\n\n![${altText(prompt)}](<${image.url.replace(/[<>\s]/g, encodeURIComponent)}>)` : "";
          return `### Prompt ${index + 1}\n\n${block(prompt)}${picture}`;
        })
        .join("\n\n"),
      ...(plan ? [planMarkdown(plan)] : []),
    ].join("\n\n") + "\n"
  );
}

/** A file name for the export: the brand as a slug plus the creation date. */
export function markdownFileName(strategy: StrategyRecord): string {
  const slug = strategy.brand_name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${slug || "strategy"}-strategy-${strategy.created_at.slice(0, 10)}.md`;
}
