import fc from "fast-check";
import { composeStrategy } from "@strategist/composer";
import type { StrategyOutput } from "@strategist/schemas";
import { describe, expect, it } from "vitest";
import { canonicalPlatform, CHECKS, runChecks, similarity, type CheckName } from "../src/checks";
import { loadGoldenSet, type Expectations } from "../src/golden";

const BRIEF = {
  brand_name: "Ledgerly",
  industry: "B2B accounting software for small agencies",
  target_audience: "Owners and finance leads of creative agencies with 5-50 staff",
  goals: "Generate qualified demo requests and become the go-to accounting tool for agencies",
};
const EXPECT: Expectations = {
  language: "en",
  must_high: ["LinkedIn"],
  must_not_high: ["TikTok", "Instagram"],
  industry_words: [["invoice", "accounting"], ["agenc"]],
  forbidden: ["room"],
};

/** A strategy a careful marketer could have written for the brief. */
const GOOD: StrategyOutput = {
  content_pillars: ["Month-end without spreadsheets for agency owners", "Cash-flow lessons from real agencies", "Product walkthroughs of invoicing and time tracking"],
  posting_schedule: "LinkedIn: three posts a week, Tuesday to Thursday mornings. YouTube: one walkthrough every two weeks.",
  platform_recommendations: [
    { platform: "LinkedIn", priority: "high", rationale: "Agency owners and finance leads compare accounting tools on LinkedIn, so Ledgerly should publish short expert posts about invoicing and cash flow there, each ending with a demo invitation." },
    { platform: "YouTube", priority: "medium", rationale: "Finance leads search YouTube for walkthroughs before they switch tools; ten-minute demos of the agency invoicing workflow keep bringing Ledgerly qualified viewers for months." },
  ],
  content_themes: [
    "How a 12-person design agency closed its books in two days",
    "Invoice chasing: three email templates agencies can copy",
    "What retainers do to agency cash flow, explained with one chart",
    "A walkthrough of Ledgerly's project profitability report",
    "The accounting mistakes creative agencies make in their first year",
  ],
  engagement_tactics: [
    "Answer every comment about invoicing within the hour",
    "Run a monthly poll asking agency owners which report they want next",
    "Invite two customers a month to a live teardown of their agency's numbers",
    "Share a downloadable month-end checklist in exchange for feedback",
  ],
  visual_prompts: [
    "An agency owner at a standing desk reviewing a clean invoicing dashboard, project profitability chart visible, bright studio",
    "A split screen: a cluttered spreadsheet of unpaid invoices and the same agency invoices tidied in one dashboard",
  ],
};

const failed = (output: StrategyOutput, brief = BRIEF, expect_ = EXPECT) =>
  runChecks(brief, expect_, output).filter((check) => !check.passed).map((check) => check.check);

describe("rule checks", () => {
  it("pass a strategy written for the brief", () => {
    expect(failed(GOOD)).toEqual([]);
    expect(runChecks(BRIEF, EXPECT, GOOD).map((check) => check.check)).toEqual([...CHECKS]);
  });

  it("catch the audience and goal pasted into every rationale", () => {
    const pasted = GOOD.platform_recommendations.map((platform) => ({
      ...platform,
      rationale: `For Ledgerly, ${platform.platform} fits. Audience: "${BRIEF.target_audience}". Goal: "${BRIEF.goals}".`,
    }));
    expect(failed({ ...GOOD, platform_recommendations: pasted })).toEqual(expect.arrayContaining<CheckName>(["brief_in_context", "rationales_specific"]));
  });

  it("catch the industry glued into a theme", () => {
    const glued = { ...GOOD, content_themes: [...GOOD.content_themes, `Myths about ${BRIEF.industry} tools, answered by an engineer`] };
    expect(failed(glued)).toContain("brief_in_context");
  });

  it("catch platform misfits: LinkedIn missing, Instagram high", () => {
    const misfit = { ...GOOD, platform_recommendations: [{ ...GOOD.platform_recommendations[1]!, platform: "Instagram", priority: "high" as const }, GOOD.platform_recommendations[1]!] };
    expect(failed(misfit)).toContain("platform_fit");
  });

  it("catch a schedule that leaves out a recommended platform or adds another", () => {
    expect(failed({ ...GOOD, posting_schedule: "LinkedIn: three posts a week." })).toContain("schedule_matches_platforms");
    expect(failed({ ...GOOD, posting_schedule: `${GOOD.posting_schedule} TikTok: one video a day.` })).toContain("schedule_matches_platforms");
  });

  it("do not read a platform into the brand's own name: a brand called \"X, \" schedules no X by being named", () => {
    const brief = { ...BRIEF, brand_name: "X, " };
    const schedule = (text: string) => runChecks(brief, EXPECT, { ...GOOD, posting_schedule: text }).find((check) => check.check === "schedule_matches_platforms")!;
    expect(schedule(`${GOOD.posting_schedule} Everything in the voice of X, first.`).passed).toBe(true);
    expect(schedule(`${GOOD.posting_schedule} X, on X: a thread a day.`).passed).toBe(false);
  });

  it("catch visual prompts that depict nothing of the themes", () => {
    expect(failed({ ...GOOD, visual_prompts: ["A sunset over the sea", "A bowl of fruit on a table"] })).toContain("visuals_depict_themes");
  });

  it("catch near-duplicate items, filler, the wrong language, missing industry words and forbidden words", () => {
    expect(failed({ ...GOOD, content_themes: [...GOOD.content_themes, "How a 12-person design agency closed its books in two days!"] })).toContain("no_near_duplicates");
    expect(failed({ ...GOOD, engagement_tactics: [...GOOD.engagement_tactics, "Post engaging content every day"] })).toContain("no_generic_filler");
    expect(failed(GOOD, BRIEF, { ...EXPECT, language: "es" })).toContain("brief_language");
    expect(failed(GOOD, BRIEF, { ...EXPECT, industry_words: [["payroll"]] })).toContain("industry_words");
    expect(failed({ ...GOOD, content_themes: [...GOOD.content_themes, "A beautifully made room with morning light"] })).toContain("no_forbidden_words");
  });

  it("property: similarity is symmetric, between 0 and 1, and 1 for a text with itself", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), (a, b) => {
        expect(similarity(a, b)).toBeCloseTo(similarity(b, a));
        expect(similarity(a, b)).toBeGreaterThanOrEqual(0);
        expect(similarity(a, b)).toBeLessThanOrEqual(1);
        expect(similarity(a, a)).toBe(1);
      }),
      { numRuns: 200 },
    );
  });

  it("property: the checks never throw and always report every check, whatever the strategy", () => {
    const text = fc.string({ minLength: 1, maxLength: 80 });
    const strategy = fc.record({
      content_pillars: fc.array(text, { minLength: 3, maxLength: 6 }),
      posting_schedule: text,
      platform_recommendations: fc.array(fc.record({ platform: text, rationale: text, priority: fc.constantFrom("high" as const, "medium" as const, "low" as const) }), { minLength: 2, maxLength: 8 }),
      content_themes: fc.array(text, { minLength: 5, maxLength: 8 }),
      engagement_tactics: fc.array(text, { minLength: 4, maxLength: 6 }),
      visual_prompts: fc.array(text, { minLength: 2, maxLength: 3 }),
    });
    fc.assert(
      fc.property(strategy, (output) => {
        expect(runChecks(BRIEF, EXPECT, output).map((check) => check.check)).toEqual([...CHECKS]);
      }),
      { numRuns: 100 },
    );
  });

  it("read platform names the way strategies write them", () => {
    expect(canonicalPlatform("X (Twitter)")).toBe("X (Twitter)");
    expect(canonicalPlatform("Twitter/X")).toBe("X (Twitter)");
    expect(canonicalPlatform("Google Maps / Business Profile")).toBe("Google Business Profile");
    expect(canonicalPlatform("Instagram Reels")).toBe("Instagram");
    expect(canonicalPlatform("Mastodon")).toBeUndefined();
  });
});

describe("the golden set", () => {
  it("holds at least 40 briefs covering many kinds of business, in four languages", () => {
    const briefs = loadGoldenSet();
    expect(briefs.length).toBeGreaterThanOrEqual(40);
    const languages = new Set(briefs.map((brief) => brief.expect.language));
    expect([...languages].sort()).toEqual(["de", "en", "es", "fr"]);
    // Every expectation is one the composer could meet: platform names are the checks' own.
    for (const { expect: expectation } of briefs) {
      for (const platform of [...expectation.must_high, ...expectation.must_not_high]) expect(canonicalPlatform(platform)).toBe(platform);
    }
  });

  it("property: the offline composer's strategies always keep the schedule and the lists clean", () => {
    const briefs = loadGoldenSet();
    fc.assert(
      fc.property(fc.constantFrom(...briefs), fc.string({ minLength: 1, maxLength: 40 }).filter((name) => name.trim().length > 0), (golden, brand) => {
        const brief = { ...golden.brief, brand_name: brand };
        const results = runChecks(brief, golden.expect, composeStrategy(brief));
        for (const check of results.filter((result) => ["schedule_matches_platforms", "no_near_duplicates", "no_generic_filler"].includes(result.check))) {
          expect(check.passed, check.detail).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
