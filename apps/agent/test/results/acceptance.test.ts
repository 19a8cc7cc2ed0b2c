import { PLANTED_DEFAULTS, plantedResults, resultsToCsv } from "@strategist/insights";
import { planPlatformOf, type Plan, type StrategyRecord } from "@strategist/schemas";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, VALID_BRIEF, type Harness } from "../support/harness";

const NOW = new Date("2026-11-30T18:00:00Z");
const TIMEZONE = "Europe/Berlin";

describe("a held-out dataset with a planted signal, through the API", () => {
  let harness: Harness;
  let strategy: StrategyRecord;
  const owner = "acceptance-owner";
  const auth = () => ({ authorization: `Bearer ${harness.token(owner)}` });
  let planted: { platform: "x"; pillar: string };

  beforeAll(async () => {
    harness = await startHarness({ clock: () => NOW });
    strategy = (await harness.app.inject({ method: "POST", url: "/api/strategy/generate", headers: auth(), payload: VALID_BRIEF })).json();
    const platforms = strategy.strategy_output.platform_recommendations.map((recommendation) => planPlatformOf(recommendation.platform)!);
    // X is a low-priority platform of this strategy: one post a week, the slot the evidence names can hold all of them.
    expect(platforms).toContain("x");
    planted = { platform: "x", pillar: strategy.strategy_output.content_pillars[1]! };
    const rows = plantedResults({
      ...PLANTED_DEFAULTS,
      seed: 4711,
      rows: 2000,
      timezone: TIMEZONE,
      platforms,
      pillars: strategy.strategy_output.content_pillars,
      slot: { ...PLANTED_DEFAULTS.slot, platform: "x" },
      pillar: { name: planted.pillar, factor: 3 },
    });
    const imported = await harness.app.inject({
      method: "POST",
      url: `/api/strategy/${strategy.id}/results`,
      headers: { ...auth(), "content-type": "text/csv" },
      payload: resultsToCsv(rows),
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ added: 2000, rejected: [] });
  });
  afterAll(() => harness.close());

  it("puts the platform's posts in that slot, gives the pillar a larger share, and says why", async () => {
    const response = await harness.app.inject({
      method: "POST",
      url: `/api/strategy/${strategy.id}/plan`,
      headers: auth(),
      payload: { weeks: 4, start_date: "2026-12-07", timezone: TIMEZONE },
    });
    expect(response.statusCode, response.body).toBe(200);
    const plan: Plan = response.json();
    const xPosts = plan.posts.filter((post) => post.platform === "x");
    const inSlot = xPosts.filter((post) => {
      const local = DateTime.fromISO(post.scheduled_at, { setZone: true }).setZone(TIMEZONE);
      return local.weekday === 2 && local.hour === 18;
    });
    expect(inSlot.length).toBeGreaterThan(xPosts.length / 2);
    const share = (pillar: string) => plan.posts.filter((post) => post.pillar === pillar).length;
    const others = strategy.strategy_output.content_pillars.filter((pillar) => pillar !== planted.pillar);
    expect(share(planted.pillar)).toBeGreaterThan(Math.max(...others.map(share)));
    for (const pillar of others) expect(share(pillar)).toBeGreaterThanOrEqual(plan.weeks / 2);
    expect(plan.insights_used![0]).toMatch(/^X \(Twitter\) moved to Tue 18:00: \d+\.\d× the engagement of other slots over \d+ posts$/);
    expect(plan.insights_used).toContainEqual(expect.stringMatching(new RegExp(`^More "${planted.pillar}" posts: `)));
    const stored = (await harness.app.inject({ method: "GET", url: `/api/strategy/${strategy.id}/plan`, headers: auth() })).json();
    expect(stored.insights_used).toEqual(plan.insights_used);
  });

  it("names the planted slot and pillar in the insights, read in the plan's time zone", async () => {
    const insights = (await harness.app.inject({ method: "GET", url: `/api/strategy/${strategy.id}/insights`, headers: auth() })).json();
    expect(insights.timezone).toBe(TIMEZONE);
    expect(insights.best_times.x[0]).toMatchObject({ weekday: 2, hour: 18 });
    expect(insights.pillars[0]).toMatchObject({ pillar: planted.pillar, enough_evidence: true });
  });
});
