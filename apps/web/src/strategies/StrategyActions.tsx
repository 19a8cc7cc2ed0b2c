"use client";

import type { StrategyRecord } from "@strategist/schemas";
import Link from "next/link";
import type { ImageJob } from "@strategist/schemas";
import { imageContentPath, latestJobPerPrompt } from "@/shared/image-jobs";
import { markdownFileName, strategyMarkdown, type PromptImage } from "@/shared/markdown";

/** The latest finished image of each visual prompt, as links on this origin (they open for a signed-in reader). */
async function promptImages(strategy: StrategyRecord): Promise<PromptImage[]> {
  try {
    const response = await fetch(`/api/strategy/${encodeURIComponent(strategy.id)}/images?limit=50`, { cache: "no-store" });
    if (!response.ok) return [];
    const latest = latestJobPerPrompt(strategy.strategy_output.visual_prompts, (await response.json()) as ImageJob[]);
    return latest.flatMap((job, promptIndex) =>
      job?.status === "completed" ? [{ promptIndex, url: new URL(imageContentPath(job.job_id), window.location.origin).href }] : [],
    );
  } catch {
    return [];
  }
}

/** Export, print and next steps for a strategy; the Markdown is built here, in the browser. */
export function StrategyActions({ strategy }: { strategy: StrategyRecord }) {
  async function exportMarkdown() {
    const blob = new Blob([strategyMarkdown(strategy, await promptImages(strategy))], { type: "text/markdown;charset=utf-8" });
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
      <button type="button" className="button" onClick={() => void exportMarkdown()}>
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
