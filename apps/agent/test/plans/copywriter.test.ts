import fc from "fast-check";
import { checkPost, PLAN_PLATFORMS, planOutputSchema, type PlanPlatformId, type Priority } from "@strategist/schemas";
import { describe, expect, it } from "vitest";
import { PLATFORM_FORMATS, rewritePost, writePlan, type PlanBrief } from "../../src/plans/copywriter";
import { isWholeWordHashtag } from "../../src/plans/polish";
import { addDays, lastDay } from "../../src/plans/schedule";

const text = (max: number) =>
  fc
    .oneof(
      fc.string({ unit: "grapheme", minLength: 1, maxLength: max }),
      fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: max }),
      fc.constantFrom("日本語のブランド".repeat(25), "😀👨‍👩‍👧".repeat(40), "https://example.com/a-very-long-link", "#### @@@ ---", "שלום עולם"),
    )
    .filter((value) => /\S/u.test(value));

const platforms = fc
  .uniqueArray(fc.constantFrom(...PLAN_PLATFORMS), { minLength: 1, maxLength: 10 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc.record({
          id: fc.constant(id),
          name: fc.constant(id),
          priority: fc.constantFrom<Priority>("high", "medium", "low"),
          posts_per_week: fc.integer({ min: 1, max: 7 }),
          times: fc.uniqueArray(fc.constantFrom("08:00", "09:30", "12:00", "18:45", "21:00"), { minLength: 1, maxLength: 3 }),
          weekdays: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 5 }), { nil: undefined }),
        }),
      ),
    ),
  )
  .map((list) => list.map(({ weekdays, ...entry }) => (weekdays ? { ...entry, weekdays } : entry)));

const brief: fc.Arbitrary<PlanBrief> = fc.record({
  brand_name: text(200),
  industry: text(200),
  language: fc.constantFrom("en", "es", "de", "fr"),
  platforms,
  pillars: fc.array(text(300), { minLength: 3, maxLength: 6 }),
  themes: fc.array(text(400), { minLength: 5, maxLength: 8 }),
  goals: fc.array(text(100), { minLength: 1, maxLength: 3 }),
  goal_cta: fc.constantFrom("book a date", "order online", "descargar la app"),
  cta_type: fc.constantFrom("BOOK", "SHOP"),
  customers: fc.constantFrom("paddlers", "guests"),
  visual_prompts: fc.integer({ min: 2, max: 3 }),
  posting_schedule: text(300),
  start_date: fc.integer({ min: 0, max: 3000 }).map((offset) => addDays("2026-01-01", offset)),
  weeks: fc.integer({ min: 1, max: 8 }),
  holidays: fc.constant([]),
});

const readable = fc.record({
  brand: fc.stringMatching(/^[A-Z][a-z]{2,14}$/),
  themes: fc.uniqueArray(
    fc.stringMatching(/^[A-Za-z ]{5,60}$/).filter((value) => value.trim().length > 4),
    { minLength: 5, maxLength: 8, selector: (value) => value.trim() },
  ),
});

function coffeePlan(brand: string, themes: string[], ids: PlanPlatformId[], extra: Partial<PlanBrief> = {}): PlanBrief {
  return {
    brand_name: brand,
    industry: "Specialty coffee roastery",
    language: "en",
    platforms: ids.map((id) => ({ id, name: id, priority: "high", posts_per_week: 3, times: ["09:00"] })),
    pillars: ["Craft", "Community", "Origins"],
    themes,
    goals: ["Sell more subscriptions"],
    goal_cta: "order online",
    cta_type: "SHOP",
    customers: "coffee lovers",
    visual_prompts: 2,
    posting_schedule: "",
    start_date: "2026-12-07",
    weeks: 4,
    holidays: [],
    ...extra,
  };
}

describe("the offline copywriter", () => {
  it("property: every plan it writes meets every platform rule and passes the plan schema the service accepts", () => {
    fc.assert(
      fc.property(
        // One week: later weeks repeat the same rotation of structures, themes and formats.
        brief.map((input) => ({ ...input, weeks: 1 })),
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
      { numRuns: 100 },
    );
  });

  it("property: every platform gets its scheduled posts a week, at its preferred times, on its preferred weekdays first", () => {
    fc.assert(
      fc.property(
        brief.map((input) => ({ ...input, weeks: Math.min(input.weeks, 3) })),
        (input) => {
          const plan = writePlan(input);
          for (const platform of input.platforms) {
            const posts = plan.posts.filter((post) => post.platform === platform.id);
            expect(posts.length).toBe(platform.posts_per_week * input.weeks);
            const onPreferred = posts.filter(
              (post) => !platform.weekdays || platform.weekdays.includes(((new Date(`${post.date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1),
            );
            expect(onPreferred.length).toBe(Math.min(platform.posts_per_week, platform.weekdays?.length ?? 7) * input.weeks);
            const preferredTimes = posts.filter((post) => platform.times.includes(post.time));
            expect(preferredTimes.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("property: no structure opens more than a quarter of a plan's posts, captions are distinct and name the brand at most twice", () => {
    fc.assert(
      fc.property(readable, fc.constantFrom<PlanPlatformId>("instagram", "linkedin", "facebook", "tiktok", "threads", "bluesky"), ({ brand, themes }, id) => {
        const plan = writePlan(coffeePlan(brand, themes, [id]));
        const openings = new Map<string, number>();
        for (const post of plan.posts) {
          const opening = post.caption.replace(brand, "").split(/\s+/u).slice(0, 2).join(" ");
          openings.set(opening, (openings.get(opening) ?? 0) + 1);
          expect(post.caption.split(brand).length - 1).toBeLessThanOrEqual(2);
          expect(post.caption).not.toMatch(/…/u);
        }
        expect(new Set(plan.posts.map((post) => post.caption)).size).toBe(plan.posts.length);
        expect(Math.max(...openings.values())).toBeLessThanOrEqual(Math.ceil(plan.posts.length / 4));
      }),
      { numRuns: 100 },
    );
  });

  it("property: hashtags are whole words, formats fit the platform, and at least a third of the posts point at the goal", () => {
    fc.assert(
      fc.property(readable, ({ brand, themes }) => {
        const input = coffeePlan(brand, themes, [...PLAN_PLATFORMS], { weeks: 2 });
        const plan = writePlan(input);
        const sources = [input.industry, ...input.pillars, ...input.themes, brand];
        for (const post of plan.posts) {
          for (const tag of post.hashtags) expect(isWholeWordHashtag(tag, sources, brand)).toBe(true);
          expect(PLATFORM_FORMATS[post.platform]).toContain(post.format);
          if (post.format === "video") expect(post.script?.beats.length).toBeGreaterThan(0);
          expect(post.goal).toBe("Sell more subscriptions");
          expect(post.visual_brief).toBeTruthy();
        }
        expect(plan.posts.filter((post) => post.caption.includes("order online") || post.caption.includes("Order online")).length * 3).toBeGreaterThanOrEqual(
          plan.posts.length,
        );
      }),
      { numRuns: 100 },
    );
  });

  it("property: a public holiday gets one post that acknowledges it, or no post at all", () => {
    fc.assert(
      fc.property(readable, fc.uniqueArray(fc.integer({ min: 0, max: 13 }), { minLength: 1, maxLength: 4 }), ({ brand, themes }, offsets) => {
        const holidays = offsets.map((offset) => ({ date: addDays("2026-12-21", offset), name: `Holiday${offset}` }));
        const plan = writePlan(coffeePlan(brand, themes, ["instagram", "x", "google"], { start_date: "2026-12-21", weeks: 2, holidays }));
        for (const holiday of holidays) {
          const that = plan.posts.filter((post) => post.date === holiday.date);
          expect(that.length).toBeLessThanOrEqual(1);
          for (const post of that) expect(post.caption).toContain(holiday.name);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("writes in the brief's language, templates included", () => {
    const spanish = writePlan({
      ...coffeePlan(
        "Tostado",
        ["El tueste de cada mañana", "Cómo preparar un buen café", "Nuestros orígenes", "La cata del viernes", "El equipo"],
        ["instagram"],
      ),
      language: "es",
      goal_cta: "pedir online",
    });
    for (const post of spanish.posts) expect(post.caption).not.toMatch(/\b(?:the|this|what|that is)\b/iu);
  });

  it("rewrites to a different caption within the rules", () => {
    const post = writePlan(coffeePlan("Acme", ["One thing", "Two things", "Three things", "Four things", "Five things"], ["x"], { weeks: 1 })).posts[0]!;
    const rewritten = rewritePost({ brand_name: "Acme", ...post });
    expect(rewritten.caption).not.toBe(post.caption);
    expect(checkPost("x", rewritten)).toEqual([]);
  });
});
