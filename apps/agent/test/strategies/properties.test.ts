import fc from "fast-check";
import { ERROR_DETAILS, INPUT_LIMITS, StrategyOutput, StrategyRecord } from "@strategist/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BRIEF_FIELDS, blankText, strategyOutput, userId, validBrief, type BriefField } from "../support/arbitraries";
import { expectStrategyShape } from "../support/assertions";
import { generate, startHarness, TEST_SECRET, VALID_BRIEF, type Harness } from "../support/harness";
import { CountingOfflineModel, HangingModel, InvalidOutputModel, ThrowingModel } from "../support/models";
import { invalidTokens } from "../support/tokens";

const RUNS = { numRuns: 100 };

// The 13 correctness properties of the strategy API, each checked against the real app on dynalite with the offline model.
describe("correctness properties", () => {
  const model = new CountingOfflineModel();
  let times: Date[] = [];
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ models: [{ id: "offline", model }], clock: () => times.shift() ?? new Date() });
  });
  afterAll(() => harness.close());

  it("Property 1: Input Validation Rejects Invalid Fields", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...BRIEF_FIELDS), blankText, async (field, blank) => {
        const before = (await harness.storedItems()).length;
        const calls = model.calls;
        const response = await generate(harness, "user-p1", { ...VALID_BRIEF, [field]: blank });
        expect(response.statusCode).toBe(400);
        expect(response.json().errors).toContainEqual({ field, message: "Must not be empty or only whitespace" });
        expect(model.calls).toBe(calls);
        expect((await harness.storedItems()).length).toBe(before);
      }),
      RUNS,
    );
  });

  it("Property 2: Invalid Input Returns Descriptive Errors", async () => {
    const tooLong = (field: BriefField) => "x".repeat(INPUT_LIMITS[field] + 1);
    const breakage = fc.constantFrom("missing", "blank", "number", "null", "array", "object", "too-long");
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom(...BRIEF_FIELDS), breakage, { minKeys: 1 }),
        fc.option(fc.constantFrom("id", "user_id", "created_at", "strategy_output"), { nil: undefined }),
        async (broken, extraKey) => {
          const body: Record<string, unknown> = { ...VALID_BRIEF };
          for (const [field, how] of Object.entries(broken) as [BriefField, string][]) {
            if (how === "missing") delete body[field];
            else body[field] = { blank: "   ", number: 42, null: null, array: ["a"], object: { a: 1 }, "too-long": tooLong(field) }[how];
          }
          if (extraKey) body[extraKey] = "from the client";
          const response = await generate(harness, "user-p2", body);
          expect(response.statusCode).toBe(400);
          const payload = response.json();
          expect(payload.detail).toBe("Validation error");
          const fields = payload.errors.map((error: { field: string }) => error.field);
          expect(new Set(fields)).toEqual(new Set([...Object.keys(broken), ...(extraKey ? [extraKey] : [])]));
          for (const error of payload.errors) expect(error.message.length).toBeGreaterThan(3);
        },
      ),
      RUNS,
    );
  });

  describe("authentication", () => {
    let existingId: string;
    beforeAll(async () => {
      existingId = (await generate(harness, "owner", VALID_BRIEF)).json().id;
    });
    const endpoint = fc.constantFrom(
      { method: "POST" as const, url: () => "/api/strategy/generate" },
      { method: "GET" as const, url: () => "/api/strategy/list" },
      { method: "GET" as const, url: () => `/api/strategy/${existingId}` },
      { method: "GET" as const, url: () => "/api/models" },
    );

    it("Property 3: Authentication Required for Protected Endpoints", async () => {
      await fc.assert(
        fc.asyncProperty(endpoint, invalidTokens(TEST_SECRET), async (target, credentials) => {
          const before = (await harness.storedItems()).length;
          const calls = model.calls;
          const response = await harness.app.inject({
            method: target.method,
            url: target.url(),
            headers: credentials.header === undefined ? {} : { authorization: credentials.header },
            ...(target.method === "POST" ? { payload: VALID_BRIEF } : {}),
          });
          expect(response.statusCode).toBeGreaterThanOrEqual(400);
          expect(response.body).not.toContain(existingId);
          expect(model.calls).toBe(calls);
          expect((await harness.storedItems()).length).toBe(before);
        }),
        RUNS,
      );
    });

    it("Property 4: Unauthenticated Requests Return 401", async () => {
      await fc.assert(
        fc.asyncProperty(endpoint, invalidTokens(TEST_SECRET), async (target, credentials) => {
          const response = await harness.app.inject({
            method: target.method,
            url: target.url(),
            headers: credentials.header === undefined ? {} : { authorization: credentials.header },
            ...(target.method === "POST" ? { payload: VALID_BRIEF } : {}),
          });
          expect(response.statusCode).toBe(401);
          expect(response.json()).toEqual({ detail: credentials.expired ? ERROR_DETAILS.token_expired : ERROR_DETAILS.invalid_token });
          expect(response.headers["www-authenticate"]).toMatch(/^Bearer/);
        }),
        RUNS,
      );
    });
  });

  it("Property 5: Agent Generates Output for Valid Input", async () => {
    await fc.assert(
      fc.asyncProperty(validBrief, async (brief) => {
        const response = await generate(harness, "user-p5", brief);
        expect(response.statusCode).toBe(200);
        const record = response.json();
        expect(StrategyOutput.safeParse(record.strategy_output).success).toBe(true);
        expect(record.brand_name).toBe(brief.brand_name.trim());
      }),
      RUNS,
    );
  });

  it("Property 6: Agent Output Conforms to Schema", async () => {
    await fc.assert(
      fc.asyncProperty(validBrief, async (brief) => {
        expectStrategyShape((await generate(harness, "user-p6", brief)).json().strategy_output);
      }),
      RUNS,
    );
  });

  it("Property 7: Pydantic Model JSON Serialization Round-Trip", () => {
    fc.assert(
      fc.property(strategyOutput, (output) => {
        const restored = StrategyOutput.parse(JSON.parse(JSON.stringify(output)));
        expect(restored).toEqual(output);
      }),
      RUNS,
    );
  });

  it("Property 8: Generated Strategies Are Persisted", async () => {
    await fc.assert(
      fc.asyncProperty(validBrief, userId, async (brief, user) => {
        const created = (await generate(harness, user, brief)).json();
        const fetched = await harness.app.inject({ url: `/api/strategy/${created.id}`, headers: { authorization: `Bearer ${harness.token(user)}` } });
        expect(fetched.statusCode).toBe(200);
        expect(fetched.json()).toEqual(created);
        const stored = await harness.storedItem(created.id);
        expect(stored?.strategyOutput).toEqual(created.strategy_output);
      }),
      RUNS,
    );
  });

  it("Property 9: Strategy Records Are Complete", async () => {
    await fc.assert(
      fc.asyncProperty(validBrief, userId, async (brief, user) => {
        const created = (await generate(harness, user, brief)).json();
        const item = (await harness.storedItem(created.id))!;
        expect(item).toMatchObject({
          strategyId: expect.stringMatching(/^[0-9a-f-]{36}$/),
          userId: user,
          brandName: brief.brand_name.trim(),
          industry: brief.industry.trim(),
          targetAudience: brief.target_audience.trim(),
          goals: brief.goals.trim(),
          modelId: "offline",
        });
        expect(StrategyOutput.safeParse(item.strategyOutput).success).toBe(true);
        expect(new Date(item.createdAt as string).toISOString()).toBe(item.createdAt);
        expect(StrategyRecord.safeParse(created).success).toBe(true);
      }),
      RUNS,
    );
  });

  it("Property 10: Strategy Records Enforce User Isolation", async () => {
    await fc.assert(
      fc.asyncProperty(userId, userId, validBrief, async (userA, userB, brief) => {
        fc.pre(userA !== userB);
        const created = (await generate(harness, userA, brief)).json();
        const asB = { authorization: `Bearer ${harness.token(userB)}` };
        const fetched = await harness.app.inject({ url: `/api/strategy/${created.id}`, headers: asB });
        expect(fetched.statusCode).not.toBe(200);
        expect(fetched.body).not.toContain(created.strategy_output.content_pillars[0]);
        const listed = await harness.app.inject({ url: "/api/strategy/list?limit=100", headers: asB });
        expect(listed.json().map((record: { id: string }) => record.id)).not.toContain(created.id);
        for (const record of listed.json()) expect(record.user_id).toBe(userB);
      }),
      RUNS,
    );
  });

  it("Property 11: User Strategies Sorted by Date Descending", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uuid(),
        fc.array(fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }), { minLength: 2, maxLength: 6 }),
        async (user, dates) => {
          times = [...dates];
          for (const _ of dates) expect((await generate(harness, user, VALID_BRIEF)).statusCode).toBe(200);
          const listed = (await harness.app.inject({ url: "/api/strategy/list", headers: { authorization: `Bearer ${harness.token(user)}` } })).json();
          const created = listed.map((record: { created_at: string }) => record.created_at);
          expect(created).toEqual(
            [...dates]
              .map((date) => date.toISOString())
              .sort()
              .reverse(),
          );
        },
      ),
      RUNS,
    );
  });

  it("Property 12: Cross-User Access Returns 403", async () => {
    await fc.assert(
      fc.asyncProperty(userId, userId, async (owner, other) => {
        fc.pre(owner !== other);
        const created = (await generate(harness, owner, VALID_BRIEF)).json();
        const response = await harness.app.inject({ url: `/api/strategy/${created.id}`, headers: { authorization: `Bearer ${harness.token(other)}` } });
        expect(response.statusCode).toBe(403);
        expect(response.json()).toEqual({ detail: "Access denied" });
      }),
      RUNS,
    );
  });
});

describe("Property 13: Errors Prevent Incomplete Storage", () => {
  const failing = {
    throws: { model: new ThrowingModel(), status: 500, detail: ERROR_DETAILS.generation_failed },
    "times out": { model: new HangingModel(), status: 504, detail: ERROR_DETAILS.timeout },
    "never returns valid output": { model: new InvalidOutputModel(), status: 500, detail: ERROR_DETAILS.structured_output },
  };
  const harnesses = new Map<string, Harness>();

  beforeAll(async () => {
    for (const [name, { model }] of Object.entries(failing)) {
      harnesses.set(name, await startHarness({ models: [{ id: name, model }], env: { AGENT_TIMEOUT_SECONDS: "0.05" } }));
    }
  });
  afterAll(async () => {
    for (const harness of harnesses.values()) await harness.close();
  });

  it("Property 13: Errors Prevent Incomplete Storage — a model that throws, times out or never returns valid output stores nothing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...(Object.keys(failing) as (keyof typeof failing)[])), validBrief, userId, async (kind, brief, user) => {
        const harness = harnesses.get(kind)!;
        const response = await generate(harness, user, brief);
        expect(response.statusCode).toBe(failing[kind].status);
        expect(response.json()).toEqual({ detail: failing[kind].detail });
        expect(await harness.storedItems()).toEqual([]);
      }),
      RUNS,
    );
    const hanging = failing["times out"].model;
    expect(hanging.aborted).toBe(hanging.calls);
    expect(failing["never returns valid output"].model.calls).toBeGreaterThan(0);
  });
});
