import type { Metadata } from "next";
import { StrategyForm } from "@/strategies/StrategyForm";
import { listBrands, listModels } from "@/server/agent-api";
import { requireSession } from "@/server/current-session";

export const metadata: Metadata = { title: "New strategy" };

export default async function NewStrategyPage({ searchParams }: { searchParams: Promise<{ brand?: string }> }) {
  const session = await requireSession("/strategies/new");
  const [models, brands, { brand }] = await Promise.all([listModels(session.token), listBrands(session.token), searchParams]);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>New strategy</h1>
          <p>Four fields about your brand. The more specific you are, the more specific your strategy.</p>
        </div>
      </div>
      <StrategyForm models={models} brands={brands.kind === "ok" ? brands.value : []} initialBrandId={brand} />
    </>
  );
}
