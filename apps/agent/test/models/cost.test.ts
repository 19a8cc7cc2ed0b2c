import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PRICES, PriceTable } from "../../src/models/pricing";
import { loadConfig, parsePrices } from "../../src/core/config";
import { annotateCost } from "../../src/http/plugins/cost";
import { StrategyRepository } from "../../src/strategies/repository";
import { CLAUDE, startBedrockHarness, type BedrockHarness } from "../support/bedrock-harness";
import { generate, startHarness, TEST_SECRET, VALID_BRIEF, type Harness } from "../support/harness";

const tokens = fc.integer({ min: 0, max: 2_000_000 });
const usage = fc.record({ input_tokens: tokens, output_tokens: tokens, cache_read_tokens: tokens });

describe("the price table", () => {
  it("property: cost is never negative, grows with every kind of token, and is zero for the offline model", () => {
    const table = new PriceTable();
    fc.assert(
      fc.property(
        usage,
        fc.constantFrom(...Object.keys(DEFAULT_PRICES)),
        fc.constantFrom("input_tokens", "output_tokens", "cache_read_tokens"),
        (used, model, kind) => {
          const cost = table.estimate(model, used)!;
          expect(cost).toBeGreaterThanOrEqual(0);
          expect(table.estimate(model, { ...used, [kind]: used[kind] + 1_000_000 })!).toBeGreaterThanOrEqual(cost);
          expect(table.estimate("offline", used)).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("charges the published price per million tokens and knows nothing of unlisted models", () => {
    const table = new PriceTable();
    expect(table.estimate(CLAUDE, { input_tokens: 1_000_000, output_tokens: 1_000_000, cache_read_tokens: 1_000_000 })).toBeCloseTo(3 + 15 + 0.3);
    expect(table.estimate("someone.elses-model", { input_tokens: 10, output_tokens: 10, cache_read_tokens: 0 })).toBeUndefined();
  });

  it("takes overrides from MODEL_PRICES and refuses a malformed entry at startup", () => {
    expect(parsePrices("llama3.1:8b=0/0, gpt-4o=2.5/10/1.25")).toEqual({
      "llama3.1:8b": { input: 0, output: 0, cacheRead: 0 },
      "gpt-4o": { input: 2.5, output: 10, cacheRead: 1.25 },
    });
    expect(() => loadConfig({ JWT_SECRET: TEST_SECRET, MODEL_PRICES: "gpt-4o=cheap" })).toThrow(/MODEL_PRICES/);
    expect(() => loadConfig({ JWT_SECRET: TEST_SECRET, MODEL_PRICES: "gpt-4o=-1/2" })).toThrow(/MODEL_PRICES/);
  });

  it("annotates nested records (a list, versions) without touching anything else", () => {
    const table = new PriceTable();
    const record = {
      id: "s1",
      model: "offline",
      usage: { input_tokens: 5, output_tokens: 7, cache_read_tokens: 0 },
      versions: [{ model: CLAUDE, usage: { input_tokens: 1000, output_tokens: 0, cache_read_tokens: 0 } }],
    };
    expect(annotateCost([record], table)).toEqual([
      {
        ...record,
        usage: { ...record.usage, estimated_cost_usd: 0 },
        versions: [{ model: CLAUDE, usage: { input_tokens: 1000, output_tokens: 0, cache_read_tokens: 0, estimated_cost_usd: 0.003 } }],
      },
    ]);
    expect(annotateCost({ detail: "Access denied" }, table)).toEqual({ detail: "Access denied" });
    // Nothing to price: the very same objects come back, not copies.
    const summaries = [
      { id: "s2", model: "offline", version: 1 },
      { id: "s3", model: CLAUDE, version: 2 },
    ];
    expect(annotateCost(summaries, table)).toBe(summaries);
    const page = { records: [record, summaries[0]] };
    const annotatedPage = annotateCost(page, table) as typeof page;
    expect(annotatedPage.records[1]).toBe(summaries[0]);
    expect(annotatedPage.records[0]!.id).toBe("s1");
  });

  it("property: never changes the payload it is given, and adds nothing but estimated_cost_usd", () => {
    const table = new PriceTable();
    const usage = fc.record({ input_tokens: fc.nat(10_000), output_tokens: fc.nat(10_000), cache_read_tokens: fc.nat(10_000) });
    const priced = fc.record({ model: fc.constantFrom("offline", CLAUDE, "unlisted-model"), usage, id: fc.string() });
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof(
        { depthSize: "small" },
        priced,
        fc.jsonValue({ maxDepth: 2 }),
        fc.array(tie("tree"), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 6 }), tie("tree"), { maxKeys: 4 }),
      ),
    }));
    fc.assert(
      fc.property(tree, (payload) => {
        const before = structuredClone(payload);
        const annotated = annotateCost(payload, table);
        expect(payload).toEqual(before);
        const strip = (value: unknown): unknown =>
          Array.isArray(value)
            ? value.map(strip)
            : typeof value === "object" && value !== null
              ? Object.fromEntries(
                  Object.entries(value).map(([key, inner]) => [
                    key,
                    key === "usage" && typeof inner === "object" && inner !== null
                      ? Object.fromEntries(Object.entries(inner).filter(([name]) => name !== "estimated_cost_usd"))
                      : strip(inner),
                  ]),
                )
              : value;
        expect(strip(annotated)).toEqual(strip(before));
      }),
      { numRuns: 200 },
    );
  });
});

describe("usage.estimated_cost_usd in the API", () => {
  let harness: BedrockHarness;
  beforeAll(async () => {
    harness = await startBedrockHarness({ env: { MODEL_PRICES: `${CLAUDE}=4/20/0.4` } });
  });
  afterAll(() => harness.close());

  it("prices a Bedrock generation from its token usage and the configured table", async () => {
    const response = await generate(harness, "u-cost", VALID_BRIEF);
    expect(response.statusCode).toBe(200);
    const { usage } = response.json();
    expect(usage.output_tokens).toBeGreaterThan(0);
    expect(usage.estimated_cost_usd).toBeCloseTo((usage.input_tokens * 4 + usage.output_tokens * 20 + usage.cache_read_tokens * 0.4) / 1e6, 8);
  });

  it("computes the cost on read, so a record stored before the price table existed gets it too", async () => {
    const repository = new StrategyRepository(harness.client, harness.table);
    const stored = (await generate(harness, "u-old", VALID_BRIEF)).json();
    const old = { ...stored, id: "old-record", usage: { input_tokens: 1_000_000, output_tokens: 0, cache_read_tokens: 0 } };
    await repository.create(old);
    expect((await harness.storedItem("old-record"))!.usage).not.toHaveProperty("estimatedCostUsd");
    const auth = { authorization: `Bearer ${harness.token("u-old")}` };
    const one = await harness.app.inject({ url: "/api/strategy/old-record", headers: auth });
    expect(one.json().usage.estimated_cost_usd).toBe(4);
    const list = await harness.app.inject({ url: "/api/strategy/list", headers: auth });
    expect(list.json().map((record: { usage: { estimated_cost_usd: number } }) => typeof record.usage.estimated_cost_usd)).toEqual(["number", "number"]);
  });
});

describe("usage.estimated_cost_usd on versions", () => {
  let harness: Harness;
  beforeAll(async () => {
    // The offline model refines too; a price for it (normally 0) makes every version's estimate visible.
    harness = await startHarness({ env: { MODEL_PRICES: "offline=1000/2000/0" } });
  });
  afterAll(() => harness.close());

  it("prices every version of a strategy, in the version list and when a version is read", async () => {
    const auth = { authorization: `Bearer ${harness.token("u-versions")}` };
    const first = (await generate(harness, "u-versions", VALID_BRIEF)).json();
    const refined = await harness.app.inject({
      method: "POST",
      url: `/api/strategy/${first.id}/refine`,
      headers: auth,
      payload: { message: "Make it more formal" },
    });
    expect(refined.statusCode).toBe(200);
    const versions = (await harness.app.inject({ url: `/api/strategy/${first.id}/versions`, headers: auth })).json();
    expect(versions.map((version: { version: number }) => version.version)).toEqual([2, 1]);
    for (const version of versions) expect(version.usage.estimated_cost_usd).toBeGreaterThan(0);
    const old = (await harness.app.inject({ url: `/api/strategy/${first.id}/versions/1`, headers: auth })).json();
    expect(old.usage.estimated_cost_usd).toBe(first.usage.estimated_cost_usd);
  });
});
