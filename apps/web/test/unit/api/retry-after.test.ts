import { describe, expect, it } from "vitest";
import { retryAfterSeconds } from "@/api/retry-after";

describe("Retry-After", () => {
  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-03-04T10:00:00Z");
    expect(retryAfterSeconds("30", now)).toBe(30);
    expect(retryAfterSeconds("Wed, 04 Mar 2026 10:00:45 GMT", now)).toBe(45);
    expect(retryAfterSeconds(null, now)).toBeUndefined();
    expect(retryAfterSeconds("soon", now)).toBeUndefined();
  });
});
