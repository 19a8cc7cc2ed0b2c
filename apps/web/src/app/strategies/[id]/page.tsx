import type { Metadata } from "next";
import { cache } from "react";
import { StrategyView } from "@/strategies/StrategyView";
import { StrategyConversation } from "@/conversations/StrategyConversation";
import { StrategyImages } from "@/images/StrategyImages";
import { getStrategy } from "@/server/agent-api";
import { loadForPage } from "@/server/page-data";
import { PlanSteps } from "@/ui/PlanSteps";

interface Props {
  params: Promise<{ id: string }>;
}

/** One agent read per request, shared by the title and the page. */
const loadStrategy = cache((id: string) => loadForPage(`/strategies/${encodeURIComponent(id)}`, "strategy", (token) => getStrategy(token, id)));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const strategy = await loadStrategy((await params).id);
  return { title: `${strategy.brand_name} strategy` };
}

export default async function StrategyPage({ params }: Props) {
  const strategy = await loadStrategy((await params).id);
  return (
    <>
      <PlanSteps strategyId={strategy.id} current="strategy" />
      <StrategyView strategy={strategy} />
      <StrategyConversation strategy={strategy} />
      <StrategyImages strategy={strategy} />
    </>
  );
}
