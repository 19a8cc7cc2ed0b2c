import { composeStrategy } from "@strategist/composer";
import type { Plan, PlanPost } from "@strategist/schemas";
import { describe, expect, it } from "vitest";
import { runPlanChecks, type PlanCheckName } from "../src/plan-checks";

const brief = {
  brand_name: "Ledgerly",
  industry: "B2B accounting software for small agencies",
  target_audience: "Owners of creative agencies",
  goals: "Generate qualified demo requests",
};
const strategy = composeStrategy(brief);

function post(platform: PlanPost["platform"], caption: string, extra: Partial<PlanPost> = {}): PlanPost {
  return { id: caption.slice(0, 8), platform, scheduled_at: "2026-12-07T09:00:00Z", pillar: "p", theme: "t", caption, hashtags: [], status: "draft", ...extra };
}

function failed(posts: PlanPost[], language = "en"): PlanCheckName[] {
  const plan: Plan = {
    strategy_id: "s",
    strategy_version: 1,
    timezone: "UTC",
    start_date: "2026-12-07",
    weeks: 1,
    created_at: "2026-12-01T00:00:00Z",
    model: "m",
    posts,
  };
  return runPlanChecks(brief, strategy, plan, language)
    .filter((check) => !check.passed)
    .map((check) => check.check);
}

describe("the plan checks", () => {
  it("fail on the faults found in the old plans, each by its own check", () => {
    expect(failed([post("linkedin", "Book a demo with Ledgerly.", { hashtags: ["#AccountingSoftwareSmall", "#IndustryInsightFrom"] })])).toContain(
      "whole_word_hashtags",
    );
    expect(failed([post("youtube", "Ledgerly: The mistake teams make when they…", { format: "video" } as Partial<PlanPost>)])).toContain("no_ellipsis");
    expect(failed([post("linkedin", "Why does The paddlers we serve matter to Ledgerly? Ask for a demo.")])).toContain("no_stray_capitals");
    expect(failed([post("youtube", "A carousel agencies will want to save. Request a demo.", { format: "carousel" } as Partial<PlanPost>)])).toContain(
      "formats_fit_platforms",
    );
    expect(failed([post("tiktok", "A photo series from a real week. Request a demo.")])).toContain("formats_fit_platforms");
    expect(failed([post("linkedin", "Ledgerly, Ledgerly and Ledgerly: ask for a demo.")])).toContain("brand_at_most_twice");
    const template = (n: number) => post("linkedin", `Topic ${n}: that is what Ledgerly is sharing this week. What do you think?`);
    const posts = [0, 1, 2, 3, 4, 5].map(template);
    expect(failed(posts)).toEqual(expect.arrayContaining(["varied_structures", "goal_in_cta"]));
    expect(failed([post("linkedin", "Lo que Ledgerly comparte esta semana con las agencias y sus equipos de finanzas.")])).toContain("plan_language");
    expect(failed([post("linkedin", "Same text, ask for a demo."), post("x", "Same text, ask for a demo.")])).toContain("distinct_captions");
  });

  it("pass a plan that follows the rules", () => {
    const good = [
      post("linkedin", "Month-end close in a day: how agencies do it. Book a demo.", { hashtags: ["#Ledgerly", "#Accounting", "#AccountingSoftware"] }),
      post("linkedin", "Three invoicing habits of calm agency owners. Which one is yours?", { hashtags: ["#Agencies"] }),
      post("linkedin", "Cash flow, explained for creative agencies: request your demo today."),
    ];
    expect(failed(good).filter((check) => check !== "platforms_covered")).toEqual([]);
  });
});
