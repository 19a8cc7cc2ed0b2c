"use client";

import type { ResultImportResponse } from "@strategist/schemas";
import Link from "next/link";
import { useId, useState } from "react";
import { importResults, problemText } from "./requests";

/** The largest file the agent takes (10 MB). */
const MAX_BYTES = 10 * 1024 * 1024;

type Step =
  | { kind: "idle" }
  | { kind: "previewing" }
  | { kind: "preview"; csv: string; name: string; answer: ResultImportResponse }
  | { kind: "importing"; csv: string; name: string; answer: ResultImportResponse }
  | { kind: "done"; answer: ResultImportResponse };

function counts(answer: ResultImportResponse): string {
  return `${answer.matched.length} matched to posts of this plan, ${answer.earlier} earlier post${answer.earlier === 1 ? "" : "s"}; ${answer.added} new, ${answer.updated} updated, ${answer.unchanged} already stored; ${answer.rejected.length} refused`;
}

/** The plan's Results step: upload a CSV, preview what the import would do (a dry run), then confirm it. */
export function ResultsStep({ strategyId }: { strategyId: string }) {
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { file: useId(), help: useId() };

  async function preview(file: File | undefined) {
    setProblem(null);
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setProblem(`The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the largest import is 10 MB. Split it and import the parts.`);
      return;
    }
    setStep({ kind: "previewing" });
    const csv = await file.text();
    const result = await importResults(strategyId, csv, true);
    if (!result.ok) {
      setStep({ kind: "idle" });
      setProblem(problemText(result.failure));
      return;
    }
    setStep({ kind: "preview", csv, name: file.name, answer: result.value });
  }

  async function confirm() {
    if (step.kind !== "preview") return;
    setStep({ ...step, kind: "importing" });
    const result = await importResults(strategyId, step.csv, false);
    if (!result.ok) {
      setStep({ ...step, kind: "preview" });
      setProblem(problemText(result.failure));
      return;
    }
    setStep({ kind: "done", answer: result.value });
  }

  const shown = step.kind === "preview" || step.kind === "importing" ? step : undefined;
  return (
    <section className="plan-results" aria-labelledby="results-title">
      <h2 id="results-title">Results</h2>
      <p id={ids.help} className="hint">
        Upload your posts&apos; numbers as CSV: the columns of docs/results.md or a platform&apos;s own export (Meta Business Suite, LinkedIn, X, TikTok…). You
        see what the import would do before anything is stored.
      </p>
      <label htmlFor={ids.file}>Results CSV</label>
      <input
        id={ids.file}
        type="file"
        accept=".csv,text/csv"
        aria-describedby={ids.help}
        disabled={step.kind === "previewing" || step.kind === "importing"}
        onChange={(event) => void preview(event.target.files?.[0])}
      />
      {step.kind === "previewing" && <p aria-live="polite">Reading the file…</p>}
      {problem && (
        <p className="plan-error" role="alert">
          {problem}
        </p>
      )}
      {shown && (
        <div className="plan-results-preview">
          <h3>Preview of {shown.name}: nothing stored yet</h3>
          <p role="status">{counts(shown.answer)}.</p>
          {shown.answer.rejected.length > 0 && (
            <table>
              <caption>Refused rows: fix them and import the file again (the good rows are not blocked)</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Column</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {shown.answer.rejected.slice(0, 100).map((error) => (
                  <tr key={`${error.line}-${error.field}`}>
                    <td>{error.line}</td>
                    <td>{error.field}</td>
                    <td>{error.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {shown.answer.ignored_columns.length > 0 && <p className="hint">Columns not read: {shown.answer.ignored_columns.join(", ")}.</p>}
          <div className="button-row">
            <button type="button" className="button small" disabled={step.kind === "importing"} onClick={() => void confirm()}>
              {step.kind === "importing" ? "Importing…" : "Confirm the import"}
            </button>
            <button type="button" className="button secondary small" disabled={step.kind === "importing"} onClick={() => setStep({ kind: "idle" })}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {step.kind === "done" && (
        <p role="status">
          Imported: {counts(step.answer)}. <Link href={`/strategies/${encodeURIComponent(strategyId)}/insights`}>See what worked</Link>
        </p>
      )}
    </section>
  );
}
