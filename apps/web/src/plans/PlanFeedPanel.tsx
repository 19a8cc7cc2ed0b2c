"use client";

import type { PlanFeed } from "@strategist/schemas";
import { useState } from "react";
import { CopyButton } from "@/ui/CopyButton";
import { createFeed, problemText, revokeFeed, updateFeed } from "./requests";

/**
 * The plan's calendar subscription: create the feed (optionally approved posts only), see its webcal:// link once,
 * rotate it (the old link stops working), or revoke it. Calendar apps fetch the feed without signing in.
 */
export function PlanFeedPanel({ strategyId, initialFeed }: { strategyId: string; initialFeed: PlanFeed | null }) {
  // The page reads the feed with the plan: no request (and no 404 for a plan without a feed) after it loads.
  const [feed, setFeed] = useState<PlanFeed | null | undefined>(initialFeed);
  const [approvedOnly, setApprovedOnly] = useState(initialFeed?.approved_only ?? false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function run(action: () => Promise<{ ok: true; value?: PlanFeed } | { ok: false; failure: { detail: string } }>, done: string) {
    setBusy(true);
    setProblem(null);
    const result = await action();
    setBusy(false);
    if (!result.ok) {
      setProblem(problemText(result.failure));
      return;
    }
    setStatus(done);
  }

  const create = (rotating: boolean) =>
    run(
      async () => {
        const result = await createFeed(strategyId, approvedOnly);
        if (result.ok) setFeed(result.value);
        return result;
      },
      rotating ? "A new link is ready; the old one no longer works." : "The calendar feed is ready.",
    );

  const toggle = (value: boolean) => {
    setApprovedOnly(value);
    if (!feed) return;
    void run(
      async () => {
        const result = await updateFeed(strategyId, value);
        if (result.ok) setFeed((current) => current && { ...current, approved_only: result.value.approved_only });
        return result;
      },
      value ? "The feed now holds approved posts only." : "The feed now holds every post.",
    );
  };

  const revoke = () =>
    run(async () => {
      const result = await revokeFeed(strategyId);
      if (result.ok) setFeed(null);
      return result.ok ? { ok: true } : result;
    }, "The feed is revoked; its link no longer works.");

  if (feed === undefined) return null;
  return (
    <section className="plan-feed" aria-labelledby="plan-feed-title">
      <h2 id="plan-feed-title">Calendar subscription</h2>
      <p className="hint">Subscribe in your calendar app and the plan stays current there: edits, approvals and new plans show up on their own.</p>
      <label>
        <input type="checkbox" checked={approvedOnly} disabled={busy} onChange={(event) => toggle(event.target.checked)} /> Approved posts only
      </label>
      {feed?.webcal_url && (
        <p className="plan-feed-link">
          <a href={feed.webcal_url}>Subscribe in your calendar app</a> <CopyButton text={feed.webcal_url} label="the calendar link" />
          <span className="hint"> Keep this link private: anyone with it can read the plan. It is shown only now; rotate it to get a new one.</span>
        </p>
      )}
      {feed && !feed.webcal_url && <p className="hint">A feed is active. Its link was shown when it was made; rotate to get a new one.</p>}
      <div className="button-row">
        {!feed && (
          <button type="button" className="button secondary small" disabled={busy} onClick={() => void create(false)}>
            Create a calendar feed
          </button>
        )}
        {feed && (
          <>
            <button type="button" className="button secondary small" disabled={busy} onClick={() => void create(true)}>
              Rotate link
            </button>
            <button type="button" className="button secondary small" disabled={busy} onClick={() => void revoke()}>
              Revoke feed
            </button>
          </>
        )}
      </div>
      <p role="status" className="hint">
        {status}
      </p>
      {problem && (
        <p className="plan-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
