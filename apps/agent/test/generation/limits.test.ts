import { randomUUID } from "node:crypto";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createDocumentClient, ensureTables, limitsTableDefinition, LimitsStore } from "@strategist/dynamo";
import { startEmbeddedDynamo, type EmbeddedDynamo } from "@strategist/dynamo/embedded";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "../../src/core/errors";
import { GenerationLimits } from "../../src/generation/limits";
import { ReadLimiter } from "../../src/http/read-limits";
import { OfflineModel } from "../../src/models/offline/model";
import { startHarness, VALID_BRIEF, type Harness } from "../support/harness";
import { OFFLINE_WRITERS } from "../../src/main/offline-writers";

let dynamo: EmbeddedDynamo;
let client: DynamoDBDocumentClient;
const TABLE = "limits-unit";

beforeAll(async () => {
  dynamo = await startEmbeddedDynamo();
  client = createDocumentClient({ region: "us-east-1", endpoint: dynamo.endpoint });
  await ensureTables(client, [limitsTableDefinition(TABLE)]);
}, 60_000);
afterAll(async () => {
  client.destroy();
  await dynamo.close();
});

async function rejection(action: () => Promise<unknown> | undefined): Promise<AppError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a rejection");
}

/** Limits of one "process" on the shared table, with a clock the test moves. */
function limitsAt(clock: { now: number }, options: { perUserPerMinute: number; maxConcurrent: number; maxConcurrentPerUser: number; leaseMs?: number }) {
  return new GenerationLimits({ ...options, leaseMs: options.leaseMs ?? 30_000, store: new LimitsStore(client, TABLE, () => clock.now) });
}

describe("generation limits", () => {
  it("slides a one-minute window per user and says when to retry", async () => {
    const clock = { now: 1_000_000 };
    const limits = limitsAt(clock, { perUserPerMinute: 2, maxConcurrent: 10, maxConcurrentPerUser: 10 });
    const user = `a-${randomUUID()}`;
    await (
      await limits.acquire(user)
    )();
    clock.now += 20_000;
    await (
      await limits.acquire(user)
    )();
    const limited = await rejection(() => limits.acquire(user));
    expect(limited.code).toBe("rate_limited");
    expect(limited.retryAfterSeconds).toBe(40);
    await (
      await limits.acquire(`b-${randomUUID()}`)
    )();
    clock.now += 40_001;
    await expect(limits.acquire(user)).resolves.toBeTypeOf("function");
  });

  it("caps one user's concurrent generations with 429 and the process's with 503, until slots are released", async () => {
    const clock = { now: 1_000_000 };
    const limits = limitsAt(clock, { perUserPerMinute: 100, maxConcurrent: 3, maxConcurrentPerUser: 2 });
    const [a, b, c] = [`a-${randomUUID()}`, `b-${randomUUID()}`, `c-${randomUUID()}`];
    const a1 = await limits.acquire(a);
    await limits.acquire(a);
    expect((await rejection(() => limits.acquire(a))).code).toBe("user_busy");
    await limits.acquire(b);
    const shed = await rejection(() => limits.acquire(c));
    expect(shed.code).toBe("unavailable");
    expect(shed.status).toBe(503);
    expect(shed.retryAfterSeconds).toBeGreaterThan(0);
    await a1();
    await a1();
    expect(limits.inFlight).toBe(2);
    await expect(limits.acquire(c)).resolves.toBeTypeOf("function");
  });

  it("per-user limits hold across processes: a user's slots are counted once for all of them", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 5 }), async (perMinute, perUser, requests) => {
        const clock = { now: 1_000_000 };
        const processes = [0, 1].map(() => limitsAt(clock, { perUserPerMinute: perMinute, maxConcurrent: 100, maxConcurrentPerUser: perUser }));
        const user = `u-${randomUUID()}`;
        const outcomes = await Promise.allSettled(Array.from({ length: requests }, (_, index) => processes[index % 2]!.acquire(user)));
        const admitted = outcomes.filter((outcome) => outcome.status === "fulfilled").length;
        expect(admitted).toBe(Math.min(requests, perMinute, perUser));
        for (const outcome of outcomes) {
          if (outcome.status === "rejected") expect(["rate_limited", "user_busy"]).toContain((outcome.reason as AppError).code);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("a slot whose process stopped renewing comes back after the lease; a running one is renewed and kept", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      const clock = { now: 1_000_000 };
      const running = limitsAt(clock, { perUserPerMinute: 100, maxConcurrent: 10, maxConcurrentPerUser: 1, leaseMs: 3_000 });
      const other = limitsAt(clock, { perUserPerMinute: 100, maxConcurrent: 10, maxConcurrentPerUser: 1, leaseMs: 3_000 });
      const user = `lease-${randomUUID()}`;
      const release = await running.acquire(user);
      // Renewed every second while the generation runs: after 10 s the slot is still held.
      for (let second = 0; second < 10; second++) {
        clock.now += 1_000;
        await vi.advanceTimersByTimeAsync(1_000);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect((await rejection(() => other.acquire(user))).code).toBe("user_busy");
      // The process "dies": nothing renews any more; one lease later the other process gets the slot.
      vi.clearAllTimers();
      clock.now += 2_999;
      expect((await rejection(() => other.acquire(user))).code).toBe("user_busy");
      clock.now += 1;
      await expect(other.acquire(user)).resolves.toBeTypeOf("function");
      await release();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("read limits", () => {
  it("one process lets exactly perMinute reads through a window, then 429 until the next window", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 10 }), async (perMinute, batch) => {
        const clock = { now: 6_000_000 };
        const limiter = new ReadLimiter({ perMinute, batch, store: new LimitsStore(client, TABLE, () => clock.now), now: () => clock.now });
        const user = `r-${randomUUID()}`;
        let passed = 0;
        for (let read = 0; read < perMinute + 3; read++) {
          try {
            await limiter.take(user);
            passed++;
          } catch (error) {
            expect((error as AppError).code).toBe("rate_limited");
            expect((error as AppError).retryAfterSeconds).toBe(60);
          }
        }
        expect(passed).toBe(perMinute);
        clock.now += 60_000;
        await expect(Promise.resolve(limiter.take(user))).resolves.toBeUndefined();
        limiter.stop();
      }),
      { numRuns: 100 },
    );
  });

  it("across processes a user passes the read limit by at most one batch per process", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 5, max: 40 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 80 }),
        async (perMinute, batch, order) => {
          const clock = { now: 6_000_000 };
          const processes = [0, 1, 2].map(
            () => new ReadLimiter({ perMinute, batch, store: new LimitsStore(client, TABLE, () => clock.now), now: () => clock.now }),
          );
          const user = `rr-${randomUUID()}`;
          let passed = 0;
          for (const index of order) {
            try {
              await processes[index]!.take(user);
              passed++;
            } catch {
              // limited
            }
          }
          expect(passed).toBeLessThanOrEqual(perMinute + processes.length * batch);
          // A process refuses only when its view (never more than the true count) reaches the limit.
          expect(passed).toBeGreaterThanOrEqual(Math.min(order.length, perMinute));
          for (const limiter of processes) limiter.stop();
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("load shedding over HTTP", () => {
  let harness: Harness;
  afterAll(() => harness.close());

  it("answers 503 + Retry-After past the global cap, 429 past the per-user cap, and serves the others", async () => {
    harness = await startHarness({
      models: [{ id: "slow", model: new OfflineModel(OFFLINE_WRITERS, { chunkDelayMs: 60, chunks: 6 }) }],
      env: { MAX_CONCURRENT_GENERATIONS: "2", MAX_CONCURRENT_GENERATIONS_PER_USER: "1" },
    });
    const generate = (user: string) =>
      harness.app.inject({ method: "POST", url: "/api/strategy/generate", headers: { authorization: `Bearer ${harness.token(user)}` }, payload: VALID_BRIEF });
    const first = generate("shed-a");
    await new Promise((resolve) => setTimeout(resolve, 20));
    const sameUser = await generate("shed-a");
    expect(sameUser.statusCode).toBe(429);
    expect(sameUser.json()).toEqual({ detail: "Too many generations in progress" });
    const second = generate("shed-b");
    await new Promise((resolve) => setTimeout(resolve, 20));
    const shed = await generate("shed-c");
    expect(shed.statusCode).toBe(503);
    expect(shed.json()).toEqual({ detail: "AI service temporarily unavailable" });
    expect(Number(shed.headers["retry-after"])).toBeGreaterThan(0);
    expect((await first).statusCode).toBe(200);
    expect((await second).statusCode).toBe(200);
    expect((await generate("shed-c")).statusCode).toBe(200);
  });
});
