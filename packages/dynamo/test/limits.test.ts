import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startEmbeddedDynamo, type EmbeddedDynamo } from "../src/embedded";
import { createDocumentClient, ensureTables, limitsTableDefinition, LimitsStore } from "../src/index";

let dynamo: EmbeddedDynamo;
let client: ReturnType<typeof createDocumentClient>;
const table = "limits-test";

beforeAll(async () => {
  dynamo = await startEmbeddedDynamo();
  client = createDocumentClient({ region: "us-east-1", endpoint: dynamo.endpoint });
  await ensureTables(client, [limitsTableDefinition(table)]);
});
afterAll(async () => {
  client.destroy();
  await dynamo.close();
});

/** Two "processes": two stores on one table, one shared fake clock. */
function twoInstances(start = 1_000_000) {
  const clock = { now: start };
  const stores = [new LimitsStore(client, table, () => clock.now), new LimitsStore(client, table, () => clock.now)] as const;
  return { clock, stores };
}

const WINDOW = 60_000;
vi.setConfig({ testTimeout: 30_000 });

describe("LimitsStore", () => {
  it("rate holds across instances: a start is admitted exactly when fewer than perWindow fall in the trailing window", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.record({ advance: fc.integer({ min: 0, max: 40_000 }), instance: fc.integer({ min: 0, max: 1 }) }), { minLength: 1, maxLength: 10 }),
        async (perWindow, steps) => {
          const { clock, stores } = twoInstances();
          const key = `rate#${randomUUID()}`;
          const admitted: number[] = [];
          for (const step of steps) {
            clock.now += step.advance;
            const inWindow = admitted.filter((at) => at > clock.now - WINDOW);
            const answer = await stores[step.instance]!.admit(key, randomUUID(), { perWindow, windowMs: WINDOW, maxLeases: 100, leaseMs: 1 });
            expect(answer.admitted).toBe(inWindow.length < perWindow);
            if (answer.admitted) admitted.push(clock.now);
            else expect(answer).toMatchObject({ reason: "rate", retryAfterMs: inWindow[inWindow.length - perWindow]! + WINDOW - clock.now });
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("concurrent admissions from two instances never exceed the limit", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 6 }), fc.boolean(), async (limit, requests, byLeases) => {
        const { stores } = twoInstances();
        const key = `race#${randomUUID()}`;
        const rule = byLeases
          ? { perWindow: 1000, windowMs: WINDOW, maxLeases: limit, leaseMs: 60_000 }
          : { perWindow: limit, windowMs: WINDOW, maxLeases: 1000, leaseMs: 60_000 };
        const answers = await Promise.all(Array.from({ length: requests }, (_, index) => stores[index % 2]!.admit(key, randomUUID(), rule)));
        expect(answers.filter((answer) => answer.admitted)).toHaveLength(Math.min(limit, requests));
        for (const answer of answers) if (!answer.admitted) expect(answer.reason).toBe(byLeases ? "busy" : "rate");
      }),
      { numRuns: 100 },
    );
  });

  it("a lease lapses: a holder that stops renewing frees its slot after leaseMs, a renewed or released one as expected", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1_000, max: 30_000 }),
        fc.array(fc.record({ advance: fc.integer({ min: 0, max: 20_000 }), action: fc.constantFrom("acquire", "renew", "release") }), { minLength: 1, maxLength: 10 }),
        async (leaseMs, steps) => {
          const { clock, stores } = twoInstances();
          const key = `lease#${randomUUID()}`;
          const rule = { perWindow: 1000, windowMs: WINDOW, maxLeases: 2, leaseMs };
          const held = new Map<string, number>();
          for (const [index, step] of steps.entries()) {
            clock.now += step.advance;
            for (const [id, until] of held) if (until <= clock.now) held.delete(id);
            const store = stores[index % 2]!;
            const mine = [...held.keys()][0];
            if (step.action === "acquire") {
              const id = randomUUID();
              const answer = await store.admit(key, id, rule);
              expect(answer.admitted).toBe(held.size < 2);
              if (answer.admitted) held.set(id, clock.now + leaseMs);
              else expect(answer).toMatchObject({ reason: "busy", retryAfterMs: Math.min(...held.values()) - clock.now });
            } else if (step.action === "renew" && mine) {
              expect(await store.renew(key, mine, leaseMs, WINDOW)).toBe(true);
              held.set(mine, clock.now + leaseMs);
            } else if (step.action === "release" && mine) {
              await store.release(key, mine);
              held.delete(mine);
            }
            expect((await store.leases(key)).sort()).toEqual([...held.keys()].sort());
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("a lapsed lease is not revived by a late renewal", async () => {
    const { clock, stores } = twoInstances();
    const key = `late#${randomUUID()}`;
    expect((await stores[0].admit(key, "a", { perWindow: 10, windowMs: WINDOW, maxLeases: 1, leaseMs: 1_000 })).admitted).toBe(true);
    clock.now += 1_000;
    expect(await stores[1].renew(key, "a", 1_000, WINDOW)).toBe(false);
    expect((await stores[1].admit(key, "b", { perWindow: 10, windowMs: WINDOW, maxLeases: 1, leaseMs: 1_000 })).admitted).toBe(true);
    await stores[0].release(key, "a");
    expect(await stores[0].leases(key)).toEqual(["b"]);
  });

  it("fixed windows count at most limit hits per window, across instances and concurrently", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 4 }), async (limit, bursts) => {
        const { clock, stores } = twoInstances(0);
        const key = `ip#${randomUUID()}`;
        for (const burst of bursts) {
          const answers = await Promise.all(Array.from({ length: burst }, (_, index) => stores[index % 2]!.hit(key, limit, WINDOW)));
          expect(answers.filter((answer) => answer.allowed)).toHaveLength(Math.min(burst, limit));
          for (const answer of answers) expect(answer.retryAfterMs).toBe(WINDOW - (clock.now % WINDOW));
          clock.now += WINDOW;
        }
      }),
      { numRuns: 100 },
    );
  });

  it("failure throttle: blocks after max failures until the window that the first failure opened ends; clear forgets", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.record({ advance: fc.integer({ min: 0, max: 8_000 }), action: fc.constantFrom("fail", "fail", "clear") }), { minLength: 1, maxLength: 10 }),
        async (max, steps) => {
          const windowMs = 10_000;
          const { clock, stores } = twoInstances();
          const key = `login#${randomUUID()}`;
          let model: { count: number; resetAt: number } | undefined;
          for (const [index, step] of steps.entries()) {
            clock.now += step.advance;
            const store = stores[index % 2]!;
            if (model && model.resetAt <= clock.now) model = undefined;
            const expected = model && model.count >= max ? model.resetAt - clock.now : 0;
            expect(await store.blockedFor(key, max)).toBe(expected);
            if (step.action === "fail") {
              await store.recordFailure(key, windowMs);
              model = model ? { ...model, count: model.count + 1 } : { count: 1, resetAt: clock.now + windowMs };
            } else {
              await store.clear(key);
              model = undefined;
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
