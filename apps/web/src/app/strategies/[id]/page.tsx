import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { StrategyView } from "@/strategies/StrategyView";
import { StrategyConversation } from "@/conversations/StrategyConversation";
import { StrategyBrandVoice } from "@/brands/StrategyBrandVoice";
import { StrategyImages } from "@/images/StrategyImages";
import { getStrategy } from "@/server/agent-api";
import { loginPath, requireSession } from "@/server/current-session";

interface Props {
  params: Promise<{ id: string }>;
}

/** One agent read per request, shared by the title and the page. */
const loadStrategy = cache(async (id: string) => {
  const returnTo = `/strategies/${encodeURIComponent(id)}`;
  const session = await requireSession(returnTo);
  const result = await getStrategy(session.token, id);
  switch (result.kind) {
    case "ok":
      return result.value;
    case "unauthorized":
      return redirect(loginPath(returnTo));
    case "forbidden":
      return forbidden();
    case "not_found":
      return notFound();
    default:
      throw new Error(`Loading the strategy failed (${result.status})`);
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const strategy = await loadStrategy((await params).id);
  return { title: `${strategy.brand_name} strategy` };
}

export default async function StrategyPage({ params }: Props) {
  const strategy = await loadStrategy((await params).id);
  return (
    <>
      <StrategyBrandVoice strategy={strategy} />
      <StrategyView strategy={strategy} />
      <StrategyConversation strategy={strategy} />
      <StrategyImages strategy={strategy} />
      <p className="no-print"><Link href={`/strategies/${encodeURIComponent(strategy.id)}/plan`} className="button">Content plan: captions, calendar and exports</Link></p>
    </>
  );
}
