import fc from "fast-check";
import { StrategyOutput } from "@strategist/schemas";
import { describe, expect, it } from "vitest";
import { composeStrategy, splitIntoChunks } from "../src/index";

const text = (max: number) => fc.string({ minLength: 1, maxLength: max }).filter((value) => value.trim().length > 0);
const brief = fc.record({ brand_name: text(200), industry: text(200), target_audience: text(2000), goals: text(2000) });

describe("composeStrategy", () => {
  it("always satisfies the StrategyOutput schema and is deterministic", () => {
    fc.assert(
      fc.property(brief, (input) => {
        const output = composeStrategy(input);
        expect(StrategyOutput.safeParse(output).success).toBe(true);
        expect(composeStrategy(input)).toEqual(output);
      }),
      { numRuns: 200 },
    );
    const longest = { brand_name: "b".repeat(200), industry: "i".repeat(200), target_audience: "a".repeat(2000), goals: "g".repeat(2000) };
    expect(StrategyOutput.safeParse(composeStrategy(longest)).success).toBe(true);
  });

  it("names the brand and fits the industry and audience", () => {
    const strategy = composeStrategy({
      brand_name: "Crumb & Co",
      industry: "Artisan bakery",
      target_audience: "Local parents and families in Leeds",
      goals: "Increase weekend foot traffic and event bookings",
    });
    const all = JSON.stringify(strategy);
    expect(all).toContain("Crumb & Co");
    expect(strategy.content_themes.join(" ")).toMatch(/bake|loaf|bread|cake/i);
    const platforms = strategy.platform_recommendations.map((platform) => platform.platform);
    expect(platforms.slice(0, 2)).toContain("Instagram");
    expect(platforms).toContain("Facebook");
    expect(strategy.platform_recommendations.map((platform) => platform.rationale).join(" ")).toContain("Local parents");
  });

  it("recommends LinkedIn first for a B2B audience and TikTok for Gen Z", () => {
    const b2b = composeStrategy({ brand_name: "Ledgerly", industry: "B2B SaaS", target_audience: "CFOs and finance decision makers", goals: "Thought leadership and qualified leads" });
    expect(b2b.platform_recommendations[0]?.platform).toBe("LinkedIn");
    const genZ = composeStrategy({ brand_name: "Glow", industry: "Skincare", target_audience: "Gen Z students", goals: "Go viral and build awareness" });
    expect(genZ.platform_recommendations.map((p) => p.platform)).toContain("TikTok");
  });

  it("varies across briefs", () => {
    const outputs = new Set(
      ["Fitness studio", "Coffee roaster", "Cloud security software", "Law firm", "Boutique hotel"].map((industry) =>
        JSON.stringify(composeStrategy({ brand_name: "Acme", industry, target_audience: "Adults", goals: "Grow" }).content_pillars),
      ),
    );
    expect(outputs.size).toBe(5);
  });

  it("builds each visual prompt from one of its own themes", () => {
    fc.assert(
      fc.property(brief, (input) => {
        const output = composeStrategy(input);
        for (const prompt of output.visual_prompts) {
          expect(output.content_themes.some((theme) => prompt.includes(theme))).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("splitIntoChunks", () => {
  it("splits text into pieces that join back to the original", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.integer({ min: 1, max: 20 }), (value, count) => {
        const chunks = splitIntoChunks(value, count);
        expect(chunks.join("")).toBe(value);
        expect(chunks.length).toBeLessThanOrEqual(count);
      }),
    );
  });
});
