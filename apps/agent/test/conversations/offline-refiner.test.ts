import fc from "fast-check";
import { composeStrategy } from "@strategist/composer";
import { StrategyOutput } from "@strategist/schemas";
import { describe, expect, it } from "vitest";
import { OfflineRefiner } from "../../src/conversations/offline-refiner";
import { RefinedStrategy } from "../../src/conversations/prompt";
import { validBrief } from "../support/arbitraries";

const CLAUSES = [
  "add TikTok",
  "more Instagram",
  "drop Facebook",
  "remove LinkedIn",
  "remove YouTube and Pinterest",
  "add a pillar about sustainability",
  "add a pillar about local events",
  "post daily",
  "post 3 times a week",
  "post 40 times a week",
  "more formal",
  "more casual",
  "write it in French",
  "make the logo bigger",
];

describe("the offline refiner", () => {
  it("Property: the offline refiner keeps the schema and never claims a change it did not make", () => {
    fc.assert(
      fc.property(validBrief, fc.array(fc.constantFrom(...CLAUSES), { minLength: 1, maxLength: 5 }), (brief, clauses) => {
        const before = composeStrategy(brief);
        const refined = new OfflineRefiner(before, brief).apply(clauses.join(". "));
        const { change_summary: told, ...after } = RefinedStrategy.parse(refined);
        // The offline refiner always says what it did.
        expect(told).toBeTruthy();
        const summary = told ?? "";
        StrategyOutput.parse(after);
        const platforms = after.platform_recommendations.map((entry) => entry.platform);
        for (const [, name] of summary.matchAll(/added ([A-Za-z ()]+?) at (?:high|medium) priority/g)) expect(platforms).toContain(name);
        for (const [, name] of summary.matchAll(/removed ([A-Za-z ()]+?)(?:,| and|\.)/g)) expect(platforms).not.toContain(name);
        for (const [, pillar] of summary.matchAll(/added the pillar "([^"]+)"/g)) expect(after.content_pillars).toContain(pillar);
        if (summary.startsWith("I changed nothing.")) expect(after).toEqual(before);
        else expect(after).not.toEqual(before);
        // Whatever it could not follow, it says so by name.
        for (const clause of clauses.filter((entry) => ["write it in French", "make the logo bigger"].includes(entry))) {
          expect(summary).toContain(`I could not follow "${clause}"`);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("splits an instruction into clauses and applies each in order", () => {
    const brief = { brand_name: "Crumb & Co", industry: "Artisan bakery", target_audience: "Local families", goals: "More weekend visits" };
    const before = composeStrategy(brief);
    const refined = new OfflineRefiner(before, brief).apply("Add a pillar about sourdough classes, post 4 times a week and make it more casual");
    expect(refined.content_pillars.at(-1)).toBe("Sourdough classes");
    expect(refined.posting_schedule).toMatch(/^Post 4 times a week on each platform/);
    expect(JSON.stringify(refined)).not.toMatch(/conversational|voice:/iu);
    expect(refined.change_summary).toMatch(/^I added the pillar "Sourdough classes",? (?:and )?set the posting schedule to 4 times a week on each platform/u);
  });
});
