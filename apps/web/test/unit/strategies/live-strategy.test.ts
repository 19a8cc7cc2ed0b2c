import { STRATEGY_SECTIONS, StrategyRecord } from "@strategist/schemas";
import { describe, expect, it } from "vitest";
import { readLiveEvent } from "@/strategies/live-event-checks";
import { advance, finish, RESTART_NEWS, startLiveStrategy, writtenCount, type LiveEvent } from "@/strategies/live-strategy";
import { SECTIONS } from "@/strategies/strategy-sections";

const RECORD = StrategyRecord.parse({
  id: "6f1c1f5e-3f7a-4a57-9d1e-2d6f3f1b9a10",
  user_id: "user-1",
  brand_name: "Juniper Coffee Roasters",
  industry: "Specialty coffee",
  target_audience: "Young professionals in Austin",
  goals: "Double online bean subscriptions",
  model: "us.anthropic.claude-sonnet-4-20250514-v1:0",
  created_at: "2026-03-04T10:00:00.000Z",
  version: 1,
  updated_at: "2026-03-04T10:00:00.000Z",
  strategy_output: {
    content_pillars: ["Origin stories", "Brewing at home", "Austin mornings"],
    posting_schedule: "Instagram: 4 posts a week at 7am.",
    platform_recommendations: [
      { platform: "Instagram", rationale: "Visual coffee culture.", priority: "high" },
      { platform: "TikTok", rationale: "Short brewing videos.", priority: "medium" },
    ],
    content_themes: ["Farm visit", "Latte art", "Bean of the month", "Barista picks", "Subscriber stories"],
    engagement_tactics: ["Polls", "Giveaways", "Replies within an hour", "User photos"],
    visual_prompts: ["A pour-over at sunrise", "Beans spilling from a jute sack"],
  },
});

const event = (name: string, data: unknown) => readLiveEvent({ event: name, data: JSON.stringify(data) });

/** Feeds checked events to the live strategy, as the page does. */
function play(events: (LiveEvent | null)[]) {
  return events.reduce((live, next) => (next ? advance(live, next) : live), startLiveStrategy(0));
}

describe("the live strategy", () => {
  it("presents every section the agent writes, each with a heading", () => {
    expect(Object.keys(SECTIONS).sort()).toEqual([...STRATEGY_SECTIONS].sort());
  });

  it("grows a list item by item, then counts the section once it is complete", () => {
    const pillars = RECORD.strategy_output.content_pillars;
    const growing = play([
      event("started", { request_id: "r1", model: "model-a" }),
      event("section", { section: "content_pillars", value: pillars.slice(0, 1), complete: false }),
      event("section", { section: "content_pillars", value: pillars.slice(0, 2), complete: false }),
    ]);
    expect(growing.model).toBe("model-a");
    expect(growing.sections.content_pillars).toEqual({ value: pillars.slice(0, 2), complete: false });
    expect(writtenCount(growing.sections)).toBe(0);

    const written = advance(growing, event("section", { section: "content_pillars", value: pillars, complete: true })!);
    expect(written.sections.content_pillars).toEqual({ value: pillars, complete: true });
    expect(writtenCount(written.sections)).toBe(1);
    expect(written.news).toBe("Content pillars written (1 of 6 sections).");
  });

  it("never shrinks a complete section with a late partial one", () => {
    const pillars = RECORD.strategy_output.content_pillars;
    const live = play([
      event("section", { section: "content_pillars", value: pillars, complete: true }),
      event("section", { section: "content_pillars", value: pillars.slice(0, 1), complete: false }),
    ]);
    expect(live.sections.content_pillars).toEqual({ value: pillars, complete: true });
  });

  it("clears everything shown when the model starts over, and says so", () => {
    const live = play([
      event("section", { section: "content_pillars", value: ["Only one"], complete: true }),
      event("section", { section: "posting_schedule", value: "Daily", complete: true }),
      event("reset", { model: "model-b", reason: "The model's attempt was discarded; it is writing again." }),
    ]);
    expect(live.sections).toEqual({});
    expect(live.restarts).toBe(1);
    expect(live.model).toBe("model-b");
    expect(live.news).toBe(RESTART_NEWS);
  });

  it("shows the stored strategy in full once it is finished", () => {
    const finished = finish(play([event("section", { section: "content_pillars", value: ["Draft"], complete: false })]), RECORD);
    expect(finished.finished).toBe(true);
    expect(writtenCount(finished.sections)).toBe(6);
    expect(finished.sections.visual_prompts).toEqual({ value: RECORD.strategy_output.visual_prompts, complete: true });
  });
});

describe("reading the stream's events", () => {
  it("keeps the list items that fit the schema and skips the rest", () => {
    const platforms = [
      { platform: "Instagram", rationale: "Visual.", priority: "high" },
      { platform: "Fax", rationale: "No.", priority: "urgent" },
      "<script>alert(1)</script>",
    ];
    expect(event("section", { section: "platform_recommendations", value: platforms, complete: false })).toEqual({
      type: "section",
      update: { section: "platform_recommendations", value: [platforms[0]], complete: false },
    });
  });

  it("skips unknown sections, unknown events, bad JSON and a schedule that is not text", () => {
    expect(event("section", { section: "budget", value: [], complete: true })).toBeNull();
    expect(event("section", { section: "posting_schedule", value: 42, complete: true })).toBeNull();
    expect(event("progress", { percent: 50 })).toBeNull();
    expect(readLiveEvent({ event: "started", data: "{not json" })).toBeNull();
  });

  it("reads the stored record on completed, and the agent's status and detail on error", () => {
    expect(event("completed", RECORD)).toEqual({ type: "completed", record: RECORD });
    expect(event("error", { status: 503, body: { detail: "AI service temporarily unavailable" } })).toEqual({
      type: "error",
      status: 503,
      detail: "AI service temporarily unavailable",
    });
    expect(event("error", { status: 400, body: { detail: "Validation error", errors: [{ field: "goals", message: "Too long" }] } })).toMatchObject({
      errors: [{ field: "goals", message: "Too long" }],
    });
  });

  it("turns an unreadable ending into a failure rather than waiting for another one", () => {
    expect(event("completed", { id: "x" })).toEqual({ type: "error", status: 502 });
    expect(event("error", "boom")).toEqual({ type: "error", status: 500 });
  });
});
