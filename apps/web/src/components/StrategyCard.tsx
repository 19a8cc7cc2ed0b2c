import type { StrategyRecord } from "@strategist/schemas";
import Link from "next/link";
import { formatDate } from "@/lib/format";
import { ModelBadge } from "./ModelBadge";

/** One strategy in the history list: brand, industry, date, model and its first pillars. */
export function StrategyCard({ strategy }: { strategy: StrategyRecord }) {
  return (
    <article className="history-card">
      <h2>
        <Link href={`/strategies/${encodeURIComponent(strategy.id)}`}>{strategy.brand_name}</Link>
      </h2>
      <div className="meta">
        <span>{strategy.industry}</span>
        <time dateTime={strategy.created_at}>{formatDate(strategy.created_at)}</time>
        <ModelBadge model={strategy.model} />
      </div>
      <p className="pillars">{strategy.strategy_output.content_pillars.join(" · ")}</p>
    </article>
  );
}
