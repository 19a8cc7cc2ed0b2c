import { PLANTED_DEFAULTS, plantedResults, resultsToCsv } from "@strategist/insights";
import { planPlatformOf, type StrategyRecord } from "@strategist/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, VALID_BRIEF, type Harness } from "../support/harness";

const TIMEZONE = "Europe/Berlin";

describe("strategies that start from results", () => {
  let harness: Harness;
  let brandId: string;
  let first: StrategyRecord;
  const owner = "results-brand-owner";
  const auth = () => ({ authorization: `Bearer ${harness.token(owner)}` });
  const lastReply = async (strategyId: string) => {
    const messages = (await harness.app.inject({ method: "GET", url: `/api/strategy/${strategyId}/messages`, headers: auth() })).json();
    return messages.filter((message: { role: string }) => message.role === "assistant").at(-1).content as string;
  };
  const xOf = (strategy: StrategyRecord) =>
    strategy.strategy_output.platform_recommendations.find((recommendation) => planPlatformOf(recommendation.platform) === "x")!;

  beforeAll(async () => {
    harness = await startHarness();
    const brand = await harness.app.inject({
      method: "POST",
      url: "/api/brands",
      headers: auth(),
      payload: {
        name: VALID_BRIEF.brand_name,
        industry: VALID_BRIEF.industry,
        target_audience: VALID_BRIEF.target_audience,
        goals: VALID_BRIEF.goals,
        default_timezone: TIMEZONE,
      },
    });
    expect(brand.statusCode, brand.body).toBe(201);
    brandId = brand.json().id;
    first = (await harness.app.inject({ method: "POST", url: "/api/strategy/generate", headers: auth(), payload: { brand_id: brandId } })).json();
    expect(xOf(first).priority).not.toBe("high");
  });
  afterAll(() => harness.close());

  it("refuses to use what worked before any results, and says so", async () => {
    const response = await harness.app.inject({
      method: "POST",
      url: `/api/strategy/${first.id}/refine`,
      headers: auth(),
      payload: { message: "Use what worked" },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(await lastReply(first.id)).toMatch(/no results/);
  });

  it("indexes imported results for the brand, and a new strategy for the brand follows them", async () => {
    const platforms = first.strategy_output.platform_recommendations.map((recommendation) => planPlatformOf(recommendation.platform)!);
    const rows = plantedResults({
      ...PLANTED_DEFAULTS,
      seed: 99,
      rows: 600,
      timezone: TIMEZONE,
      platforms,
      slot: { ...PLANTED_DEFAULTS.slot, platform: "x", factor: 6, share: 0.25 },
    });
    const imported = await harness.app.inject({
      method: "POST",
      url: `/api/strategy/${first.id}/results`,
      headers: { ...auth(), "content-type": "text/csv" },
      payload: resultsToCsv(rows),
    });
    expect(imported.json()).toMatchObject({ added: 600 });
    const insights = (await harness.app.inject({ method: "GET", url: `/api/brands/${brandId}/insights`, headers: auth() })).json();
    expect(insights.timezone).toBe(TIMEZONE);
    expect(insights.best_times.x[0]).toMatchObject({ weekday: 2, hour: 18 });
    expect(
      (await harness.app.inject({ method: "GET", url: `/api/brands/${brandId}/insights`, headers: { authorization: `Bearer ${harness.token("other")}` } }))
        .statusCode,
    ).toBe(403);

    const second: StrategyRecord = (
      await harness.app.inject({ method: "POST", url: "/api/strategy/generate", headers: auth(), payload: { brand_id: brandId } })
    ).json();
    expect(second.strategy_output.posting_schedule).toMatch(/X \(Twitter\): Tuesdays at 6 pm \(Europe\/Berlin\), the best evidenced time/);
    expect(xOf(second).priority).toBe("high");
  });

  it("refines a strategy to use what worked", async () => {
    const response = await harness.app.inject({
      method: "POST",
      url: `/api/strategy/${first.id}/refine`,
      headers: auth(),
      payload: { message: "Use what worked" },
    });
    expect(response.statusCode, response.body).toBe(200);
    const refined = response.json();
    expect(refined.strategy_output.posting_schedule).toMatch(/Tuesdays at 6 pm/);
    expect(xOf(refined).priority).toBe("high");
    expect(await lastReply(first.id)).toMatch(/Tuesdays at 6 pm/);
  });
});
