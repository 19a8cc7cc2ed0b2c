import type { Metadata } from "next";
import { cache } from "react";
import { StrategyView } from "@/strategies/StrategyView";
import { StrategyConversation } from "@/conversations/StrategyConversation";
import { StrategyImages } from "@/images/StrategyImages";
import { getConversation, getStrategy, listImageJobs } from "@/server/agent-api";
import { requireSession } from "@/server/current-session";
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
  const id = (await params).id;
  const session = await requireSession(`/strategies/${encodeURIComponent(id)}`);
  // The conversation and the image jobs are read here with the strategy, so the page arrives whole: no request,
  // and none of the answer checks' code, in the browser before the user does something.
  const [strategy, conversation, jobs] = await Promise.all([loadStrategy(id), getConversation(session.token, id), listImageJobs(session.token, id)]);
  return (
    <>
      <PlanSteps strategyId={strategy.id} current="strategy" />
      <StrategyView strategy={strategy} />
      <StrategyConversation strategy={strategy} initialMessages={conversation.messages} initialVersions={conversation.versions} />
      <StrategyImages strategy={strategy} initialJobs={jobs} />
    </>
  );
}
