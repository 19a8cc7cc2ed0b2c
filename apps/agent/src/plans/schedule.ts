import { DateTime } from "luxon";

/** The next Monday after today in a time zone (a week from today when today is a Monday), as YYYY-MM-DD. */
export function nextMonday(timezone: string, now: Date): string {
  const today = DateTime.fromJSDate(now, { zone: timezone }).startOf("day");
  return today.plus({ days: 8 - today.weekday }).toISODate()!;
}

/** The last day of a plan that starts on `startDate` and runs `weeks` weeks. */
export function lastDay(startDate: string, weeks: number): string {
  return DateTime.fromISO(startDate, { zone: "UTC" })
    .plus({ days: weeks * 7 - 1 })
    .toISODate()!;
}

/** The date `offset` days after `startDate`. */
export function addDays(startDate: string, offset: number): string {
  return DateTime.fromISO(startDate, { zone: "UTC" }).plus({ days: offset }).toISODate()!;
}

/** Monday = 1 ... Sunday = 7, for a YYYY-MM-DD date. */
export function weekdayOf(date: string): number {
  return DateTime.fromISO(date, { zone: "UTC" }).weekday;
}

/**
 * A local date and time in a zone as ISO 8601 with that zone's offset. A time that does not exist (a spring-forward
 * gap) moves forward to the first time that does, as clocks do.
 */
export function zonedDateTime(date: string, time: string, timezone: string): string {
  return DateTime.fromISO(`${date}T${time}`, { zone: timezone }).toISO({ suppressMilliseconds: true })!;
}

/** Epoch milliseconds of an ISO 8601 date-time, for ordering posts. */
export function instant(iso: string): number {
  return DateTime.fromISO(iso, { setZone: true }).toMillis();
}
