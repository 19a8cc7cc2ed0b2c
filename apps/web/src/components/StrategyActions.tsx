"use client";

import type { StrategyRecord } from "@strategist/schemas";
import Link from "next/link";
import { markdownFileName, strategyMarkdown } from "@/lib/markdown";

/** Export, print and next steps for a strategy; the Markdown is built here, in the browser. */
export function StrategyActions({ strategy }: { strategy: StrategyRecord }) {
  function exportMarkdown() {
    const blob = new Blob([strategyMarkdown(strategy)], { type: "text/markdown;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = markdownFileName(strategy);
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <div className="button-row strategy-actions no-print">
      <button type="button" className="button" onClick={exportMarkdown}>
        Export Markdown
      </button>
      <button type="button" className="button secondary" onClick={() => window.print()}>
        Print or save as PDF
      </button>
      <Link href="/strategies/new" className="button secondary">
        New strategy
      </Link>
    </div>
  );
}
