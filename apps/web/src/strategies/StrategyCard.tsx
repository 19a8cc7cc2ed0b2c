import type { StrategySummary } from "@strategist/schemas";
import Link from "next/link";
import { formatDate } from "@/shared/format";
import { ModelBadge } from "./ModelBadge";
import "./history.css";

/** Where a strategy's plan stands: its posts, how many are approved, and the next one to publish (ISO time). */
export interface PlanStatus {
  posts: number;
  approved: number;
  next?: string;
}

/** One strategy in the history list, from its summary: brand, industry, date, model, version, and its plan when it has one. */
export function StrategyCard({ strategy, plan }: { strategy: StrategySummary; plan?: PlanStatus }) {
  return (
    <article className="history-card">
      <h2>
        <Link href={`/strategies/${encodeURIComponent(strategy.id)}`}>{strategy.brand_name}</Link>
      </h2>
      <div className="meta">
        <span>{strategy.industry}</span>
        <time dateTime={strategy.created_at}>{formatDate(strategy.created_at)}</time>
        <ModelBadge model={strategy.model} />
        {strategy.version > 1 && (
          <span>
            Version {strategy.version}
            {strategy.updated_at && (
              <>
                , <time dateTime={strategy.updated_at}>{formatDate(strategy.updated_at)}</time>
              </>
            )}
          </span>
        )}
      </div>
      {plan && (
        <p className="history-plan">
          <Link href={`/strategies/${encodeURIComponent(strategy.id)}/plan`}>
            Plan: {plan.posts} post{plan.posts === 1 ? "" : "s"}, {plan.approved} approved
          </Link>
          {plan.next && (
            <>
              {" · next post "}
              <time dateTime={plan.next}>{`${plan.next.slice(0, 10)} ${plan.next.slice(11, 16)}`}</time>
            </>
          )}
        </p>
      )}
    </article>
  );
}
