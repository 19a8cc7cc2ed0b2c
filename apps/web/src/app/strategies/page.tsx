import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoadMoreStrategies } from "@/strategies/LoadMoreStrategies";
import { StrategyCard } from "@/strategies/StrategyCard";
import { listStrategies } from "@/server/agent-api";
import { loginPath, requireSession } from "@/server/current-session";

export const metadata: Metadata = { title: "Your strategies" };

const PAGE_SIZE = 12;

export default async function HistoryPage() {
  const session = await requireSession("/strategies");
  const page = await listStrategies(session.token, PAGE_SIZE);
  if (page.kind === "unauthorized") redirect(loginPath("/strategies"));
  if (page.kind !== "ok") throw new Error(`Loading the history failed (${page.kind})`);
  const { strategies, nextCursor } = page.value;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Your strategies</h1>
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
            {strategies.map((strategy) => (
              <li key={strategy.id}>
                <StrategyCard strategy={strategy} />
              </li>
            ))}
          </ul>
          {nextCursor && <LoadMoreStrategies initialCursor={nextCursor} pageSize={PAGE_SIZE} />}
        </>
      )}
    </>
  );
}
