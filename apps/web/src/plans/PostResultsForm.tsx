"use client";

import type { PlanPost, PostResult } from "@strategist/schemas";
import { useId, useState } from "react";
import { problemText, savePostResults } from "./requests";

const COUNTS = ["impressions", "reach", "likes", "comments", "shares", "saves", "clicks", "video_views"] as const;
const LABELS: Record<(typeof COUNTS)[number], string> = {
  impressions: "Impressions",
  reach: "Reach",
  likes: "Likes",
  comments: "Comments",
  shares: "Shares",
  saves: "Saves",
  clicks: "Clicks",
  video_views: "Video views",
};

/** A post's numbers, typed by hand: when it went out (in the offset of its schedule), its address and its counts. */
export function PostResultsForm({ strategyId, post }: { strategyId: string; post: PlanPost }) {
  const offset = post.scheduled_at.slice(19);
  const [publishedAt, setPublishedAt] = useState(post.scheduled_at.slice(0, 16));
  const [url, setUrl] = useState("");
  const [values, setValues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const id = useId();

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setSaved(null);
    const body: PostResult = { published_at: `${publishedAt}:00${offset}`, ...(url.trim() ? { url: url.trim() } : {}) };
    for (const metric of COUNTS) if (values[metric]?.trim()) body[metric] = Number(values[metric]);
    const result = await savePostResults(strategyId, post.id, body);
    setBusy(false);
    if (!result.ok) setProblem(problemText(result.failure));
    else setSaved("Results saved");
  }

  return (
    <details className="plan-post-results">
      <summary>Results</summary>
      <form onSubmit={(event) => void save(event)}>
        <label htmlFor={`${id}-at`}>Published at (UTC{offset === "Z" ? "" : offset})</label>
        <input id={`${id}-at`} type="datetime-local" required value={publishedAt} onChange={(event) => setPublishedAt(event.target.value)} />
        <label htmlFor={`${id}-url`}>Post URL (optional)</label>
        <input id={`${id}-url`} type="url" value={url} onChange={(event) => setUrl(event.target.value)} />
        <div className="plan-post-counts">
          {COUNTS.map((metric) => (
            <label key={metric}>
              {LABELS[metric]}
              <input
                type="number"
                min={0}
                step={1}
                inputMode="numeric"
                value={values[metric] ?? ""}
                onChange={(event) => setValues({ ...values, [metric]: event.target.value })}
              />
            </label>
          ))}
        </div>
        <p className="hint">Leave a count empty when the platform did not report it.</p>
        {problem && (
          <p className="plan-error" role="alert">
            {problem}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button small" disabled={busy}>
            {busy ? "Saving…" : "Save results"}
          </button>
          <span className="plan-saved" aria-live="polite">
            {saved}
          </span>
        </div>
      </form>
    </details>
  );
}
