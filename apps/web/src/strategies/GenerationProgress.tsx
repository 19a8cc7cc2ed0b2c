"use client";

import { useEffect, useState, type Ref } from "react";
import { modelName } from "@/shared/format";
import { writtenCount, type LiveStrategy } from "./live-strategy";
import { SECTION_ORDER } from "./strategy-sections";

/** What the page says once the model has started over. */
function restartNote(restarts: number): string {
  const times = restarts === 1 ? "" : ` (${restarts} times)`;
  return `The AI's draft didn't hold up, so it started over${times}. What you see now is its new draft.`;
}

/**
 * The working state above the strategy being written: sections written so far, elapsed time, who is writing, a
 * note when the model started over, and a way to stop. The status line announces each finished section.
 */
export function GenerationProgress({ live, onStop, headingRef }: { live: LiveStrategy; onStop: () => void; headingRef: Ref<HTMLHeadingElement> }) {
  const [now, setNow] = useState(live.startedAt);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const elapsed = Math.max(0, Math.floor((now - live.startedAt) / 1000));
  const written = writtenCount(live.sections);
  const total = SECTION_ORDER.length;

  return (
    <section className="progress live-progress" aria-labelledby="progress-title">
      <div className="progress-head">
        <h2 id="progress-title" ref={headingRef} tabIndex={-1}>
          {live.finished ? "Your strategy is ready" : "Writing your strategy…"}
        </h2>
        <span className="elapsed" aria-hidden="true">
          {elapsed}s · usually under a minute
        </span>
      </div>
      <div className="progress-bar" aria-hidden="true">
        <span style={{ width: `${Math.max(4, Math.round((100 * written) / total))}%` }} />
      </div>
      <p className="progress-count">
        {written} of {total} sections written{live.model ? ` · ${modelName(live.model)}` : ""}
      </p>
      {live.restarts > 0 && !live.finished && <p className="progress-restart">{restartNote(live.restarts)}</p>}
      <p className="visually-hidden" role="status">
        {live.news}
      </p>
      {!live.finished && (
        <div className="button-row">
          <button type="button" className="button secondary small" onClick={onStop}>
            Stop
          </button>
          <span className="muted">Nothing is saved until every section is written. Leaving this page stops it.</span>
        </div>
      )}
    </section>
  );
}
