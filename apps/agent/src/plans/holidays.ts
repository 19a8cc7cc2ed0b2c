import Holidays from "date-holidays";

let zoneCountries: Map<string, string> | undefined;

/** The country a time zone belongs to (Europe/Madrid → ES), from the holiday library's own zone lists. */
export function countryOfTimezone(timezone: string): string | undefined {
  if (!zoneCountries) {
    zoneCountries = new Map();
    for (const country of Object.keys(new Holidays().getCountries())) {
      for (const zone of new Holidays(country).getTimezones() ?? []) if (!zoneCountries.has(zone)) zoneCountries.set(zone, country);
    }
  }
  return zoneCountries.get(timezone);
}

// A country's calendar parses its rules once; plans ask for the same few countries again and again.
const calendars = new Map<string, Holidays>();
const yearLists = new Map<string, ReturnType<Holidays["getHolidays"]>>();

/**
 * The public holidays (national, the library's type "public") of a country between two dates (YYYY-MM-DD,
 * inclusive), named in the plan's language where the library has that name.
 */
export function publicHolidays(country: string, firstDate: string, lastDate: string, language: string): { date: string; name: string }[] {
  const key = `${country}\u0000${language}`;
  let calendar = calendars.get(key);
  if (!calendar) {
    calendar = new Holidays(country, { languages: [language, "en"] });
    calendars.set(key, calendar);
  }
  const years = new Set([Number(firstDate.slice(0, 4)), Number(lastDate.slice(0, 4))]);
  const found = new Map<string, string>();
  for (const year of years) {
    const yearKey = `${key}\u0000${year}`;
    let list = yearLists.get(yearKey);
    if (!list) {
      list = calendar.getHolidays(year) || [];
      yearLists.set(yearKey, list);
    }
    for (const holiday of list) {
      if (holiday.type !== "public") continue;
      const date = holiday.date.slice(0, 10);
      if (date >= firstDate && date <= lastDate && !found.has(date)) found.set(date, holiday.name);
    }
  }
  return [...found].map(([date, name]) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date));
}
