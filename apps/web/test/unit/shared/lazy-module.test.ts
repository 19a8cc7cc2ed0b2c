import { describe, expect, it } from "vitest";
import { lazyModule } from "@/shared/lazy-module";

describe("a module loaded on first use", () => {
  it("loads once and shares the result", async () => {
    let loads = 0;
    const load = lazyModule(async () => ({ value: ++loads }));
    expect(await Promise.all([load(), load()])).toEqual([{ value: 1 }, { value: 1 }]);
    expect(await load()).toEqual({ value: 1 });
  });

  it("tries again after a failed load", async () => {
    let attempts = 0;
    const load = lazyModule(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error("chunk did not arrive");
      return "loaded";
    });
    await expect(load()).rejects.toThrow("chunk did not arrive");
    expect(await load()).toBe("loaded");
  });
});
