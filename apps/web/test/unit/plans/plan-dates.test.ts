import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { monthsOf, movedTo, todayIn, zonedDateTime } from "@/plans/plan-dates";

const ZONES = ["UTC", "Europe/Paris", "America/Chicago", "Asia/Kolkata", "Australia/Lord_Howe", "America/St_Johns", "Pacific/Chatham"];

/** The local wall time of an instant in a zone, YYYY-MM-DDTHH:MM. */
function wallTime(instant: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

describe("plan dates", () => {
  it("property: a zoned date-time is the wall time of its own instant in the zone, with the offset of that day", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true }),
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom(0, 15, 30, 45),
        fc.constantFrom(...ZONES),
        (date, hour, minute, zone) => {
          const day = date.toISOString().slice(0, 10);
          const time = `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
          const iso = zonedDateTime(day, time, zone);
          expect(iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00[+-]\d\d:\d\d$/);
          // The string's own local part is the wall time of its instant in the zone (a skipped hour moves forward).
          expect(wallTime(iso, zone)).toBe(iso.slice(0, 16));
          // The day and time asked for, or (inside a daylight-saving gap) at most an hour later on the wall clock.
          const drift = Date.parse(`${iso.slice(0, 16)}:00Z`) - Date.parse(`${day}T${time}:00Z`);
          expect(drift).toBeGreaterThanOrEqual(0);
          expect(drift).toBeLessThanOrEqual(3_600_000);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("property: moving a post to another day keeps its local time in the plan's zone, across daylight-saving changes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: -60, max: 60 }),
        fc.constantFrom("Europe/Paris", "America/Chicago", "UTC"),
        (from, shift, zone) => {
          const day = new Date(Date.UTC(2026, 0, 1 + from)).toISOString().slice(0, 10);
          const target = new Date(Date.UTC(2026, 0, 1 + from + shift)).toISOString().slice(0, 10);
          const moved = movedTo(zonedDateTime(day, "09:30", zone), target, zone);
          expect(moved.slice(0, 16)).toBe(`${target}T09:30`);
          expect(wallTime(moved, zone)).toBe(`${target}T09:30`);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("gives winter and summer offsets in Paris", () => {
    expect(zonedDateTime("2026-12-25", "09:00", "Europe/Paris")).toBe("2026-12-25T09:00:00+01:00");
    expect(zonedDateTime("2026-07-01", "09:00", "Europe/Paris")).toBe("2026-07-01T09:00:00+02:00");
    expect(zonedDateTime("2026-07-01", "09:00", "America/St_Johns")).toBe("2026-07-01T09:00:00-02:30");
  });

  it("lays out whole months with headings, Monday first", () => {
    const months = monthsOf("2026-12-21", 14);
    expect(months.map((month) => month.label)).toEqual(["December 2026", "January 2027"]);
    expect(months[0]!.days).toHaveLength(31);
    expect(months[0]!.leading).toBe(1); // 1 December 2026 is a Tuesday
    expect(months[1]!.days[0]).toBe("2027-01-01");
    expect(months[1]!.leading).toBe(4); // a Friday
  });

  it("knows today in the plan's zone", () => {
    expect(todayIn("Pacific/Kiritimati", new Date("2026-12-07T12:00:00Z"))).toBe("2026-12-08");
    expect(todayIn("America/Chicago", new Date("2026-12-07T03:00:00Z"))).toBe("2026-12-06");
  });
});
