import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { StrategyList, StrategyRecord, StrategySummaryList } from "@strategist/schemas";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serializeRecord, serializeRecords, serializeSummaries } from "../../src/strategies/serializers";
import { strategyOutput, validBrief } from "../support/arbitraries";
import { generate, startHarness, VALID_BRIEF, type Harness } from "../support/harness";

const isoDate = fc
  .date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-01-01T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString());
const record: fc.Arbitrary<StrategyRecord> = fc
  .record({
    id: fc.uuid(),
    user_id: fc.string({ minLength: 1, maxLength: 30 }),
    brief: validBrief,
    strategy_output: strategyOutput,
    created_at: isoDate,
    updated_at: isoDate,
    version: fc.integer({ min: 1, max: 1000 }),
    model: fc.string({ minLength: 1, maxLength: 40 }),
    usage: fc.option(fc.record({ input_tokens: fc.nat(), output_tokens: fc.nat(), cache_read_tokens: fc.nat() }), { nil: undefined }),
    extra: fc.option(fc.string(), { nil: undefined }),
  })
  .map(
    ({ brief, usage, extra, ...rest }) =>
      ({ ...rest, ...brief, ...(usage ? { usage } : {}), ...(extra === undefined ? {} : { leaked_attribute: extra }) }) as StrategyRecord,
  );

/** What the summary view says of a whole record. */
function summaryOf(one: StrategyRecord) {
  return {
    id: one.id,
    brand_name: one.brand_name,
    industry: one.industry,
    created_at: one.created_at,
    updated_at: one.updated_at,
    model: one.model,
    version: one.version,
  };
}

describe("compiled response serializers", () => {
  it("write exactly what the zod response schema would, and nothing it would strip", () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 3 }), (records) => {
        expect(JSON.parse(serializeRecords(records))).toEqual(StrategyList.parse(records));
        for (const one of records) expect(JSON.parse(serializeRecord(one))).toEqual(StrategyRecord.parse(one));
        const summaries = records.map(summaryOf);
        expect(JSON.parse(serializeSummaries(summaries))).toEqual(StrategySummaryList.parse(summaries));
      }),
      { numRuns: 100 },
    );
  });
});

describe("GET /api/strategy/list?view=summary", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());
  const auth = (user: string) => ({ authorization: `Bearer ${harness.token(user)}` });

  it("answers the same pages as the full list, as summaries, with interchangeable cursors", async () => {
    const user = "u-summary";
    const ids: string[] = [];
    for (let index = 0; index < 5; index++) ids.unshift((await generate(harness, user, { ...VALID_BRIEF, brand_name: `Brand ${index}` })).json().id);
    const full = await harness.app.inject({ url: "/api/strategy/list?limit=2", headers: auth(user) });
    const summary = await harness.app.inject({ url: "/api/strategy/list?limit=2&view=summary", headers: auth(user) });
    expect(summary.statusCode).toBe(200);
    expect(summary.headers["content-type"]).toMatch(/^application\/json/);
    const records = full.json() as StrategyRecord[];
    expect(summary.json()).toEqual(records.map(summaryOf));
    expect(records.every((one) => one.version === 1)).toBe(true);
    // The cursor of a summary page continues a full listing and the other way round.
    const next = await harness.app.inject({
      url: `/api/strategy/list?limit=3&cursor=${encodeURIComponent(String(summary.headers["x-next-cursor"]))}`,
      headers: auth(user),
    });
    const rest = await harness.app.inject({
      url: `/api/strategy/list?limit=3&view=summary&cursor=${encodeURIComponent(String(full.headers["x-next-cursor"]))}`,
      headers: auth(user),
    });
    expect(next.json().map((one: { id: string }) => one.id)).toEqual(ids.slice(2));
    expect(rest.json().map((one: { id: string }) => one.id)).toEqual(ids.slice(2));
  });

  it("carries updated_at and version once a strategy has them, and rejects an unknown view", async () => {
    const created = (await generate(harness, "u-versioned", VALID_BRIEF)).json() as StrategyRecord;
    const item = await harness.storedItem(created.id);
    await harness.client.send(new PutCommand({ TableName: harness.table, Item: { ...item, version: 3, updatedAt: "2030-01-02T03:04:05.000Z" } }));
    const summary = await harness.app.inject({ url: "/api/strategy/list?view=summary", headers: auth("u-versioned") });
    expect(summary.json()).toEqual([
      {
        id: created.id,
        brand_name: created.brand_name,
        industry: created.industry,
        created_at: created.created_at,
        updated_at: "2030-01-02T03:04:05.000Z",
        model: created.model,
        version: 3,
      },
    ]);
    const bad = await harness.app.inject({ url: "/api/strategy/list?view=brief", headers: auth("u-versioned") });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ detail: "Validation error", errors: [{ field: "querystring.view", message: "Must be full or summary" }] });
  });

  it("answers 429 with Retry-After past the per-user read limit, for that user only", async () => {
    const limited = await startHarness({ env: { READ_RATE_LIMIT_PER_MINUTE: "3" } });
    try {
      const read = (user: string) =>
        limited.app.inject({ url: "/api/strategy/list?view=summary", headers: { authorization: `Bearer ${limited.token(user)}` } });
      for (let index = 0; index < 3; index++) expect((await read("reader")).statusCode).toBe(200);
      const refused = await read("reader");
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toEqual({ detail: "Rate limit exceeded" });
      expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
      expect((await limited.app.inject({ url: "/api/strategy/some-id", headers: { authorization: `Bearer ${limited.token("reader")}` } })).statusCode).toBe(
        429,
      );
      expect((await read("another-reader")).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
