import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoadMoreStrategies } from "@/strategies/LoadMoreStrategies";
import { StrategyCard, type PlanStatus } from "@/strategies/StrategyCard";
import { getPlan, listStrategies } from "@/server/agent-api";
import { loginPath, requireSession } from "@/server/current-session";

export const metadata: Metadata = { title: "History" };

const PAGE_SIZE = 12;

export default async function HistoryPage() {
  const session = await requireSession("/strategies");
  const page = await listStrategies(session.token, PAGE_SIZE);
  if (page.kind === "unauthorized") redirect(loginPath("/strategies"));
  if (page.kind !== "ok") throw new Error(`Loading the history failed (${page.kind})`);
  const { strategies, nextCursor } = page.value;
  // Each card says where its plan stands; a plan that cannot be read just leaves the card without it.
  const now = new Date().toISOString();
  const plans = await Promise.all(
    strategies.map(async (strategy): Promise<PlanStatus | undefined> => {
      const plan = await getPlan(session.token, strategy.id);
      if (plan.kind !== "ok") return undefined;
      const posts = plan.value.posts;
      const next = posts.find((post) => new Date(post.scheduled_at).toISOString() >= now)?.scheduled_at;
      return { posts: posts.length, approved: posts.filter((post) => post.status === "approved").length, ...(next ? { next } : {}) };
    }),
  );

  return (
    <>
      <div className="page-head">
        <div>
          <h1>History</h1>
          <p>Newest first. Open one to read, copy, export or print it.</p>
        </div>
        {strategies.length > 0 && (
          <Link href="/strategies/new" className="button">
            New strategy
          </Link>
        )}
      </div>
      {strategies.length === 0 ? (
        <section className="empty-state" aria-labelledby="empty-title">
          <h2 id="empty-title">No strategies yet</h2>
          <p>
            Describe your brand, your audience and your goals, and Strategist will write your first social media strategy — pillars, schedule, platforms, post
            ideas and visual prompts.
          </p>
          <Link href="/strategies/new" className="button large">
            Create your first strategy
          </Link>
        </section>
      ) : (
        <>
          <ul className="history" aria-label="Strategies">
            {strategies.map((strategy, index) => (
              <li key={strategy.id}>
                <StrategyCard strategy={strategy} plan={plans[index]} />
              </li>
            ))}
          </ul>
          {nextCursor && <LoadMoreStrategies initialCursor={nextCursor} pageSize={PAGE_SIZE} />}
        </>
      )}
    </>
  );
}
