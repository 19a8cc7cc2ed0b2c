"use client";

import { useEffect, useState } from "react";

/** What the agent is plausibly doing, by elapsed seconds: generation takes up to a minute on Bedrock. */
const STEPS = [
  { from: 0, label: "Reading your brief" },
  { from: 3, label: "Choosing the platforms that fit your audience" },
  { from: 10, label: "Writing content pillars and post ideas" },
  { from: 25, label: "Planning engagement tactics" },
  { from: 40, label: "Drafting visual prompts for your designer" },
] as const;

/** The working state: elapsed time, a bar that slows as it nears the end, and the current step. */
export function GenerationProgress({ startedAt }: { startedAt: number }) {
  const [now, setNow] = useState(startedAt);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const elapsed = Math.max(0, Math.floor((now - startedAt) / 1000));
  const active = STEPS.findLastIndex((step) => elapsed >= step.from);
  const percent = Math.min(95, Math.round(100 * (1 - Math.exp(-(elapsed + 1) / 22))));

  return (
    <section className="progress" aria-labelledby="progress-title">
      <div className="progress-head">
        <strong id="progress-title">Writing your strategy…</strong>
        <span className="elapsed" aria-hidden="true">
          {elapsed}s · usually under a minute
        </span>
      </div>
      <div className="progress-bar" aria-hidden="true">
        <span style={{ width: `${percent}%` }} />
      </div>
      <p className="visually-hidden" role="status">
        {STEPS[active]?.label}
      </p>
      <ol className="progress-steps" aria-hidden="true">
        {STEPS.map((step, index) => (
          <li key={step.label} data-state={index < active ? "done" : index === active ? "active" : "todo"}>
            {step.label}
          </li>
        ))}
      </ol>
      <p className="muted" style={{ margin: 0, fontSize: "0.9rem" }}>
        Keep this page open. Your strategy is saved to your history as soon as it's ready.
      </p>
    </section>
  );
}
