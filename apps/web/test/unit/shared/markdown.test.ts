import { OUTPUT_BOUNDS, StrategyRecord } from "@strategist/schemas";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { byPriority, markdownFileName, planMarkdown, strategyMarkdown } from "@/shared/markdown";
import type { Plan } from "@strategist/schemas";

const text = fc.string({ minLength: 1, maxLength: 60 }).filter((value) => /\S/.test(value));
const list = (bounds: { min: number; max: number }) => fc.array(text, { minLength: bounds.min, maxLength: Math.min(bounds.max, 6) });
const record = fc.record({
  id: fc.uuid(),
  user_id: fc.uuid(),
  brand_name: text,
  industry: text,
  target_audience: text,
  goals: text,
  created_at: fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }).map((date) => date.toISOString()),
  model: fc.constantFrom("offline", "us.anthropic.claude-sonnet-4-20250514-v1:0"),
  version: fc.integer({ min: 1, max: 50 }),
  updated_at: fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }).map((date) => date.toISOString()),
  strategy_output: fc.record({
    content_pillars: list(OUTPUT_BOUNDS.content_pillars),
    posting_schedule: text,
    platform_recommendations: fc.array(
      fc.record({ platform: text, rationale: text, priority: fc.constantFrom("high" as const, "medium" as const, "low" as const) }),
      {
        minLength: 2,
        maxLength: 5,
      },
    ),
    content_themes: list(OUTPUT_BOUNDS.content_themes),
    engagement_tactics: list(OUTPUT_BOUNDS.engagement_tactics),
    visual_prompts: list(OUTPUT_BOUNDS.visual_prompts),
  }),
});

/** How an item reads in the export: list items are one line each. */
const oneLine = (value: string) => value.replace(/\s*\n\s*/g, " ").trim();

describe("Markdown export", () => {
  it("contains every section, in the page's order, and every item the strategy holds", () => {
    fc.assert(
      fc.property(record, (strategy) => {
        StrategyRecord.parse(strategy);
        const markdown = strategyMarkdown(strategy);
        const headings = markdown.split("\n").filter((line) => line.startsWith("## "));
        expect(headings).toEqual([
          "## Brief",
          "## Content pillars",
          "## Posting schedule",
          "## Platform recommendations",
          "## Content themes",
          "## Engagement tactics",
          "## Visual prompts",
        ]);
        const output = strategy.strategy_output;
        output.content_pillars.forEach((pillar, index) => expect(markdown).toContain(`${index + 1}. ${oneLine(pillar)}`));
        for (const item of [...output.content_themes, ...output.engagement_tactics]) expect(markdown).toContain(`- ${oneLine(item)}`);
        for (const prompt of output.visual_prompts) expect(markdown).toContain(prompt.trim());
        for (const platform of output.platform_recommendations) expect(markdown).toContain(`### ${oneLine(platform.platform)} (${platform.priority} priority)`);
      }),
      { numRuns: 60 },
    );
  });

  it("says when the offline model wrote the strategy", () => {
    fc.assert(
      fc.property(record, (strategy) => {
        expect(strategyMarkdown(strategy).includes("offline model (not an AI language model)")).toBe(strategy.model === "offline");
      }),
      { numRuns: 20 },
    );
  });

  it("orders platforms high, medium, low and keeps the model's order within a priority", () => {
    const platforms = [
      { platform: "A", priority: "low" as const },
      { platform: "B", priority: "high" as const },
      { platform: "C", priority: "medium" as const },
      { platform: "D", priority: "high" as const },
    ];
    expect(byPriority(platforms).map((platform) => platform.platform)).toEqual(["B", "D", "C", "A"]);
  });

  it("names the file after the brand and the creation date", () => {
    const base = { created_at: "2026-03-04T10:00:00.000Z" } as StrategyRecord;
    expect(markdownFileName({ ...base, brand_name: "Café Olé & Co." })).toBe("cafe-ole-co-strategy-2026-03-04.md");
    expect(markdownFileName({ ...base, brand_name: "!!!" })).toBe("strategy-strategy-2026-03-04.md");
  });
});

describe("Markdown export of the plan", () => {
  it("property: the plan follows the strategy, every post quoted whole, line by line", () => {
    const caption = fc.string({ unit: "grapheme", minLength: 1, maxLength: 80 }).filter((value) => /\S/u.test(value));
    const plan = fc
      .array(fc.record({ caption, platform: fc.constantFrom("x" as const, "instagram" as const, "threads" as const) }), { minLength: 1, maxLength: 5 })
      .map((posts): Plan => ({
        strategy_id: "s",
        strategy_version: 1,
        timezone: "Europe/Paris",
        start_date: "2026-12-07",
        weeks: 1,
        created_at: "2026-11-30T18:00:00Z",
        model: "offline",
        posts: posts.map((post, index) => ({
          id: `p${index}`,
          platform: post.platform,
          scheduled_at: `2026-12-0${7 + index}T09:30:00+01:00`,
          pillar: "Craft",
          theme: "Origins",
          caption: post.caption,
          hashtags: ["#Coffee"],
          status: index % 2 ? "approved" : "draft",
        })),
      }));
    fc.assert(
      fc.property(record, plan, (strategy, contentPlan) => {
        const markdown = strategyMarkdown(strategy as StrategyRecord, [], contentPlan);
        expect(markdown.indexOf("## Content plan")).toBeGreaterThan(markdown.indexOf("## Visual prompts"));
        expect(markdown.endsWith(`${planMarkdown(contentPlan)}\n`)).toBe(true);
        for (const post of contentPlan.posts) {
          const quoted = `${post.caption}\n\n#Coffee`
            .split(/\r\n|\r|\n/)
            .map((line) => `> ${line}`)
            .join("\n");
          expect(markdown).toContain(quoted);
        }
      }),
      { numRuns: 100 },
    );
    expect(strategyMarkdown(fc.sample(record, 1)[0] as StrategyRecord)).not.toContain("## Content plan");
  });
});

describe("generated images in the Markdown export", () => {
  it("places an image right under its own visual prompt, with the prompt as alt text, and changes nothing else", () => {
    fc.assert(
      fc.property(record, fc.webUrl(), (strategy, url) => {
        const prompt = strategy.strategy_output.visual_prompts[1]!.trim();
        const alt = prompt
          .replace(/\s*\n\s*/g, " ")
          .trim()
          .replace(/[[\]]/g, "");
        const plain = strategyMarkdown(strategy);
        const withImage = strategyMarkdown(strategy, [{ promptIndex: 1, url }]);
        const heading = `### Prompt 2\n\n${prompt}`;
        expect(withImage).toBe(plain.replace(heading, () => `${heading}\n\n![${alt}](<${url}>)`));
      }),
      { numRuns: 100 },
    );
  });
});
