import { PutCommand } from "@aws-sdk/lib-dynamodb";
import fc from "fast-check";
import { ERROR_DETAILS, type StrategyRecord } from "@strategist/schemas";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startHarness, VALID_BRIEF, type Harness } from "../support/harness";
import { CountingOfflineModel } from "../support/models";

const RUNS = { numRuns: 100 };
const INSTRUCTIONS = ["more formal", "more casual", "post daily", "post 3 times a week", "add a pillar about local events", "add TikTok", "drop Pinterest"];

/** Each property may take a while on a busy machine: 100 runs of real HTTP requests against dynalite. */
const PROPERTY_TIMEOUT_MS = 240_000;

// The correctness properties of refine, versions, messages and delete, against the real app on dynalite with the offline model.
// Each property gets fresh tables (beforeEach), so whole-table comparisons stay cheap.
describe("refine, versions, messages and delete properties", () => {
  const model = new CountingOfflineModel();
  let harness: Harness;
  let run = 0;

  beforeEach(async () => {
    harness = await startHarness({
      models: [{ id: "offline", model }],
      env: { MAX_CONCURRENT_GENERATIONS_PER_USER: "10", RATE_LIMIT_PER_MINUTE: "100000", READ_RATE_LIMIT_PER_MINUTE: "100000" },
    });
  });
  afterEach(() => harness.close());

  const auth = (user: string) => ({ authorization: `Bearer ${harness.token(user)}` });
  async function generated(user: string): Promise<StrategyRecord> {
    const response = await harness.app.inject({ method: "POST", url: "/api/strategy/generate", headers: auth(user), payload: VALID_BRIEF });
    expect(response.statusCode).toBe(200);
    return response.json();
  }
  const refine = (user: string, id: string, message: string) =>
    harness.app.inject({ method: "POST", url: `/api/strategy/${id}/refine`, headers: auth(user), payload: { message } });

  it(
    "Property: concurrent refines give strictly consecutive versions",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.array(fc.constantFrom(...INSTRUCTIONS), { minLength: 2, maxLength: 3 }), { minLength: 1, maxLength: 2 }),
          async (waves) => {
            const user = `concurrent-${run++}`;
            const strategy = await generated(user);
            const won: number[] = [];
            for (const wave of waves) {
              const responses = await Promise.all(wave.map((message) => refine(user, strategy.id, message)));
              for (const response of responses) {
                if (response.statusCode === 409) {
                  expect(response.json()).toEqual({ detail: "Strategy was changed by another request" });
                } else {
                  expect(response.statusCode).toBe(200);
                  won.push(response.json().version);
                }
              }
              // Every wave is based on one version, so exactly one of its refines wins.
              expect(responses.filter((response) => response.statusCode === 200)).toHaveLength(1);
            }
            expect(won).toEqual(waves.map((_, index) => index + 2));
            const versions = (await harness.app.inject({ url: `/api/strategy/${strategy.id}/versions`, headers: auth(user) })).json();
            expect(versions.map((version: { version: number }) => version.version)).toEqual([...won].reverse().concat(1));
            const head = (await harness.app.inject({ url: `/api/strategy/${strategy.id}`, headers: auth(user) })).json();
            expect(head.version).toBe(waves.length + 1);
            const messages = (await harness.app.inject({ url: `/api/strategy/${strategy.id}/messages?limit=100`, headers: auth(user) })).json();
            expect(messages.map((message: { version: number }) => message.version)).toEqual(won.flatMap((version) => [version, version]));
          },
        ),
        RUNS,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "Property: delete removes every item of that strategy and nothing of any other user or strategy",
    async () => {
      const owners = ["alice", "bob"];
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              owner: fc.constantFrom(...owners),
              refines: fc.nat({ max: 1 }),
              extras: fc.array(fc.constantFrom("plan", "post#a", "post#b"), { maxLength: 2 }),
            }),
            { minLength: 1, maxLength: 2 },
          ),
          fc.nat(),
          fc.constantFrom(...owners),
          async (plans, pick, intruder) => {
            const prefix = `del-${run++}-`;
            const strategies: StrategyRecord[] = [];
            for (const plan of plans) {
              const strategy = await generated(prefix + plan.owner);
              for (let index = 0; index < plan.refines; index++) expect((await refine(prefix + plan.owner, strategy.id, "more casual")).statusCode).toBe(200);
              // Items other capabilities store under a strategy (plans, posts) must go with it too.
              for (const itemKey of new Set(plan.extras)) {
                await harness.client.send(
                  new PutCommand({ TableName: harness.itemsTable, Item: { strategyId: strategy.id, itemKey, note: "another capability" } }),
                );
              }
              strategies.push(strategy);
            }
            const target = strategies[pick % strategies.length]!;
            const before = await harness.strategyItems();
            const headsBefore = await harness.storedItems();
            if (prefix + intruder !== target.user_id) {
              const refused = await harness.app.inject({ method: "DELETE", url: `/api/strategy/${target.id}`, headers: auth(prefix + intruder) });
              expect(refused.statusCode).toBe(403);
              expect(await harness.strategyItems()).toEqual(before);
              expect(await harness.storedItems()).toEqual(headsBefore);
            }
            const deleted = await harness.app.inject({ method: "DELETE", url: `/api/strategy/${target.id}`, headers: auth(target.user_id) });
            expect(deleted.statusCode).toBe(204);
            expect(await harness.strategyItems(target.id)).toEqual([]);
            expect(await harness.strategyItems()).toEqual(before.filter((item) => item.strategyId !== target.id));
            expect(await harness.storedItems()).toEqual(headsBefore.filter((item) => item.strategyId !== target.id));
            expect((await harness.app.inject({ url: `/api/strategy/${target.id}`, headers: auth(target.user_id) })).statusCode).toBe(404);
            // Leave the tables empty for the next run, through the same route.
            for (const strategy of strategies.filter((strategy) => strategy !== target)) {
              expect((await harness.app.inject({ method: "DELETE", url: `/api/strategy/${strategy.id}`, headers: auth(strategy.user_id) })).statusCode).toBe(
                204,
              );
            }
            expect(await harness.strategyItems()).toEqual([]);
          },
        ),
        RUNS,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "Property: message pages return every message exactly once in order",
    async () => {
      let other: StrategyRecord | undefined;
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.constantFrom(...INSTRUCTIONS), { minLength: 1, maxLength: 4 }),
          fc.integer({ min: 1, max: 3 }),
          async (instructions, limit) => {
            const user = "pages-user";
            other ??= await generated(user);
            const strategy = await generated(user);
            for (const message of instructions) expect((await refine(user, strategy.id, message)).statusCode).toBe(200);
            const seen: { id: string; role: string; version: number; content: string }[] = [];
            let cursor: string | undefined;
            let pages = 0;
            do {
              const response = await harness.app.inject({
                url: `/api/strategy/${strategy.id}/messages?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
                headers: auth(user),
              });
              expect(response.statusCode).toBe(200);
              const page = response.json();
              expect(page.length).toBeLessThanOrEqual(limit);
              seen.push(...page);
              cursor = response.headers["x-next-cursor"] as string | undefined;
              if (cursor && pages === 0) {
                // A cursor is bound to its user and strategy: elsewhere, or tampered with, it is a 400, never data.
                for (const [url, who] of [
                  [`/api/strategy/${other.id}/messages`, user],
                  [`/api/strategy/${strategy.id}/messages`, `${user}-other`],
                ] as const) {
                  const foreign = await harness.app.inject({ url: `${url}?cursor=${encodeURIComponent(cursor)}`, headers: auth(who) });
                  expect(foreign.statusCode).toBe(who === user ? 400 : 403);
                }
                const tampered = await harness.app.inject({
                  url: `/api/strategy/${strategy.id}/messages?cursor=${encodeURIComponent(`x${cursor}`)}`,
                  headers: auth(user),
                });
                expect(tampered.statusCode).toBe(400);
                expect(tampered.json().errors).toEqual([{ field: "cursor", message: "Invalid cursor" }]);
              }
              pages++;
            } while (cursor && pages < 50);
            expect(seen.map((message) => [message.version, message.role])).toEqual(
              instructions.flatMap((_, index) => [
                [index + 2, "user"],
                [index + 2, "assistant"],
              ]),
            );
            expect(seen.filter((message) => message.role === "user").map((message) => message.content)).toEqual(instructions);
            expect(new Set(seen.map((message) => message.id)).size).toBe(seen.length);
          },
        ),
        RUNS,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "Property: every new route refuses another user's strategy",
    async () => {
      const owner = "route-owner";
      const strategy = await generated(owner);
      expect((await refine(owner, strategy.id, "more formal")).statusCode).toBe(200);
      const routes = [
        { method: "POST", path: "/refine", payload: { message: "drop LinkedIn" } },
        { method: "POST", path: "/refine/stream", payload: { message: "drop LinkedIn" } },
        { method: "POST", path: "/regenerate", payload: {} },
        { method: "GET", path: "/versions" },
        { method: "GET", path: "/versions/1" },
        { method: "POST", path: "/versions/1/restore" },
        { method: "GET", path: "/messages" },
        { method: "DELETE", path: "" },
      ] as const;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...routes),
          fc.string({ minLength: 1, maxLength: 40 }).filter((id) => id.trim() !== "" && id !== owner),
          async (route, intruder) => {
            const calls = model.calls;
            const itemsBefore = await harness.strategyItems(strategy.id);
            const request = (id: string) =>
              harness.app.inject({
                method: route.method,
                url: `/api/strategy/${encodeURIComponent(id)}${route.path}`,
                headers: { ...auth(intruder), "idempotency-key": `key-${run++}` },
                ...("payload" in route ? { payload: route.payload } : {}),
              });
            const refused = await request(strategy.id);
            expect(refused.statusCode).toBe(403);
            expect(refused.json()).toEqual({ detail: ERROR_DETAILS.access_denied });
            const missing = await request(`missing-${strategy.id}`);
            expect(missing.statusCode).toBe(404);
            expect(missing.json()).toEqual({ detail: ERROR_DETAILS.not_found });
            expect(model.calls).toBe(calls);
            expect(await harness.strategyItems(strategy.id)).toEqual(itemsBefore);
          },
        ),
        RUNS,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
