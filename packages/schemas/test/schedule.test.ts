import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scheduleFromText, strategySchedule, withPlatformSchedule } from "../src/schedule";

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

describe("the structured posting schedule", () => {
  it("property: every recommended platform gets one entry with 1-21 posts a week, HH:MM times and weekdays 1-7, whatever the text", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400 }),
        fc.uniqueArray(fc.constantFrom("LinkedIn", "Instagram", "TikTok", "Google Business Profile", "Bluesky", "Snapchat", "X (Twitter)"), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.constantFrom("high", "medium", "low") as fc.Arbitrary<"high" | "medium" | "low">,
        (text, platforms, priority) => {
          const schedule = strategySchedule({ posting_schedule: text, platform_recommendations: platforms.map((platform) => ({ platform, priority })) });
          expect(schedule.map((entry) => entry.platform)).toEqual(platforms);
          for (const entry of schedule) {
            expect(entry.posts_per_week).toBeGreaterThanOrEqual(1);
            expect(entry.posts_per_week).toBeLessThanOrEqual(21);
            for (const time of entry.times) expect(time).toMatch(HHMM);
            for (const day of entry.weekdays ?? []) expect(day >= 1 && day <= 7).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("reads frequency, times and weekdays from the schedule text in four languages, and keeps a model's own entry", () => {
    const text =
      "LinkedIn: 3 posts a week, Tuesday to Thursday between 8 and 10 am. Instagram: 4 publicaciones a la semana, hacia el mediodía. TikTok: 1 kurzes Video pro Werktag, zwischen 18 und 22 Uhr. Google Business Profile: 1 update every week.";
    expect(scheduleFromText(text, { platform: "LinkedIn", priority: "high" })).toEqual({
      platform: "LinkedIn",
      posts_per_week: 3,
      times: ["08:00"],
      weekdays: [2, 3, 4],
    });
    expect(scheduleFromText(text, { platform: "Instagram", priority: "high" })).toMatchObject({ posts_per_week: 4, times: ["12:00"] });
    expect(scheduleFromText(text, { platform: "TikTok", priority: "high" }).times[0]).toBe("18:00");
    expect(scheduleFromText(text, { platform: "Google Business Profile", priority: "medium" })).toMatchObject({ posts_per_week: 1 });
    const own = { platform: "LinkedIn", posts_per_week: 5, times: ["07:15"] };
    const repaired = withPlatformSchedule({
      posting_schedule: text,
      platform_recommendations: [
        { platform: "LinkedIn", priority: "high" },
        { platform: "Instagram", priority: "medium" },
      ],
      platform_schedule: [own],
    });
    expect(repaired.platform_schedule[0]).toEqual(own);
    expect(repaired.platform_schedule[1]).toMatchObject({ platform: "Instagram", posts_per_week: 4 });
  });
});
