"use client";

import { useEffect, useId, useState } from "react";

/** Every IANA zone the browser knows, the preferred ones first (the brand's, the browser's), then UTC and the rest A-Z. */
export function timeZoneChoices(preferred: readonly (string | undefined)[], known: readonly string[]): string[] {
  const first = preferred.filter((zone): zone is string => Boolean(zone));
  return [...new Set([...first, "UTC", ...known])];
}

/** A time zone chosen from a searchable list of IANA names (type "Chi" for America/Chicago), the brand's zone first. */
export function TimeZoneField({
  value,
  onChange,
  brandTimezone,
  error,
}: {
  value: string;
  onChange: (zone: string) => void;
  brandTimezone?: string;
  error?: string;
}) {
  const [choices, setChoices] = useState<string[]>(() => timeZoneChoices([brandTimezone, value], []));
  const ids = { list: useId(), hint: useId(), error: useId() };
  useEffect(() => {
    // The browser's list, read after hydration: the server's ICU may list other zones.
    setChoices(timeZoneChoices([brandTimezone, Intl.DateTimeFormat().resolvedOptions().timeZone], Intl.supportedValuesOf("timeZone")));
  }, [brandTimezone]);
  return (
    <label>
      Time zone
      <input
        value={value}
        list={ids.list}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${ids.hint}${error ? ` ${ids.error}` : ""}`}
      />
      <datalist id={ids.list}>
        {choices.map((zone) => (
          <option key={zone} value={zone}>
            {zone === brandTimezone ? "The brand's time zone" : undefined}
          </option>
        ))}
      </datalist>
      <span id={ids.hint} className="hint">
        {brandTimezone && value === brandTimezone ? "The brand's time zone" : "Type a city or region and choose from the list"}
      </span>
      {error && (
        <span id={ids.error} className="plan-error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}

/** Whether a zone is one the browser knows (what the list offers). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}
