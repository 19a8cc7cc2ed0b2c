"use client";

import type { Plan, PlanPost, StrategyRecord } from "@strategist/schemas";
import { PLATFORM_RULES } from "@strategist/schemas/platform-rules";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { markdownFileName, strategyMarkdown } from "@/shared/markdown";
import { downloadText } from "@/ui/download";
import { createPlan, exportLinks, problemText } from "./requests";
import { PostEditor } from "./PostEditor";
import "./plans.css";

type View = "week" | "month" | "list";

/** The local day of a post (its scheduled_at carries the plan's offset). */
const dayOf = (post: PlanPost) => post.scheduled_at.slice(0, 10);

function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

function dayLabel(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString("en-US", { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" });
}

/** The plan of a strategy: write one, see it by week, month or as a list, edit posts in place, export. */
export function PlanWorkspace({ strategy, initialPlan, brandTimezone }: { strategy: StrategyRecord; initialPlan?: Plan; brandTimezone?: string }) {
  const [plan, setPlan] = useState(initialPlan);
  const [view, setView] = useState<View>("week");
  const [week, setWeek] = useState(0);
  const [weeks, setWeeks] = useState(2);
  const [startDate, setStartDate] = useState("");
  const [timezone, setTimezone] = useState(brandTimezone ?? "UTC");
  const [writing, setWriting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);

  useEffect(() => {
    // The brand's zone when it has one, else the browser's.
    if (!brandTimezone) setTimezone(Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
    // Phones get the list: seven columns do not fit 375 px.
    if (window.matchMedia("(max-width: 640px)").matches) setView("list");
  }, [brandTimezone]);

  const byDay = useMemo(() => {
    const days = new Map<string, PlanPost[]>();
    for (const post of plan?.posts ?? []) days.set(dayOf(post), [...(days.get(dayOf(post)) ?? []), post]);
    return days;
  }, [plan]);

  async function write(event: React.FormEvent) {
    event.preventDefault();
    setWriting(true);
    setProblem(null);
    const result = await createPlan(strategy.id, { weeks, timezone, ...(startDate ? { start_date: startDate } : {}) });
    setWriting(false);
    if (!result.ok) {
      setProblem(problemText(result.failure));
      return;
    }
    setPlan(result.value);
    setWeek(0);
  }

  function replacePost(post: PlanPost) {
    setPlan((current) => current && { ...current, posts: current.posts.map((candidate) => (candidate.id === post.id ? post : candidate)) });
  }

  function exportMarkdown() {
    const fileName = markdownFileName(strategy).replace(/-strategy-/, "-strategy-and-plan-");
    downloadText(strategyMarkdown(strategy, [], plan), fileName, "text/markdown;charset=utf-8");
  }

  const editor = (post: PlanPost) => (
    <PostEditor key={`${post.id}-${post.status}-${post.caption}`} strategyId={strategy.id} post={post} onChange={replacePost} />
  );
  const chip = (post: PlanPost) => (
    <li key={post.id}>
      <button
        type="button"
        className={`plan-chip${selected === post.id ? " selected" : ""}`}
        aria-pressed={selected === post.id}
        onClick={() => setSelected(post.id)}
      >
        {post.scheduled_at.slice(11, 16)} {PLATFORM_RULES[post.platform].name}
        {post.status === "approved" ? " ✓ approved" : ""}
      </button>
    </li>
  );
  const selectedPost = plan?.posts.find((post) => post.id === selected);
  const links = exportLinks(strategy.id);

  return (
    <section className="plan" aria-labelledby="plan-title">
      <p className="eyebrow">
        <Link href={`/strategies/${encodeURIComponent(strategy.id)}`}>← {strategy.brand_name} strategy</Link>
      </p>
      <h1 id="plan-title">Content plan</h1>

      <form className="plan-form" onSubmit={(event) => void write(event)} aria-describedby={problem ? "plan-problem" : undefined}>
        <label>
          Weeks
          <select value={weeks} onChange={(event) => setWeeks(Number(event.target.value))}>
            {[1, 2, 3, 4, 5, 6, 7, 8].map((count) => (
              <option key={count} value={count}>
                {count}
              </option>
            ))}
          </select>
        </label>
        <label>
          Start date (optional)
          <input type="date" value={startDate} onChange={(event) => setStartDate(event.target.value)} />
        </label>
        <label>
          Time zone
          <input value={timezone} onChange={(event) => setTimezone(event.target.value)} />
          {brandTimezone && timezone === brandTimezone && <span className="hint">The brand&apos;s time zone</span>}
        </label>
        <button type="submit" className="button" disabled={writing}>
          {writing ? "Writing the plan…" : plan ? "Write a new plan" : "Write the plan"}
        </button>
        {plan && <p className="hint">A new plan replaces this one, edits and approvals included.</p>}
        {problem && (
          <p id="plan-problem" className="plan-error" role="alert">
            {problem}
          </p>
        )}
      </form>

      {plan && (
        <>
          <p className="plan-summary">
            {plan.posts.length} posts over {plan.weeks} week{plan.weeks === 1 ? "" : "s"} from {plan.start_date}, times in {plan.timezone}.
          </p>
          {plan.unsupported_platforms && plan.unsupported_platforms.length > 0 && (
            <p className="plan-unsupported" role="note">
              The strategy also recommends {plan.unsupported_platforms.join(", ")}: this plan has no posts there, because a plan cannot write for{" "}
              {plan.unsupported_platforms.length === 1 ? "that platform" : "those platforms"} yet.
            </p>
          )}
          <div className="button-row plan-exports" role="group" aria-label="Export the plan">
            <a className="button secondary small" href={links.ics} download>
              Export calendar (ICS)
            </a>
            <a className="button secondary small" href={links.csv} download>
              Export CSV
            </a>
            <a className="button secondary small" href={links.pdf} download>
              Export PDF
            </a>
            <button type="button" className="button secondary small" onClick={exportMarkdown}>
              Export Markdown
            </button>
          </div>

          <div className="plan-views" role="radiogroup" aria-label="View">
            {(["week", "month", "list"] as const).map((option) => (
              <label key={option} className={`plan-view-option${view === option ? " active" : ""}`}>
                <input type="radio" name="plan-view" value={option} checked={view === option} onChange={() => setView(option)} />
                {option === "week" ? "Week" : option === "month" ? "Month" : "List"}
              </label>
            ))}
          </div>

          {view === "week" && (
            <div className="plan-week">
              <div className="button-row">
                <button type="button" className="button secondary small" disabled={week === 0} onClick={() => setWeek(week - 1)}>
                  Previous week
                </button>
                <h2 aria-live="polite">
                  Week {week + 1} of {plan.weeks}
                </h2>
                <button type="button" className="button secondary small" disabled={week >= plan.weeks - 1} onClick={() => setWeek(week + 1)}>
                  Next week
                </button>
              </div>
              <ol className="plan-grid">
                {Array.from({ length: 7 }, (_, index) => addDays(plan.start_date, week * 7 + index)).map((day) => (
                  <li key={day} className="plan-day">
                    <h3>{dayLabel(day)}</h3>
                    <ul>{(byDay.get(day) ?? []).map(chip)}</ul>
                  </li>
                ))}
              </ol>
            </div>
          )}

          {view === "month" && (
            <ol className="plan-grid plan-month" aria-label="All days of the plan">
              {Array.from({ length: plan.weeks * 7 }, (_, index) => addDays(plan.start_date, index)).map((day) => (
                <li key={day} className="plan-day">
                  <h3>{dayLabel(day)}</h3>
                  <ul>{(byDay.get(day) ?? []).map(chip)}</ul>
                </li>
              ))}
            </ol>
          )}

          {view !== "list" && selectedPost && <div className="plan-selected">{editor(selectedPost)}</div>}
          {view !== "list" && !selectedPost && <p className="hint">Choose a post in the calendar to preview and edit it.</p>}

          {view === "list" && (
            <div className="plan-list">
              {[...byDay.entries()].map(([day, posts]) => (
                <section key={day} aria-label={dayLabel(day)}>
                  <h2>{dayLabel(day)}</h2>
                  {posts.map(editor)}
                </section>
              ))}
            </div>
          )}
        </>
      )}
    </section>
  );
}
