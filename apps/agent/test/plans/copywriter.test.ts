import fc from "fast-check";
import { checkPost, PLAN_PLATFORMS, planOutputSchema, type PlanPlatformId, type Priority } from "@strategist/schemas";
import { describe, expect, it } from "vitest";
import { POSTS_PER_WEEK, rewritePost, scheduledTime, writePlan, type PlanBrief } from "../../src/plans/copywriter";
import { addDays, lastDay } from "../../src/plans/schedule";

const text = (max: number) =>
  fc
    .oneof(
      fc.string({ unit: "grapheme", minLength: 1, maxLength: max }),
      fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: max }),
      fc.constantFrom("日本語のブランド".repeat(25), "😀👨‍👩‍👧".repeat(40), "https://example.com/a-very-long-link", "#### @@@ ---", "שלום עולם"),
    )
    .filter((value) => /\S/u.test(value));

const brief: fc.Arbitrary<PlanBrief> = fc.record({
  brand_name: text(200),
  industry: text(200),
  platforms: fc
    .uniqueArray(fc.constantFrom(...PLAN_PLATFORMS), { minLength: 1, maxLength: 8 })
    .chain((ids) => fc.tuple(...ids.map((id) => fc.constantFrom<Priority>("high", "medium", "low").map((priority) => ({ id, name: id, priority })))))
    .map((platforms) => [...platforms].sort((a, b) => ["high", "medium", "low"].indexOf(a.priority) - ["high", "medium", "low"].indexOf(b.priority))),
  pillars: fc.array(text(300), { minLength: 3, maxLength: 6 }),
  themes: fc.array(text(400), { minLength: 5, maxLength: 8 }),
  visual_prompts: fc.integer({ min: 2, max: 3 }),
  posting_schedule: text(300),
  start_date: fc.integer({ min: 0, max: 3000 }).map((offset) => addDays("2026-01-01", offset)),
  weeks: fc.integer({ min: 1, max: 8 }),
});

describe("the offline copywriter", () => {
  it("property: every plan it writes meets every platform rule and passes the plan schema the service accepts", () => {
    // Up to 4 weeks keeps each run cheap; the weeks only repeat the same rotation of pillars, themes and templates.
    fc.assert(
      fc.property(
        brief.map((input) => ({ ...input, weeks: Math.min(input.weeks, 4) })),
        (input) => {
          const plan = writePlan(input);
          for (const post of plan.posts) expect(checkPost(post.platform, post)).toEqual([]);
          const schema = planOutputSchema({
            platforms: input.platforms.map((platform) => platform.id),
            firstDate: input.start_date,
            lastDate: lastDay(input.start_date, input.weeks),
            visualPrompts: input.visual_prompts,
          });
          expect(schema.safeParse(plan).success).toBe(true);
        },
      ),
      { numRuns: 120 },
    );
  });

  it("property: a high-priority platform gets more posts than a low-priority one, every week", () => {
    fc.assert(
      fc.property(
        brief.map((input) => ({ ...input, weeks: Math.min(input.weeks, 3) })),
        (input) => {
          const plan = writePlan(input);
          const count = (id: PlanPlatformId) => plan.posts.filter((post) => post.platform === id).length;
          for (const platform of input.platforms) expect(count(platform.id)).toBe(POSTS_PER_WEEK[platform.priority] * input.weeks);
          const highs = input.platforms.filter((platform) => platform.priority === "high");
          const lows = input.platforms.filter((platform) => platform.priority === "low");
          for (const high of highs) for (const low of lows) expect(count(high.id)).toBeGreaterThan(count(low.id));
        },
      ),
      { numRuns: 100 },
    );
  });

  it("property: captions name the brand when it fits, and consecutive posts on a platform differ", () => {
    const plain = fc.record({
      brand: fc.stringMatching(/^[A-Z][a-z]{2,14}$/),
      themes: fc.uniqueArray(
        fc.stringMatching(/^[A-Za-z ]{5,60}$/).filter((value) => value.trim().length > 4),
        { minLength: 5, maxLength: 8, selector: (value) => value.trim() },
      ),
    });
    fc.assert(
      fc.property(plain, fc.constantFrom(...PLAN_PLATFORMS), ({ brand, themes }, id) => {
        const plan = writePlan({
          brand_name: brand,
          industry: "Coffee",
          platforms: [{ id, name: id, priority: "high" }],
          pillars: ["Craft", "Community", "Origins"],
          themes,
          visual_prompts: 2,
          posting_schedule: "",
          start_date: "2026-12-07",
          weeks: 4,
        });
        for (const post of plan.posts) expect(post.caption).toContain(brand);
        plan.posts.slice(1).forEach((post, index) => expect(post.caption).not.toBe(plan.posts[index]!.caption));
      }),
      { numRuns: 100 },
    );
  });

  it("rewrites to a different caption within the rules", () => {
    const post = writePlan({
      brand_name: "Acme",
      industry: "Coffee",
      platforms: [{ id: "x", name: "X", priority: "high" }],
      pillars: ["Craft", "Community", "Origins"],
      themes: ["One", "Two", "Three", "Four", "Five"],
      visual_prompts: 2,
      posting_schedule: "",
      start_date: "2026-12-07",
      weeks: 1,
    }).posts[0]!;
    const rewritten = rewritePost({ brand_name: "Acme", ...post });
    expect(rewritten.caption).not.toBe(post.caption);
    expect(checkPost("x", rewritten)).toEqual([]);
  });

  it("reads a platform's hour from the posting schedule", () => {
    const schedule = "Instagram: 4-5 posts a week around 11 am-1 pm. TikTok: daily, between 6 and 10 pm. X (Twitter): 8:30am on weekdays";
    expect(scheduledTime(schedule, { id: "instagram", name: "Instagram" })).toBe("11:00");
    expect(scheduledTime(schedule, { id: "tiktok", name: "TikTok" })).toBe("18:00");
    expect(scheduledTime(schedule, { id: "x", name: "X (Twitter)" })).toBe("08:30");
    expect(scheduledTime(schedule, { id: "linkedin", name: "LinkedIn" })).toBeUndefined();
  });
});
