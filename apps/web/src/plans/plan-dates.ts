/**
 * Dates of a content plan. A post's `scheduled_at` carries the plan's zone offset (2026-12-07T09:00:00+01:00), so its
 * first ten characters are its local day and the next five its local time, whatever zone the browser is in.
 */

/** The local day of a scheduled time, YYYY-MM-DD. */
export const dayOf = (scheduledAt: string) => scheduledAt.slice(0, 10);

/** The local time of a scheduled time, HH:MM. */
export const timeOf = (scheduledAt: string) => scheduledAt.slice(11, 16);

export function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/** "Mon, Dec 7". */
export function dayLabel(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString("en-US", { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" });
}

/** "December 2026". */
export function monthLabel(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
}

/** Today in a time zone, YYYY-MM-DD. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** The zone's offset from UTC at an instant, in minutes. */
function offsetMinutesAt(timeZone: string, instant: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const absolute = Math.abs(minutes);
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, "0")}:${String(absolute % 60).padStart(2, "0")}`;
}

/**
 * The ISO 8601 time with offset of a local day and time in a zone: what PATCH scheduled_at takes. A local time
 * skipped by a daylight-saving change moves forward by the gap, as a wall clock does.
 */
export function zonedDateTime(date: string, time: string, timeZone: string): string {
  const wall = Date.parse(`${date}T${time}:00Z`);
  // The offset at the wall time read as UTC, then corrected once: exact except inside a DST gap or overlap.
  let offset = offsetMinutesAt(timeZone, wall);
  offset = offsetMinutesAt(timeZone, wall - offset * 60_000);
  const instant = wall - offset * 60_000;
  const local = new Date(instant + offsetMinutesAt(timeZone, instant) * 60_000).toISOString().slice(0, 16);
  return `${local}:00${formatOffset(offsetMinutesAt(timeZone, instant))}`;
}

/** The same post moved to another local day, at its local time, in the plan's zone. */
export function movedTo(scheduledAt: string, date: string, timeZone: string): string {
  return zonedDateTime(date, timeOf(scheduledAt), timeZone);
}

/** Every calendar month the plan touches, whole (Monday first), with its heading and the blank cells before its first day. */
export function monthsOf(startDate: string, days: number): { label: string; leading: number; days: string[] }[] {
  const last = addDays(startDate, days - 1);
  const months: { label: string; leading: number; days: string[] }[] = [];
  for (let first = `${startDate.slice(0, 7)}-01`; first <= last;) {
    const month: string[] = [];
    for (let day = first; day.slice(0, 7) === first.slice(0, 7); day = addDays(day, 1)) month.push(day);
    months.push({ label: monthLabel(first), leading: (new Date(`${first}T12:00:00Z`).getUTCDay() + 6) % 7, days: month });
    first = addDays(month.at(-1)!, 1);
  }
  return months;
}
