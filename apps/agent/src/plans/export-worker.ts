import type { Plan, StrategyRecord } from "@strategist/schemas";
import { planToCsv, planToIcs, type FeedLinks } from "./exports";
import { strategyToPdf } from "./pdf";

/** One export for a worker thread of the export pool: what to render and from what. */
export type ExportTask =
  | { kind: "pdf"; strategy: StrategyRecord; plan?: Plan }
  | { kind: "ics"; strategy: StrategyRecord; plan: Plan; now: string; links?: FeedLinks }
  | { kind: "csv"; strategy: StrategyRecord; plan: Plan };

/** Renders one export (the pool's worker-thread entry); files come back as bytes. */
export default async function render(task: ExportTask): Promise<Uint8Array> {
  switch (task.kind) {
    case "pdf":
      return strategyToPdf(task.strategy, task.plan);
    case "ics":
      return Buffer.from(planToIcs(task.strategy, task.plan, new Date(task.now), task.links), "utf8");
    case "csv":
      return Buffer.from(planToCsv(task.strategy, task.plan), "utf8");
  }
}
