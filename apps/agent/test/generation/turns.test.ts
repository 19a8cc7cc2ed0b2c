import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventLoopTurns } from "../../src/generation/turns";

/** Counts turns of the event loop: a self-rescheduling setImmediate runs once per turn. */
function turnCounter() {
  const counter = { turn: 0, stopped: false };
  const tick = () => {
    if (counter.stopped) return;
    counter.turn++;
    setImmediate(tick);
  };
  setImmediate(tick);
  return counter;
}

describe("event-loop turns for the start of writes and model calls", () => {
  it("lets waiters through first come, first served, each in a turn of its own, however they arrive", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 8 }), async (batches) => {
        const turns = new EventLoopTurns();
        const counter = turnCounter();
        const released: { id: number; turn: number }[] = [];
        const waits: Promise<void>[] = [];
        let id = 0;
        for (const size of batches) {
          for (let index = 0; index < size; index++) {
            const mine = id++;
            waits.push(turns.next().then(() => void released.push({ id: mine, turn: counter.turn })));
          }
          // The next batch asks a turn later, while earlier waiters are still queued.
          await new Promise((resolve) => setImmediate(resolve));
        }
        await Promise.all(waits);
        counter.stopped = true;
        expect(released.map((entry) => entry.id)).toEqual([...Array(id).keys()]);
        for (let index = 1; index < released.length; index++) expect(released[index]!.turn).toBeGreaterThan(released[index - 1]!.turn);
        expect(turns.queued).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  it("lets timers run between waiters: a burst does not hold the loop", async () => {
    const turns = new EventLoopTurns();
    const order: string[] = [];
    const waits = Array.from({ length: 200 }, (_, index) => turns.next().then(() => void order.push(`w${index}`)));
    // A busy waiter: each one burns a millisecond, like a request's start.
    const busy = waits.map((wait) =>
      wait.then(() => {
        const until = performance.now() + 1;
        while (performance.now() < until);
      }),
    );
    const timerFired = new Promise<void>((resolve) => setTimeout(() => (order.push("timer"), resolve()), 5));
    await Promise.all([...busy, timerFired]);
    // The 5 ms timer fires long before the 200 ms of waiters are through.
    expect(order.indexOf("timer")).toBeGreaterThan(0);
    expect(order.indexOf("timer")).toBeLessThan(50);
  });
});
