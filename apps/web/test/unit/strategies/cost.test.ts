import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCost } from "@/strategies/cost";

describe("formatCost", () => {
  it("says free for the offline model and shows fractions of a cent", () => {
    expect(formatCost(0)).toBe("free");
    expect(formatCost(0.0042)).toBe("< $0.01 ($0.0042)");
    expect(formatCost(0.125)).toBe("$0.13");
  });

  it("property: any positive cost is shown in dollars", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1000, noNaN: true }), (usd) => {
        expect(formatCost(usd)).toMatch(/^(< )?\$\d/);
      }),
      { numRuns: 100 },
    );
  });
});
