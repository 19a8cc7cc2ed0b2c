import type { Metadata } from "next";
import Link from "next/link";
import { InsightsView } from "@/insights/InsightsView";
import { getStrategy, getStrategyInsights } from "@/server/agent-api";
import { loadForPage } from "@/server/page-data";

interface Props {
  params: Promise<{ id: string }>;
}

export const metadata: Metadata = { title: "Insights" };

export default async function StrategyInsightsPage({ params }: Props) {
  const { id } = await params;
  const returnTo = `/strategies/${encodeURIComponent(id)}/insights`;
  const [strategy, insights] = await Promise.all([
    loadForPage(returnTo, "strategy", (token) => getStrategy(token, id)),
    loadForPage(returnTo, "insights", (token) => getStrategyInsights(token, id)),
  ]);
  return (
    <>
      <p className="eyebrow">
        <Link href={`/strategies/${encodeURIComponent(id)}/plan`}>← {strategy.brand_name} content plan</Link>
      </p>
      <h1>What worked: {strategy.brand_name}</h1>
      <InsightsView insights={insights} />
    </>
  );
}
