"use client";

import type { StrategyRecord, VersionSummary } from "@strategist/schemas";
import { STRATEGY_SECTIONS } from "@strategist/schemas/sections";
import type { FormEvent, ReactNode } from "react";
import { formatDate } from "@/shared/format";
import { SECTIONS } from "@/strategies/strategy-sections";
import { contentOf, SectionBody } from "@/strategies/StrategySections";

export const KIND_LABEL = { generate: "Generated", refine: "Refined", regenerate: "Regenerated", restore: "Restored" } as const;

/**
 * The versions, newest first, each with a View button; `compare` (the version picker) sits in the same form, which
 * submits to `onCompare`.
 */
export function VersionHistory({
  versions,
  onView,
  onCompare,
  compare,
}: {
  versions: VersionSummary[];
  onView(version: number): void;
  onCompare(event: FormEvent<HTMLFormElement>): void;
  compare: ReactNode;
}) {
  return (
    <form onSubmit={onCompare} className="compare-form" aria-labelledby="versions-title">
      <h3 id="versions-title">Versions</h3>
      <ol className="versions" reversed>
        {versions.map((version) => (
          <li key={version.version}>
            Version {version.version}: {KIND_LABEL[version.kind]} <time dateTime={version.created_at}>{formatDate(version.created_at)}</time>
            {version.message ? ` — “${version.message}”` : ""}{" "}
            <button type="button" className="button secondary small" onClick={() => onView(version.version)} aria-label={`View version ${version.version}`}>
              View
            </button>
          </li>
        ))}
      </ol>
      {compare}
    </form>
  );
}

/** An earlier version shown as it was, section by section, with a button to close it and `actions` (restore) beside it. */
export function VersionView({
  viewing,
  versions,
  onClose,
  actions,
}: {
  viewing: StrategyRecord;
  versions: VersionSummary[];
  onClose(): void;
  actions?: ReactNode;
}) {
  return (
    <div className="version-view" aria-labelledby="viewing-title">
      <h3 id="viewing-title">
        Version {viewing.version} as it was ({KIND_LABEL[versions.find((entry) => entry.version === viewing.version)?.kind ?? "generate"]}{" "}
        <time dateTime={viewing.updated_at}>{formatDate(viewing.updated_at)}</time>)
      </h3>
      <div className="button-row">
        <button type="button" className="button secondary small" onClick={onClose}>
          Close version {viewing.version}
        </button>
        {actions}
      </div>
      {STRATEGY_SECTIONS.map((section) => (
        <div key={section} className="compared-section">
          <h4>{SECTIONS[section].title}</h4>
          <SectionBody {...contentOf(section, viewing.strategy_output[section])} />
        </div>
      ))}
    </div>
  );
}
