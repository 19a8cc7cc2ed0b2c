"use client";

import type { StrategySummary } from "@strategist/schemas";
import { useState } from "react";
import { listStrategyPage } from "./requests";
import { StrategyCard } from "./StrategyCard";
import "./history.css";

/** Fetches older strategies page by page through the proxy, following the agent's X-Next-Cursor. */
export function LoadMoreStrategies({ initialCursor, pageSize }: { initialCursor: string; pageSize: number }) {
  const [strategies, setStrategies] = useState<StrategySummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(initialCursor);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function loadMore() {
    if (!cursor || loading) return;
    setLoading(true);
    setError(null);
    const page = await listStrategyPage(pageSize, cursor);
    if (!page.ok && page.failure.status === 401) {
      window.location.assign(`/login?next=${encodeURIComponent("/strategies")}`);
      return;
    }
    if (page.ok) {
      setStrategies((shown) => [...shown, ...page.value]);
      setCursor(page.nextCursor);
    } else {
      setError("We couldn't load more strategies. Try again.");
    }
    setLoading(false);
  }

  return (
    <>
      {strategies.length > 0 && (
        <ul className="history" aria-label="Older strategies">
          {strategies.map((strategy) => (
            <li key={strategy.id}>
              <StrategyCard strategy={strategy} />
            </li>
          ))}
        </ul>
      )}
      <div className="history-more">
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {cursor ? (
          <button type="button" className="button secondary" onClick={() => void loadMore()} disabled={loading} aria-busy={loading}>
            {loading ? "Loading…" : "Load more"}
          </button>
        ) : (
          <p className="muted" role="status">
            That's everything — you've reached your first strategy.
          </p>
        )}
      </div>
    </>
  );
}
