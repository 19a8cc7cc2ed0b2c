import fc from "fast-check";
import { STRATEGY_SECTIONS } from "@strategist/schemas";
import { describe, expect, it } from "vitest";
import { LiveSections, type SectionUpdate } from "../../src/generation/live-sections";
import { strategyOutput } from "../support/arbitraries";

/** Splits text at the given cut points. */
function split(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let last = 0;
  for (const point of points) {
    chunks.push(text.slice(last, point));
    last = point;
  }
  chunks.push(text.slice(last));
  return chunks;
}

describe("live sections", () => {
  it("show every section exactly once as complete, equal to the final output, however the JSON is chunked", () => {
    fc.assert(
      fc.property(strategyOutput, fc.array(fc.nat(), { maxLength: 40 }), (output, cuts) => {
        const live = new LiveSections();
        const updates: SectionUpdate[] = [];
        for (const chunk of split(JSON.stringify(output), cuts)) updates.push(...live.push(chunk));
        const complete = updates.filter((update) => update.complete);
        expect(complete.map((update) => update.section)).toEqual([...STRATEGY_SECTIONS]);
        for (const update of complete) expect(update.value).toEqual(output[update.section]);
        for (const update of updates.filter((candidate) => !candidate.complete)) {
          const finalValue = output[update.section] as unknown[];
          expect(finalValue.slice(0, (update.value as unknown[]).length)).toEqual(update.value);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("shows a section before the JSON is finished and grows lists item by item", () => {
    const output = { content_pillars: ["a", "b", "c"], posting_schedule: "daily" };
    const text = JSON.stringify(output);
    const live = new LiveSections();
    const early = live.push(text.slice(0, text.indexOf('"c"')));
    expect(early).toEqual([{ section: "content_pillars", value: ["a", "b"], complete: false }]);
    const next = live.push(text.slice(text.indexOf('"c"'), text.indexOf("daily")));
    expect(next).toContainEqual({ section: "content_pillars", value: ["a", "b", "c"], complete: true });
    expect(live.push(text.slice(text.indexOf("daily")))).toEqual([{ section: "posting_schedule", value: "daily", complete: true }]);
  });

  it("starts over after reset", () => {
    const live = new LiveSections();
    live.push('{"content_pillars":["a","b"],"posting_schedule":"x","platform');
    expect(live.shown).toBe(true);
    live.reset();
    expect(live.shown).toBe(false);
    expect(live.push('{"content_pillars":["z"],')).toEqual([{ section: "content_pillars", value: ["z"], complete: true }]);
  });
});
