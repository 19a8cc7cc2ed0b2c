"use client";

import type { StrategyRecord } from "@strategist/schemas";
import Link from "next/link";
import { imageContentPath, latestJobPerPrompt } from "@/shared/image-jobs";
import type { PromptImage } from "@/shared/markdown";
import { downloadText } from "@/ui/download";
import { listImageJobs } from "./requests";

/** The latest finished image of each visual prompt, as links on this origin (they open for a signed-in reader). */
async function promptImages(strategy: StrategyRecord): Promise<PromptImage[]> {
  const result = await listImageJobs(strategy.id);
  if (!result.ok) return [];
  const latest = latestJobPerPrompt(strategy.strategy_output.visual_prompts, result.value);
  return latest.flatMap((job, promptIndex) =>
    job?.status === "completed" ? [{ promptIndex, url: new URL(imageContentPath(job.job_id), window.location.origin).href }] : [],
  );
}

/** The plan first, then export, print and a new strategy; the Markdown is built here, in the browser. */
export function StrategyActions({ strategy }: { strategy: StrategyRecord }) {
  async function exportMarkdown() {
    // The Markdown writer (and the platform rules it uses) loads on the first export, not with the page.
    const { markdownFileName, strategyMarkdown } = await import("@/shared/markdown");
    downloadText(strategyMarkdown(strategy, await promptImages(strategy)), markdownFileName(strategy), "text/markdown;charset=utf-8");
  }

  return (
    <div className="button-row strategy-actions no-print">
      <Link href={`/strategies/${encodeURIComponent(strategy.id)}/plan`} className="button">
        Content plan: captions, calendar and exports
      </Link>
      <button type="button" className="button secondary" onClick={() => void exportMarkdown()}>
        Export Markdown
      </button>
      <a className="button secondary" href={`/api/strategy/${encodeURIComponent(strategy.id)}/export.pdf`} download>
        Export PDF
      </a>
      <button type="button" className="button secondary" onClick={() => window.print()}>
        Print
      </button>
      <Link href="/strategies/new" className="button secondary">
        New strategy
      </Link>
    </div>
  );
}
