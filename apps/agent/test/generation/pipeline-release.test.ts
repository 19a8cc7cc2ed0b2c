import { StrategyOutput } from "@strategist/schemas";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { ModelCatalog } from "../../src/models/catalog";
import { offlineEntry } from "../../src/models/providers";
import { strategyCall } from "../../src/strategies/strategist";
import { ModelCaller } from "../../src/models/model-call";
import { GenerationPipeline } from "../../src/generation/pipeline";
import type { IdempotencyStore } from "../../src/generation/idempotency";
import { VALID_BRIEF } from "../support/harness";
import { OFFLINE_WRITERS } from "../../src/main/offline-writers";

/** A promise with its resolve function, to hold a step until the test lets it go on. */
function held() {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

describe("the pipeline gives the slot back", () => {
  it("as soon as the model is done, beside the store, and answers only once both are over", async () => {
    const order: string[] = [];
    const releasing = held();
    const storing = held();
    const pipeline = new GenerationPipeline({
      models: new ModelCaller(new ModelCatalog([offlineEntry(OFFLINE_WRITERS, true)])),
      limits: {
        acquire: () => async () => {
          order.push("release started");
          await releasing.promise;
          order.push("release done");
        },
      },
      idempotency: {} as IdempotencyStore,
      timeoutMs: 10_000,
    });
    const running = pipeline.run({
      name: "test generation",
      kind: "strategy",
      userId: "release-user",
      log: pino({ level: "silent" }),
      signal: new AbortController().signal,
      request: {},
      model: strategyCall(VALID_BRIEF),
      findStored: async () => undefined,
      store: async (generation) => {
        order.push("store started");
        await storing.promise;
        order.push("store done");
        return StrategyOutput.parse(generation.output);
      },
      logged: () => ({ message: "stored", fields: {} }),
    });
    let answered = false;
    void running.then(() => (answered = true));

    // Both writes are under way at once, and neither is finished.
    await expect.poll(() => [...order].sort()).toEqual(["release started", "store started"]);
    storing.release();
    await expect.poll(() => order).toContain("store done");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    releasing.release();
    await running;
    expect(order.slice(2)).toEqual(["store done", "release done"]);
  });
});
