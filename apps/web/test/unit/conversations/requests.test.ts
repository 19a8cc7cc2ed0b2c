import fc from "fast-check";
import { StrategyOutput, type StrategyOutput as Output } from "@strategist/schemas";
import { describe, expect, it } from "vitest";
import { revisedSection } from "@/conversations/checks";
import { compareVersions } from "@/conversations/compare";
import { readLiveEvent } from "@/strategies/live-event-checks";

const base: Output = {
  content_pillars: ["Origin stories", "Brewing at home", "Austin mornings"],
  posting_schedule: "Instagram: 4 posts a week at 7am.",
  platform_recommendations: [
    { platform: "Instagram", rationale: "Visual coffee culture.", priority: "high" },
    { platform: "Facebook", rationale: "Local groups.", priority: "low" },
  ],
  content_themes: ["Farm visit", "Latte art", "Bean of the month", "Barista picks", "Subscriber stories"],
  engagement_tactics: ["Polls", "Giveaways", "Replies within an hour", "User photos"],
  visual_prompts: ["A pour-over at sunrise", "Beans spilling from a jute sack"],
};

describe("comparing two versions", () => {
  it("marks added and removed list items in words, and a changed text section before and after", () => {
    const next = StrategyOutput.parse({
      ...base,
      content_pillars: [...base.content_pillars, "Sustainability"],
      platform_recommendations: [base.platform_recommendations[0], { platform: "TikTok", rationale: "Short videos.", priority: "high" }],
      posting_schedule: "Post every day.",
    });
    const sections = compareVersions(base, next);
    const pillars = sections.find((entry) => entry.section === "content_pillars")!;
    expect(pillars.kind === "list" && pillars.items.filter((item) => item.change !== "same")).toEqual([{ text: "Sustainability", change: "added" }]);
    const platforms = sections.find((entry) => entry.section === "platform_recommendations")!;
    expect(platforms.kind === "list" && platforms.items.filter((item) => item.change !== "same").map((item) => [item.change, item.text.split(" ")[0]])).toEqual(
      [
        ["added", "TikTok"],
        ["removed", "Facebook"],
      ],
    );
    expect(sections.find((entry) => entry.section === "posting_schedule")).toMatchObject({
      kind: "text",
      changed: true,
      before: base.posting_schedule,
      after: "Post every day.",
    });
    expect(sections.find((entry) => entry.section === "visual_prompts")!.changed).toBe(false);
  });

  it("Property: every item of both versions appears exactly once, marked by which version holds it", () => {
    const list = fc.uniqueArray(fc.constantFrom<string>("a", "b", "c", "d", "e", "f", "g"), { minLength: 3, maxLength: 6 });
    fc.assert(
      fc.property(list, list, (before, after) => {
        const [pillars] = compareVersions({ ...base, content_pillars: before }, { ...base, content_pillars: after });
        if (pillars!.kind !== "list") throw new Error("pillars are a list");
        expect(pillars!.items.map((item) => item.text).sort()).toEqual([...new Set([...before, ...after])].sort());
        for (const item of pillars!.items) {
          expect(item.change).toBe(before.includes(item.text) ? (after.includes(item.text) ? "same" : "removed") : "added");
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("the live stream's error event", () => {
  it("carries retry_after so the page can count down", () => {
    const read = readLiveEvent({ event: "error", data: JSON.stringify({ status: 429, body: { detail: "Rate limit exceeded" }, retry_after: 42 }) });
    expect(read).toEqual({ type: "error", status: 429, detail: "Rate limit exceeded", retryAfterSeconds: 42 });
  });
});

describe("a refine's revised sections as they stream in", () => {
  it("shows a finished section checked against the strategy's schema, and nothing unfinished, unknown or malformed", () => {
    expect(revisedSection({ section: "content_pillars", value: base.content_pillars, complete: true })).toEqual({
      section: "content_pillars",
      value: base.content_pillars,
    });
    expect(revisedSection({ section: "content_pillars", value: base.content_pillars.slice(0, 1), complete: false })).toBeUndefined();
    expect(revisedSection({ section: "secret_section", value: "x", complete: true })).toBeUndefined();
    expect(revisedSection({ section: "posting_schedule", value: 42, complete: true })).toBeUndefined();
    expect(revisedSection({ section: "platform_recommendations", value: [{ platform: "X", priority: "urgent" }], complete: true })).toBeUndefined();
  });
});
