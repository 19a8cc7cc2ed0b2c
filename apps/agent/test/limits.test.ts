import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../src/errors";
import { GenerationLimits } from "../src/strategies/limits";
import { OfflineModel } from "../src/agent/offline-model";
import { startHarness, VALID_BRIEF, type Harness } from "./support/harness";

function rejection(action: () => unknown): AppError {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a rejection");
}

describe("generation limits", () => {
  it("slides a one-minute window per user and says when to retry", () => {
    let now = 0;
    const limits = new GenerationLimits({ perUserPerMinute: 2, maxConcurrent: 10, maxConcurrentPerUser: 10, now: () => now });
    limits.acquire("a")();
    now = 20_000;
    limits.acquire("a")();
    const limited = rejection(() => limits.acquire("a"));
    expect(limited.code).toBe("rate_limited");
    expect(limited.retryAfterSeconds).toBe(40);
    limits.acquire("b")();
    now = 60_001;
    expect(() => limits.acquire("a")()).not.toThrow();
  });

  it("caps one user's concurrent generations with 429 and everyone's with 503, until slots are released", () => {
    const limits = new GenerationLimits({ perUserPerMinute: 100, maxConcurrent: 3, maxConcurrentPerUser: 2 });
    const a1 = limits.acquire("a");
    limits.acquire("a");
    expect(rejection(() => limits.acquire("a")).code).toBe("user_busy");
    limits.acquire("b");
    const shed = rejection(() => limits.acquire("c"));
    expect(shed.code).toBe("unavailable");
    expect(shed.status).toBe(503);
    expect(shed.retryAfterSeconds).toBeGreaterThan(0);
    a1();
    a1();
    expect(limits.inFlight).toBe(2);
    expect(() => limits.acquire("c")).not.toThrow();
  });
});

describe("load shedding over HTTP", () => {
  let harness: Harness;
  afterAll(() => harness.close());

  it("answers 503 + Retry-After past the global cap, 429 past the per-user cap, and serves the others", async () => {
    harness = await startHarness({
      models: [{ id: "slow", model: new OfflineModel({ chunkDelayMs: 60, chunks: 6 }) }],
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
