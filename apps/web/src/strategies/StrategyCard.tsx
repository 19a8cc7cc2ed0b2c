import type { StrategySummary } from "@strategist/schemas";
import Link from "next/link";
import { formatDate } from "@/shared/format";
import { ModelBadge } from "./ModelBadge";
import "./history.css";

/** One strategy in the history list, from its summary: brand, industry, date, model and version. */
export function StrategyCard({ strategy }: { strategy: StrategySummary }) {
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
    </article>
  );
}
