"use client";

import type { Plan } from "@strategist/schemas";
import { useEffect, useState } from "react";
import { ConfirmDialog } from "@/ui/ConfirmDialog";
import type { PlanSettings } from "./requests";
import { isKnownTimeZone, TimeZoneField } from "./TimeZoneField";

interface Props {
  plan?: Plan;
  brandTimezone?: string;
  writing: boolean;
  problem: string | null;
  /** What a new plan would throw away: approved posts and unsaved edits. */
  atRisk: { approved: number; unsaved: number };
  onWrite: (settings: PlanSettings) => void;
}

/** Weeks, start date and time zone of the plan: the current plan's settings until changed; a plan over approved or edited posts asks first. */
export function PlanSettingsForm({ plan, brandTimezone, writing, problem, atRisk, onWrite }: Props) {
  const [weeks, setWeeks] = useState(plan?.weeks ?? 2);
  const [startDate, setStartDate] = useState(plan?.start_date ?? "");
  const [timezone, setTimezone] = useState(plan?.timezone ?? brandTimezone ?? "UTC");
  const [zoneError, setZoneError] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    // No plan and no brand zone: the browser's zone, read after hydration.
    if (!plan && !brandTimezone) setTimezone(Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
  }, [plan, brandTimezone]);

  const settings = (): PlanSettings => ({ weeks, timezone, ...(startDate ? { start_date: startDate } : {}) });
  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!isKnownTimeZone(timezone)) {
      setZoneError("Choose a time zone from the list, such as Europe/Paris.");
      return;
    }
    setZoneError(undefined);
    if (plan && atRisk.approved + atRisk.unsaved > 0) setConfirming(true);
    else onWrite(settings());
  }

  const risk = [
    atRisk.approved > 0 ? `${atRisk.approved} approved post${atRisk.approved === 1 ? "" : "s"}` : "",
    atRisk.unsaved > 0 ? `unsaved edits in ${atRisk.unsaved} post${atRisk.unsaved === 1 ? "" : "s"}` : "",
  ]
    .filter(Boolean)
    .join(" and ");

  return (
    <form className="plan-form" onSubmit={submit} aria-describedby={problem ? "plan-problem" : undefined}>
      <label>
        Weeks
        <select value={weeks} onChange={(event) => setWeeks(Number(event.target.value))}>
          {[1, 2, 3, 4, 5, 6, 7, 8].map((count) => (
            <option key={count} value={count}>
              {count}
            </option>
          ))}
        </select>
      </label>
      <label>
        Start date (optional)
        <input type="date" value={startDate} onChange={(event) => setStartDate(event.target.value)} />
      </label>
      <TimeZoneField value={timezone} onChange={setTimezone} brandTimezone={brandTimezone} error={zoneError} />
      <button type="submit" className="button" disabled={writing}>
        {writing ? "Writing the plan…" : plan ? "Write a new plan" : "Write the plan"}
      </button>
      {problem && (
        <p id="plan-problem" className="plan-error" role="alert">
          {problem}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title="Replace this plan?"
          description={`A new plan replaces every post, including ${risk}. Approved posts within the new plan's days can stay.`}
          confirmLabel={atRisk.approved > 0 ? "Replace every post" : "Replace the plan"}
          onConfirm={() => {
            setConfirming(false);
            onWrite(settings());
          }}
          alternative={
            atRisk.approved > 0
              ? {
                  label: "Replace, keeping approved posts",
                  onChoose: () => {
                    setConfirming(false);
                    onWrite({ ...settings(), keep_approved: true });
                  },
                }
              : undefined
          }
          onCancel={() => setConfirming(false)}
        />
      )}
    </form>
  );
}
