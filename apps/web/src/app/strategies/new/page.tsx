import type { Metadata } from "next";
import { StrategyForm } from "@/components/StrategyForm";
import { listModels } from "@/lib/agent-api";
import { requireSession } from "@/lib/current-session";

export const metadata: Metadata = { title: "New strategy" };

export default async function NewStrategyPage() {
  const session = await requireSession("/strategies/new");
  const models = await listModels(session.token);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>New strategy</h1>
          <p>Four fields about your brand. The more specific you are, the more specific your strategy.</p>
        </div>
      </div>
      <StrategyForm models={models} />
    </>
  );
}
