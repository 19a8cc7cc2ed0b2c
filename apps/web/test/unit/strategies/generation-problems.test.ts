import { ERROR_DETAILS } from "@strategist/schemas";
import { describe, expect, it } from "vitest";
import { describeGenerationFailure, describeInterruptedGeneration } from "@/strategies/generation-problems";

describe("generation failures in plain words", () => {
  it("tells a rate-limited or busy user how long to wait", () => {
    expect(describeGenerationFailure(429, ERROR_DETAILS.rate_limited, 12)).toMatchObject({ retryAfterSeconds: 12 });
    expect(describeGenerationFailure(429, ERROR_DETAILS.rate_limited, 12).message).toContain("12 seconds");
    expect(describeGenerationFailure(503, ERROR_DETAILS.unavailable, 5).message).toContain("5 seconds");
  });

  it("tells the two 500s apart and sends an expired session to log in", () => {
    expect(describeGenerationFailure(500, ERROR_DETAILS.structured_output, undefined).title).not.toBe(
      describeGenerationFailure(500, ERROR_DETAILS.generation_failed, undefined).title,
    );
    expect(describeGenerationFailure(401, ERROR_DETAILS.token_expired, undefined).needsLogin).toBe(true);
    expect(describeGenerationFailure(504, ERROR_DETAILS.timeout, undefined).needsLogin).toBeUndefined();
  });

  it("gives every status the agent and the proxy can answer its own explanation", () => {
    const titles = [0, 401, 413, 429, 500, 502, 503, 504].map((status) => describeGenerationFailure(status, undefined, undefined).title);
    // A live stream that drops midway is told apart from a request that never got an answer (status 0).
    titles.push(describeInterruptedGeneration().title);
    expect(new Set(titles).size).toBe(titles.length);
  });
});
