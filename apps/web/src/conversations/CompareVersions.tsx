"use client";

import type { VersionSummary } from "@strategist/schemas";
import { useId } from "react";
import { SECTIONS } from "@/strategies/strategy-sections";
import type { ComparedSection } from "./compare";

/** Two versions to compare: the pickers (named `from` and `to` in the enclosing form) and the Compare button. */
export function ComparePicker({ versions }: { versions: VersionSummary[] }) {
  const fromId = useId();
  const toId = useId();
  const options = versions.map((version) => (
    <option key={version.version} value={version.version}>
      {version.version}
    </option>
  ));
  return (
    <div className="compare-pick">
      <label htmlFor={fromId}>Compare version</label>
      <select id={fromId} name="from" defaultValue={versions[1]!.version}>
        {options}
      </select>
      <label htmlFor={toId}>with version</label>
      <select id={toId} name="to" defaultValue={versions[0]!.version}>
        {options}
      </select>
      <button type="submit" className="button secondary small">
        Compare
      </button>
    </div>
  );
}

/** What changed between two versions, section by section; additions and removals are said in words, not only colour. */
export function Comparison({ from, to, sections }: { from: number; to: number; sections: ComparedSection[] }) {
  return (
    <div className="comparison" aria-labelledby="comparison-title">
      <h3 id="comparison-title">
        What changed from version {from} to version {to}
      </h3>
      {sections.map((entry) => (
        <div key={entry.section} className="compared-section">
          <h4>
            {SECTIONS[entry.section].title}
            {!entry.changed && <span className="muted"> — unchanged</span>}
          </h4>
          {entry.kind === "list" ? (
            <ul>
              {entry.items.map((item) => (
                <li key={`${item.change}-${item.text}`} className={`change-${item.change}`}>
                  {item.change === "added" && (
                    <ins>
                      <strong>Added: </strong>
                      {item.text}
                    </ins>
                  )}
                  {item.change === "removed" && (
                    <del>
                      <strong>Removed: </strong>
                      {item.text}
                    </del>
                  )}
                  {item.change === "same" && item.text}
                </li>
              ))}
            </ul>
          ) : entry.changed ? (
            <>
              <p className="change-removed">
                <del>
                  <strong>Before: </strong>
                  {entry.before}
                </del>
              </p>
              <p className="change-added">
                <ins>
                  <strong>After: </strong>
                  {entry.after}
                </ins>
              </p>
            </>
          ) : (
            <p>{entry.after}</p>
          )}
        </div>
      ))}
    </div>
  );
}
