"use client";

import { useId, useState } from "react";

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
  const [listed, setListed] = useState(false);
  // The browser's list of some 400 zones, filled when the field is first focused: the server's ICU may list other
  // zones, and the page need not build the list before anyone asks for it.
  const list = () => {
    if (listed) return;
    setListed(true);
    setChoices(timeZoneChoices([brandTimezone, Intl.DateTimeFormat().resolvedOptions().timeZone], Intl.supportedValuesOf("timeZone")));
  };
  return (
    <label>
      Time zone
      <input
        value={value}
        list={ids.list}
        autoComplete="off"
        spellCheck={false}
        onFocus={list}
        onPointerDown={list}
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
