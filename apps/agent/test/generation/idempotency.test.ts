import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { IdempotencyStore, requestFingerprint } from "../../src/generation/idempotency";
import { StrategyRepository } from "../../src/strategies/repository";
import { startHarness, VALID_BRIEF, type Harness } from "../support/harness";
import { FlakyOfflineModel } from "../support/models";

describe("Idempotency-Key on generate", () => {
  const model = new FlakyOfflineModel(0, 5);
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ models: [{ id: "offline", model }], env: { MAX_CONCURRENT_GENERATIONS_PER_USER: "10" } });
  });
  afterAll(() => harness.close());
  beforeEach(() => {
    model.calls = 0;
  });

  const generate = (user: string, key: string | undefined, body: object = VALID_BRIEF) =>
    harness.app.inject({
      method: "POST",
      url: "/api/strategy/generate",
      headers: { authorization: `Bearer ${harness.token(user)}`, ...(key ? { "idempotency-key": key } : {}) },
      payload: body,
    });
  const storedFor = async (user: string) => (await harness.storedItems()).filter((item) => item.userId === user);

  it("returns the same record for a retry, without a second model call", async () => {
    const first = await generate("i-retry", "key-1");
    const second = await generate("i-retry", "key-1");
    expect(first.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());
    expect(model.calls).toBe(1);
    expect(await storedFor("i-retry")).toHaveLength(1);
  });

  it("runs the model once when two requests with the same key arrive at the same time", async () => {
    const [a, b] = await Promise.all([generate("i-race", "key-race"), generate("i-race", "key-race")]);
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    expect(a.json().id).toBe(b.json().id);
    expect(model.calls).toBe(1);
    expect(await storedFor("i-race")).toHaveLength(1);
  });

  it("shares nothing between users with the same key", async () => {
    const mine = await generate("i-user-a", "shared-key");
    const theirs = await generate("i-user-b", "shared-key");
    expect(mine.json().id).not.toBe(theirs.json().id);
    expect(theirs.json().user_id).toBe("i-user-b");
    expect(model.calls).toBe(2);
  });

  it("rejects a reused key with a different request, storing nothing more", async () => {
    await generate("i-diff", "key-diff");
    const other = await generate("i-diff", "key-diff", { ...VALID_BRIEF, goals: "Something else" });
    expect(other.statusCode).toBe(400);
    expect(other.json()).toEqual({ detail: "Validation error", errors: [{ field: "Idempotency-Key", message: "Reused with a different request" }] });
    expect(await storedFor("i-diff")).toHaveLength(1);
  });

  it("frees the key when the generation fails, so a retry generates", async () => {
    const flaky = new FlakyOfflineModel(1);
    const local = await startHarness({ models: [{ id: "offline", model: flaky }] });
    try {
      const headers = { authorization: `Bearer ${local.token("i-fail")}`, "idempotency-key": "key-fail" };
      const failed = await local.app.inject({ method: "POST", url: "/api/strategy/generate", headers, payload: VALID_BRIEF });
      expect(failed.statusCode).toBe(500);
      const retried = await local.app.inject({ method: "POST", url: "/api/strategy/generate", headers, payload: VALID_BRIEF });
      expect(retried.statusCode).toBe(200);
      expect(flaky.calls).toBe(2);
    } finally {
      await local.close();
    }
  });

  it("is not locked forever by a request that crashed mid-way", async () => {
    const crashed = new IdempotencyStore(harness.client, harness.table, 100);
    const claim = await crashed.claim("i-crash", "key-crash", requestFingerprint(VALID_BRIEF), Date.now() + 1_000);
    expect(claim.kind).toBe("owner");
    const response = await generate("i-crash", "key-crash");
    expect(response.statusCode).toBe(200);
    expect(response.json().id).toBe(claim.recordId);
    expect(model.calls).toBe(1);
  });

  it("returns what a crashed request stored, instead of generating it again", async () => {
    const crashed = new IdempotencyStore(harness.client, harness.table, 100);
    const claim = await crashed.claim("i-stored", "key-stored", requestFingerprint(VALID_BRIEF), Date.now() + 1_000);
    const record = (await generate("i-stored-elsewhere", undefined)).json();
    await new StrategyRepository(harness.client, harness.table).create({ ...record, id: claim.recordId, user_id: "i-stored" });
    model.calls = 0;
    const response = await generate("i-stored", "key-stored");
    expect(response.statusCode).toBe(200);
    expect(response.json().id).toBe(claim.recordId);
    expect(model.calls).toBe(0);
    expect(await storedFor("i-stored")).toHaveLength(1);
  });

  it("rejects a malformed key", async () => {
    const response = await generate("i-bad", "has space");
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe("headers.idempotency-key");
  });

  it("stores one record and calls the model once per distinct (user, key), whatever the order of requests", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom("u1", "u2"), fc.constantFrom("k1", "k2", "k3")), { minLength: 1, maxLength: 8 }), async (requests) => {
        run++;
        const prefix = `p${run}-`;
        model.calls = 0;
        const responses = await Promise.all(requests.map(([user, key]) => generate(prefix + user, key)));
        for (const response of responses) expect(response.statusCode).toBe(200);
        const distinct = new Set(requests.map(([user, key]) => `${user}/${key}`));
        expect(model.calls).toBe(distinct.size);
        const ids = new Map<string, string>();
        responses.forEach((response, index) => {
          const [user, key] = requests[index]!;
          const seen = ids.get(`${user}/${key}`);
          if (seen) expect(response.json().id).toBe(seen);
          ids.set(`${user}/${key}`, response.json().id);
        });
        const stored = (await harness.storedItems()).filter((item) => String(item.userId).startsWith(prefix));
        expect(stored).toHaveLength(distinct.size);
      }),
      { numRuns: 100 },
    );
  });
});
