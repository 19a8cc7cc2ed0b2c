import type { ModelInfo } from "@strategist/schemas";
import { CHECKS, type CheckName } from "./checks";
import { PLAN_CHECKS, type PlanCheckName } from "./plan-checks";
import type { BriefResult } from "./runner";

/** One model's scores: totals, per check and per brief. */
export interface Scorecard {
  model: string;
  provider: string;
  /** The strategy prompt version the service used. */
  prompt: string;
  briefs: number;
  /** Briefs the service answered with a stored strategy. */
  answered: number;
  passed: number;
  total: number;
  /** passed / total, 0..1. */
  score: number;
  per_check: Record<CheckName, { passed: number; total: number }>;
  /** Mean estimated cost of one strategy in USD, when the service reports it. */
  cost_per_strategy_usd?: number;
  mean_latency_ms: number;
  /** The plans written from the strategies, scored with the plan checks. */
  plan?: {
    briefs: number;
    answered: number;
    passed: number;
    total: number;
    score: number;
    per_check: Record<PlanCheckName, { passed: number; total: number }>;
    judge?: { specificity: number; fit: number; actionability: number; brand_safety: number; judged: number };
  };
  judge?: { specificity: number; fit: number; actionability: number; brand_safety: number; judged: number };
  results: BriefResult[];
}

/** Groups the results by model and adds them up. */
export function buildScorecards(models: ModelInfo[], results: BriefResult[], prompt: string): Scorecard[] {
  const ids = [...new Set(results.map((result) => result.model))];
  return ids.map((id) => {
    const own = results.filter((result) => result.model === id);
    const per_check = Object.fromEntries(CHECKS.map((check) => [check, { passed: 0, total: 0 }])) as Scorecard["per_check"];
    for (const result of own) {
      for (const check of result.checks) {
        per_check[check.check].total++;
        if (check.passed) per_check[check.check].passed++;
      }
    }
    const passed = own.reduce((sum, result) => sum + result.passed, 0);
    const total = own.reduce((sum, result) => sum + result.total, 0);
    const planned = own.flatMap((result) => (result.plan ? [result.plan] : []));
    const plan_per_check = Object.fromEntries(PLAN_CHECKS.map((check) => [check, { passed: 0, total: 0 }])) as Record<
      PlanCheckName,
      { passed: number; total: number }
    >;
    for (const result of planned) {
      for (const check of result.checks) {
        plan_per_check[check.check].total++;
        if (check.passed) plan_per_check[check.check].passed++;
      }
    }
    const planPassed = planned.reduce((sum, result) => sum + result.passed, 0);
    const planTotal = planned.reduce((sum, result) => sum + result.total, 0);
    const costs = own.map((result) => result.usage?.estimated_cost_usd).filter((cost): cost is number => typeof cost === "number");
    return {
      model: id,
      provider: models.find((model) => model.id === id)?.provider ?? "unknown",
      prompt,
      briefs: own.length,
      answered: own.filter((result) => !result.error).length,
      passed,
      total,
      score: total === 0 ? 0 : passed / total,
      per_check,
      ...(costs.length > 0 ? { cost_per_strategy_usd: costs.reduce((a, b) => a + b, 0) / costs.length } : {}),
      mean_latency_ms: Math.round(own.reduce((sum, result) => sum + result.latency_ms, 0) / Math.max(1, own.length)),
      ...(planned.length > 0
        ? {
            plan: {
              briefs: planned.length,
              answered: planned.filter((result) => !result.error).length,
              passed: planPassed,
              total: planTotal,
              score: planTotal === 0 ? 0 : planPassed / planTotal,
              per_check: plan_per_check,
            },
          }
        : {}),
      results: own,
    };
  });
}

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
const usd = (value: number | undefined) => (value === undefined ? "n/a" : `$${value.toFixed(value < 0.01 ? 5 : 4)}`);

/** The Markdown scorecard of one model. */
export function scorecardMarkdown(card: Scorecard): string {
  const lines = [
    `# Scorecard: ${card.model} (${card.provider})`,
    "",
    `Prompt ${card.prompt}.`,
    `Rule checks passed: **${card.passed} / ${card.total} (${percent(card.score)})** on ${card.briefs} briefs; ${card.answered} answered.`,
    `Cost per strategy: ${usd(card.cost_per_strategy_usd)}. Mean latency: ${card.mean_latency_ms} ms.`,
    ...(card.judge
      ? [
          `Judge (1–5, mean of ${card.judge.judged}): specificity ${card.judge.specificity.toFixed(2)}, fit ${card.judge.fit.toFixed(2)}, actionability ${card.judge.actionability.toFixed(2)}, brand safety ${card.judge.brand_safety.toFixed(2)}.`,
        ]
      : []),
    "",
    "## Per check",
    "",
    "| check | passed | of | rate |",
    "|---|---:|---:|---:|",
    ...CHECKS.map((check) => {
      const { passed, total } = card.per_check[check];
      return `| ${check} | ${passed} | ${total} | ${percent(total === 0 ? 0 : passed / total)} |`;
    }),
    "",
    "## Per brief",
    "",
    "| brief | passed | failed checks |",
    "|---|---:|---|",
    ...card.results.map((result) => {
      const failed = result.checks.filter((check) => !check.passed).map((check) => `${check.check}: ${check.detail}`);
      return `| ${result.id} | ${result.passed}/${result.total} | ${failed.join("<br>").replaceAll("|", "\\|") || "—"} |`;
    }),
    "",
    ...(card.plan
      ? [
          "## Plan quality",
          "",
          `Plan checks passed: **${card.plan.passed} / ${card.plan.total} (${percent(card.plan.score)})** on ${card.plan.briefs} two-week plans from ${"2026-12-21"} (across 25 December and 1 January); ${card.plan.answered} written.`,
          ...(card.plan.judge
            ? [
                `Judge on the plans (1–5, mean of ${card.plan.judge.judged}): specificity ${card.plan.judge.specificity.toFixed(2)}, fit ${card.plan.judge.fit.toFixed(2)}, actionability ${card.plan.judge.actionability.toFixed(2)}, brand safety ${card.plan.judge.brand_safety.toFixed(2)}.`,
              ]
            : []),
          "",
          "| check | passed | of | rate |",
          "|---|---:|---:|---:|",
          ...PLAN_CHECKS.map((check) => {
            const { passed, total } = card.plan!.per_check[check];
            return `| ${check} | ${passed} | ${total} | ${percent(total === 0 ? 0 : passed / total)} |`;
          }),
          "",
          "| brief | posts | passed | failed plan checks |",
          "|---|---:|---:|---|",
          ...card.results.flatMap((result) => {
            if (!result.plan) return [];
            const failed = result.plan.checks.filter((check) => !check.passed).map((check) => `${check.check}: ${check.detail}`);
            return [
              `| ${result.id} | ${result.plan.posts} | ${result.plan.passed}/${result.plan.total} | ${failed.join("<br>").replaceAll("|", "\\|") || "—"} |`,
            ];
          }),
          "",
        ]
      : []),
  ];
  return lines.join("\n");
}

/** Models side by side: the total and each check. */
export function comparisonMarkdown(cards: Scorecard[]): string {
  const header = `| | ${cards.map((card) => `${card.model} (${card.provider})`).join(" | ")} |`;
  const rule = `|---|${cards.map(() => "---:").join("|")}|`;
  const row = (label: string, cell: (card: Scorecard) => string) => `| ${label} | ${cards.map(cell).join(" | ")} |`;
  return [
    "# Models side by side",
    "",
    header,
    rule,
    row("**all checks**", (card) => `**${percent(card.score)}** (${card.passed}/${card.total})`),
    ...CHECKS.map((check) => row(check, (card) => percent(card.per_check[check].total === 0 ? 0 : card.per_check[check].passed / card.per_check[check].total))),
    row("answered", (card) => `${card.answered}/${card.briefs}`),
    ...(cards.some((card) => card.plan)
      ? [
          row("**plan checks**", (card) => (card.plan ? `**${percent(card.plan.score)}** (${card.plan.passed}/${card.plan.total})` : "n/a")),
          ...PLAN_CHECKS.map((check) =>
            row(`plan: ${check}`, (card) =>
              card.plan && card.plan.per_check[check].total > 0 ? percent(card.plan.per_check[check].passed / card.plan.per_check[check].total) : "n/a",
            ),
          ),
        ]
      : []),
    row("cost per strategy", (card) => usd(card.cost_per_strategy_usd)),
    row("mean latency", (card) => `${card.mean_latency_ms} ms`),
    ...(cards.some((card) => card.judge)
      ? (["specificity", "fit", "actionability", "brand_safety"] as const).map((key) =>
          row(`judge: ${key}`, (card) => (card.judge ? card.judge[key].toFixed(2) : "n/a")),
        )
      : []),
    "",
  ].join("\n");
}
