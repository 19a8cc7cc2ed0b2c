import { describe, expect, it } from "vitest";
import { LoginThrottle } from "@/lib/login-throttle";

function throttleAt(start = 0) {
  const clock = { now: start };
  return { clock, throttle: new LoginThrottle(3, 60_000, () => clock.now) };
}

describe("log-in throttle", () => {
  it("lets an account fail up to the limit, then makes it wait out the window", () => {
    const { clock, throttle } = throttleAt();
    for (let failure = 0; failure < 3; failure++) {
      expect(throttle.retryAfterSeconds("ana@example.com")).toBe(0);
      throttle.recordFailure("ana@example.com");
    }
    expect(throttle.retryAfterSeconds("ana@example.com")).toBe(60);
    clock.now = 45_000;
    expect(throttle.retryAfterSeconds("ana@example.com")).toBe(15);
    clock.now = 60_000;
    expect(throttle.retryAfterSeconds("ana@example.com")).toBe(0);
  });

  it("counts each account separately and forgets failures after a success", () => {
    const { throttle } = throttleAt();
    throttle.recordFailure("ana@example.com");
    throttle.recordFailure("ana@example.com");
    throttle.recordSuccess("ana@example.com");
    throttle.recordFailure("ana@example.com");
    throttle.recordFailure("ana@example.com");
    for (let failure = 0; failure < 3; failure++) throttle.recordFailure("bob@example.com");
    expect(throttle.retryAfterSeconds("ana@example.com")).toBe(0);
    expect(throttle.retryAfterSeconds("bob@example.com")).toBeGreaterThan(0);
  });
});
