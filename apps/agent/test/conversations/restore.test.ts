import fc from "fast-check";
import { StrategyRecord, VersionList } from "@strategist/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, VALID_BRIEF, type Harness } from "../support/harness";

const INSTRUCTIONS = ["more formal", "more casual", "post daily", "post 3 times a week", "add a pillar about local events", "add TikTok", "drop Pinterest"];
/** 100 runs of real HTTP requests against dynalite may take a while on a busy machine. */
const PROPERTY_TIMEOUT_MS = 240_000;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ env: { MAX_CONCURRENT_GENERATIONS_PER_USER: "10", RATE_LIMIT_PER_MINUTE: "100000", READ_RATE_LIMIT_PER_MINUTE: "100000" } });
});
afterAll(() => harness.close());

const auth = (user: string) => ({ authorization: `Bearer ${harness.token(user)}` });
async function generated(user: string): Promise<StrategyRecord> {
  const response = await harness.app.inject({ method: "POST", url: "/api/strategy/generate", headers: auth(user), payload: VALID_BRIEF });
  expect(response.statusCode).toBe(200);
  return response.json();
}
async function refined(user: string, id: string, message: string): Promise<StrategyRecord> {
  const response = await harness.app.inject({ method: "POST", url: `/api/strategy/${id}/refine`, headers: auth(user), payload: { message } });
  expect(response.statusCode).toBe(200);
  return response.json();
}
const restore = (user: string, id: string, version: number | string, headers: Record<string, string> = {}) =>
  harness.app.inject({ method: "POST", url: `/api/strategy/${id}/versions/${version}/restore`, headers: { ...auth(user), ...headers } });
const get = (user: string, url: string) => harness.app.inject({ url, headers: auth(user) });
async function versionsOf(user: string, id: string) {
  return VersionList.parse((await get(user, `/api/strategy/${id}/versions`)).json());
}

describe("restore an earlier version", () => {
  it("writes version N+1 with version k's content, labelled as a restore, and keeps every earlier version unchanged", async () => {
    const original = await generated("v-restore");
    const second = await refined("v-restore", original.id, "add a pillar about local events");
    const third = await refined("v-restore", original.id, "post daily");
    expect(second.strategy_output).not.toEqual(original.strategy_output);

    const response = await restore("v-restore", original.id, 1);
    expect(response.statusCode).toBe(200);
    const restored = StrategyRecord.parse(response.json());
    expect(restored).toMatchObject({ id: original.id, version: 4, created_at: original.created_at, model: original.model });
    expect(restored.strategy_output).toEqual(original.strategy_output);
    expect((await get("v-restore", `/api/strategy/${original.id}`)).json()).toEqual(restored);

    const versions = await versionsOf("v-restore", original.id);
    expect(versions.map(({ version, kind, message }) => [version, kind, message])).toEqual([
      [4, "restore", "Restored version 1"],
      [3, "refine", "post daily"],
      [2, "refine", "add a pillar about local events"],
      [1, "generate", undefined],
    ]);
    for (const earlier of [original, second, third]) {
      expect((await get("v-restore", `/api/strategy/${original.id}/versions/${earlier.version}`)).json()).toEqual(earlier);
    }
    // A restore is not a chat exchange: the conversation is unchanged.
    expect((await get("v-restore", `/api/strategy/${original.id}/messages?limit=100`)).json()).toHaveLength(4);
  });

  it("answers the latest and writes nothing when it already has that content (the latest itself, or a restore repeated)", async () => {
    const original = await generated("v-noop");
    const latest = await refined("v-noop", original.id, "more formal");
    const same = await restore("v-noop", original.id, 2);
    expect(same.statusCode).toBe(200);
    expect(same.json()).toEqual(latest);
    const first = (await restore("v-noop", original.id, 1)).json();
    expect(first.version).toBe(3);
    const again = await restore("v-noop", original.id, 1);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first);
    expect((await versionsOf("v-noop", original.id)).map(({ version }) => version)).toEqual([3, 2, 1]);
  });

  it("replays a retry with the same Idempotency-Key and refuses the key with another version", async () => {
    const original = await generated("v-key");
    await refined("v-key", original.id, "more casual");
    await refined("v-key", original.id, "post daily");
    const first = await restore("v-key", original.id, 1, { "idempotency-key": "restore-once" });
    expect(first.statusCode).toBe(200);
    await refined("v-key", original.id, "add TikTok");
    const retried = await restore("v-key", original.id, 1, { "idempotency-key": "restore-once" });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toEqual(first.json());
    const reused = await restore("v-key", original.id, 2, { "idempotency-key": "restore-once" });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().errors).toEqual([{ field: "Idempotency-Key", message: "Reused with a different request" }]);
    expect((await versionsOf("v-key", original.id)).map(({ version }) => version)).toEqual([5, 4, 3, 2, 1]);
  });

  it("of two restores based on the same version, exactly one is written and the other is 409", async () => {
    const original = await generated("v-race");
    await refined("v-race", original.id, "more casual");
    await refined("v-race", original.id, "post daily");
    const responses = await Promise.all([restore("v-race", original.id, 1), restore("v-race", original.id, 2)]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    expect(responses.find((response) => response.statusCode === 409)!.json()).toEqual({ detail: "Strategy was changed by another request" });
    expect((await versionsOf("v-race", original.id)).map(({ version }) => version)).toEqual([4, 3, 2, 1]);
  });

  it("needs a token, refuses another user's strategy with 403 and answers 404 for an unknown strategy or version, storing nothing", async () => {
    const original = await generated("v-owner");
    await refined("v-owner", original.id, "more formal");
    const before = await harness.strategyItems(original.id);
    const anonymous = await harness.app.inject({ method: "POST", url: `/api/strategy/${original.id}/versions/1/restore` });
    expect(anonymous.statusCode).toBe(401);
    const intruder = await restore("v-intruder", original.id, 1);
    expect(intruder.statusCode).toBe(403);
    expect(intruder.json()).toEqual({ detail: "Access denied" });
    // Ownership comes first: another user learns nothing about which versions exist.
    expect((await restore("v-intruder", original.id, 99)).statusCode).toBe(403);
    const unknownStrategy = await restore("v-owner", "no-such-strategy", 1);
    expect(unknownStrategy.statusCode).toBe(404);
    expect(unknownStrategy.json()).toEqual({ detail: "Strategy not found" });
    const unknownVersion = await restore("v-owner", original.id, 3);
    expect(unknownVersion.statusCode).toBe(404);
    expect(unknownVersion.json()).toEqual({ detail: "Version not found" });
    const badVersion = await restore("v-owner", original.id, "zero");
    expect(badVersion.statusCode).toBe(400);
    expect(badVersion.json().errors[0].field).toBe("params.version");
    expect(await harness.strategyItems(original.id)).toEqual(before);
  });

  it("is documented in the OpenAPI document", async () => {
    const document = (await harness.app.inject({ url: "/docs/json" })).json();
    expect(document.paths["/api/strategy/{id}/versions/{version}/restore"]?.post?.operationId).toBe("restoreStrategyVersion");
  });

  it(
    "Property: restoring version k makes the latest equal k and keeps every earlier version",
    async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(fc.constantFrom(...INSTRUCTIONS), { minLength: 1, maxLength: 3 }), fc.nat(), async (instructions, pick) => {
          const user = `v-property-${run++}`;
          const strategy = await generated(user);
          for (const message of instructions) await refined(user, strategy.id, message);
          const latest = instructions.length + 1;
          const before = await Promise.all(
            Array.from({ length: latest }, async (_, index) => (await get(user, `/api/strategy/${strategy.id}/versions/${index + 1}`)).json()),
          );
          const k = (pick % latest) + 1;
          const response = await restore(user, strategy.id, k);
          expect(response.statusCode).toBe(200);
          const head = (await get(user, `/api/strategy/${strategy.id}`)).json();
          expect(response.json()).toEqual(head);
          expect(head.strategy_output).toEqual(before[k - 1].strategy_output);
          // A new version unless the latest already had k's content.
          const unchanged = JSON.stringify(before[k - 1].strategy_output) === JSON.stringify(before[latest - 1].strategy_output);
          expect(head.version).toBe(unchanged ? latest : latest + 1);
          for (const [index, earlier] of before.entries()) {
            expect((await get(user, `/api/strategy/${strategy.id}/versions/${index + 1}`)).json()).toEqual(earlier);
          }
        }),
        { numRuns: 100 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
