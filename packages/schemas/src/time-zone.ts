/** True for an IANA time zone name the runtime knows (e.g. Europe/Berlin). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The canonical spelling of an IANA time zone the runtime knows (`europe/paris` → `Europe/Paris`); other input unchanged. */
export function canonicalTimeZone(name: string): string {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return name;
  }
}
