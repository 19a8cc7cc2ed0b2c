"use client";

import type { Plan, StrategyRecord } from "@strategist/schemas";
import { markdownFileName, strategyMarkdown } from "@/shared/markdown";
import { downloadText } from "@/ui/download";
import { exportLinks } from "./requests";

/** The plan's exports: calendar, spreadsheet, PDF (from the agent) and Markdown (built here). */
export function PlanExports({ strategy, plan }: { strategy: StrategyRecord; plan: Plan }) {
  const links = exportLinks(strategy.id);
  function exportMarkdown() {
    const fileName = markdownFileName(strategy).replace(/-strategy-/, "-strategy-and-plan-");
    downloadText(strategyMarkdown(strategy, [], plan), fileName, "text/markdown;charset=utf-8");
  }
  return (
    <div className="button-row plan-exports" role="group" aria-label="Export the plan">
      <a className="button secondary small" href={links.ics} download>
        Export calendar (ICS)
      </a>
      <a className="button secondary small" href={links.csv} download>
        Export CSV
      </a>
      <a className="button secondary small" href={links.pdf} download>
        Export PDF
      </a>
      <button type="button" className="button secondary small" onClick={exportMarkdown}>
        Export Markdown
      </button>
    </div>
  );
}
