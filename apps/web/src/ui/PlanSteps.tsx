import Link from "next/link";
import "./plan-steps.css";

export type PlanStep = "strategy" | "plan" | "approve" | "export";

const STEPS: { step: PlanStep; label: string }[] = [
  { step: "strategy", label: "Strategy" },
  { step: "plan", label: "Plan" },
  { step: "approve", label: "Approve" },
  { step: "export", label: "Export" },
];

/** The path from a strategy to a published calendar: Strategy → Plan → Approve → Export, the current step marked. */
export function PlanSteps({ strategyId, current }: { strategyId: string; current: PlanStep }) {
  const base = `/strategies/${encodeURIComponent(strategyId)}`;
  const at = STEPS.findIndex((entry) => entry.step === current);
  return (
    <nav aria-label="Steps" className="plan-steps no-print">
      <ol>
        {STEPS.map((entry, index) => (
          <li key={entry.step} className={index < at ? "done" : index === at ? "current" : undefined} aria-current={index === at ? "step" : undefined}>
            <Link href={entry.step === "strategy" ? base : `${base}/plan`}>
              <span className="plan-step-number" aria-hidden="true">
                {index + 1}
              </span>
              {entry.label}
              {index < at && <span className="visually-hidden"> (done)</span>}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
