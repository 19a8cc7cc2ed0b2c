import fc from "fast-check";
import { checkPost, type PlannedPostOutput } from "@strategist/schemas";
import { describe, expect, it } from "vitest";
import { composeStrategy } from "@strategist/composer";
import { withPlatformSchedule, type StrategyRecord } from "@strategist/schemas";
import { writePlan } from "../../src/plans/copywriter";
import { isWholeWordHashtag, polishPosts, splitGoals, withoutEllipsis } from "../../src/plans/polish";
import { addDays } from "../../src/plans/schedule";
import { planBriefOf } from "../../src/plans/service";

const sources = ["Guided kayak tours", "Paddle North", "Fill weekend tours and sell gift cards", "Safety on the water"];
const caption = fc.stringMatching(/^[A-Z][a-z]{2,10}( [a-z]{2,10}){2,12}[.!?]?$/);
const tag = fc.oneof(
  fc.constantFrom(
    "#KayakTours",
    "#GuidedKayakTours",
    "#PaddleNorth",
    "#Safety",
    "#IndustryInsightFrom",
    "#ToursSellGift",
    "#RelaxedConversational",
    "#TheWater",
    "#ReasonsComeThis",
  ),
  fc.stringMatching(/^#[A-Z][a-z]{2,8}([A-Z][a-z]{2,8}){0,2}$/),
);
const post = fc
  .record({
    platform: fc.constantFrom("instagram", "facebook", "linkedin", "google", "tiktok", "youtube", "x", "bluesky"),
    date: fc.constantFrom("2026-12-24", "2026-12-25", "2026-12-28", "2027-01-01"),
    time: fc.constant("10:00"),
    pillar: fc.constant("Safety on the water"),
    theme: fc.constant("What to wear on the water"),
    caption: fc
      .tuple(caption, fc.boolean(), fc.boolean())
      .map(([text, cut, lead]) => `${lead ? "In a relaxed, conversational voice: " : ""}${text}${cut ? " and the mistake teams make when they…" : ""}`),
    hashtags: fc.uniqueArray(tag, { maxLength: 4 }),
    format: fc.constantFrom("text", "photo", "carousel", "video"),
  })
  // What the structured-output schema lets through: posts that meet their platform's rules.
  .filter((candidate) => checkPost(candidate.platform, candidate).length === 0) as fc.Arbitrary<PlannedPostOutput>;

describe("the repairs every model's posts get", () => {
  it("property: repaired posts keep only whole-word hashtags, no ellipsis, no style lead, fitting formats, and nothing ordinary on a public holiday", () => {
    fc.assert(
      fc.property(fc.array(post, { maxLength: 12 }), (posts) => {
        const holidays = [
          { date: "2026-12-25", name: "Christmas Day" },
          { date: "2027-01-01", name: "New Year's Day" },
        ];
        const repaired = polishPosts(posts, { brand: "Paddle North", language: "en", sources, goals: ["Fill weekend tours"], cta_type: "BOOK", holidays });
        for (const fixed of repaired) {
          expect(fixed.caption).not.toMatch(/…|conversational voice/u);
          for (const hashtag of fixed.hashtags) expect(isWholeWordHashtag(hashtag, sources, "Paddle North")).toBe(true);
          if (fixed.platform === "google") expect(fixed.hashtags).toEqual([]);
          if (fixed.platform === "tiktok" || fixed.platform === "youtube") expect(fixed.script?.beats.length).toBeGreaterThan(0);
          if (fixed.format === "carousel") expect(["instagram", "linkedin", "facebook"]).toContain(fixed.platform);
          if (holidays.some((holiday) => holiday.date === fixed.date)) expect(fixed.holiday).toBeTruthy();
          expect(fixed.goal).toBeTruthy();
        }
        expect(new Set(repaired.map((fixed) => fixed.caption)).size).toBe(repaired.length);
      }),
      { numRuns: 150 },
    );
  });

  it("cuts a clause that ends in an ellipsis back to the last whole clause, and splits goals into items", () => {
    expect(withoutEllipsis("Stride Coach: The mistake teams make when they…")).toBe("Stride Coach.");
    expect(splitGoals("Double Steam wishlists before launch and grow the Discord community; sell gift cards")).toEqual([
      "Double Steam wishlists before launch",
      "Grow the Discord community",
      "Sell gift cards",
    ]);
  });
});

describe("holiday-aware plans", () => {
  it("property: a plan across 25 December and 1 January either acknowledges those days or schedules nothing ordinary on them", () => {
    const briefs = [
      { brand_name: "Paddle North", industry: "Guided kayak tours", target_audience: "Adventurous adults", goals: "Fill weekend tours" },
      { brand_name: "Olas Bravas", industry: "Escuela de surf", target_audience: "Jóvenes que buscan aventura", goals: "Llenar los cursos de verano" },
      { brand_name: "Backstube Roth", industry: "Bäckerei in Köln", target_audience: "Familien aus dem Viertel", goals: "Mehr Laufkundschaft am Wochenende" },
      { brand_name: "Ledgerly", industry: "B2B accounting software", target_audience: "Agency owners", goals: "Generate demo requests" },
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...briefs.map((input) => ({ ...input, strategy_output: withPlatformSchedule(composeStrategy(input)) }) as StrategyRecord)),
        fc.constantFrom("Europe/Berlin", "Europe/Madrid", "Europe/Paris", "America/New_York", "Europe/London", "Australia/Sydney"),
        fc.integer({ min: 0, max: 13 }).map((offset) => addDays("2026-12-19", offset)),
        (strategy, timezone, startDate) => {
          const { brief, polish } = planBriefOf(strategy, { startDate, weeks: 2, timezone });
          const posts = polishPosts(writePlan(brief).posts, polish);
          for (const day of ["2026-12-25", "2027-01-01"]) {
            if (day < startDate || day > addDays(startDate, 13)) continue;
            const name = brief.holidays.find((holiday) => holiday.date === day)?.name;
            expect(name).toBeTruthy();
            const that = posts.filter((post) => post.date === day);
            expect(that.length).toBeLessThanOrEqual(1);
            for (const post of that) expect(post.caption).toContain(name!);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
