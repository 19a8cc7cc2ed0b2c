import type { Metadata } from "next";
import Link from "next/link";
import { PlanWorkspace } from "@/plans/PlanWorkspace";
import { headers } from "next/headers";
import { todayIn } from "@/plans/plan-dates";
import { getBrand, getPlan, getPlanFeed, getStrategy, listImageJobs } from "@/server/agent-api";
import { requireSession } from "@/server/current-session";
import { loadForPage } from "@/server/page-data";
import { PlanSteps } from "@/ui/PlanSteps";

interface Props {
  params: Promise<{ id: string }>;
}

export const metadata: Metadata = { title: "Content plan" };

export default async function PlanPage({ params }: Props) {
  const { id } = await params;
  const returnTo = `/strategies/${encodeURIComponent(id)}/plan`;
  const session = await requireSession(returnTo);
  // Everything the workspace shows is read here, so it arrives whole: no request and no re-render after it loads.
  const [strategy, plan, images, feed, requestHeaders] = await Promise.all([
    loadForPage(returnTo, "strategy", (token) => getStrategy(token, id)),
    getPlan(session.token, id),
    listImageJobs(session.token, id),
    getPlanFeed(session.token, id),
    headers(),
  ]);
  if (plan.kind !== "ok" && plan.kind !== "not_found") throw new Error("Loading the plan failed");
  // A strategy written for a brand plans in the brand's time zone unless the user picks another; a brand since
  // deleted (or unreadable) simply leaves UTC.
  const brandId = strategy.brand_id;
  const brand = brandId ? await getBrand(session.token, brandId) : undefined;
  const brandTimezone = brand?.kind === "ok" ? brand.value.default_timezone : undefined;
  const current = plan.kind === "ok" ? plan.value : undefined;
  return (
    <section className="plan" aria-labelledby="plan-title">
      <p className="eyebrow">
        <Link href={`/strategies/${encodeURIComponent(strategy.id)}`}>← {strategy.brand_name} strategy</Link>
      </p>
      <h1 id="plan-title">Content plan</h1>
      <PlanSteps strategyId={strategy.id} current={current ? (current.posts.every((post) => post.status === "approved") ? "export" : "approve") : "plan"} />
      <PlanWorkspace
        strategy={strategy}
        initialPlan={current}
        brandTimezone={brandTimezone}
        initialImages={images}
        initialFeed={feed}
        initialToday={todayIn(current?.timezone ?? "UTC")}
        // A phone gets the agenda from the first render (the browser's width decides after that).
        initialPhone={/\bMobi|Android/i.test(requestHeaders.get("user-agent") ?? "")}
      />
    </section>
  );
}
