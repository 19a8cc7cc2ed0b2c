"use client";

import type { ImageJob, Plan, PlanFeed, PlanPost, StrategyRecord } from "@strategist/schemas";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { imageContentPath, isRunning, progressLabel } from "@/shared/image-jobs";
import { BulkApprove } from "./BulkApprove";
import { PlanCalendar, type CalendarView } from "./PlanCalendar";
import { PlanExports } from "./PlanExports";
import { PlanFeedPanel } from "./PlanFeedPanel";
import { PlanInsightsUsed } from "./PlanInsightsUsed";
import { ResultsStep } from "./ResultsStep";
import { addDays, dayOf, movedTo, todayIn } from "./plan-dates";
import { isDirty, type PostDraft } from "./post-draft";
import { PostEditor } from "./PostEditor";
import type { PostPicture } from "./PostPreview";
import { PlanSettingsForm } from "./PlanSettingsForm";
import { updatePost } from "./requests";
import { usePlanWriter } from "./use-plan-writer";
import { usePostImages } from "./use-post-images";
import { AddFromArticle } from "./AddFromArticle";
import "./plans.css";
import "./plan-panels.css";

const PHONE = "(max-width: 640px)";

/** The next Monday from today in a zone: where the agent starts a plan without a start date. */
function nextMonday(timeZone: string): string {
  const today = todayIn(timeZone);
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay();
  return addDays(today, (8 - weekday) % 7 || 7);
}

/** The plan of a strategy: write one (watching it arrive), work in its calendar, edit posts beside their preview, approve, export. */
interface Props {
  strategy: StrategyRecord;
  initialPlan?: Plan;
  brandTimezone?: string;
  /** What the page read with the plan: the strategy's image jobs and the calendar feed (null: none). */
  initialImages: readonly ImageJob[];
  initialFeed: PlanFeed | null;
  /** Today in the plan's zone as the server saw it, and whether the browser said it is a phone: the first render is the right one. */
  initialToday: string;
  initialPhone: boolean;
}

export function PlanWorkspace({ strategy, initialPlan, brandTimezone, initialImages, initialFeed, initialToday, initialPhone }: Props) {
  const [plan, setPlan] = useState(initialPlan);
  const [view, setView] = useState<CalendarView>(initialPhone ? "list" : "week");
  const [week, setWeek] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Record<string, PostDraft>>({});
  const [phone, setPhone] = useState(initialPhone);
  const [today, setToday] = useState(initialToday);
  const [moveProblem, setMoveProblem] = useState<string | null>(null);
  const [ticked, setTicked] = useState<Set<string> | null>(null);
  const editorRef = useRef<HTMLDivElement>(null);
  const prompts = strategy.strategy_output.visual_prompts;
  const images = usePostImages(strategy.id, prompts, initialImages);

  const written = useCallback((stored: Plan) => {
    setPlan(stored);
    setWeek(0);
    setSelected(null);
    setDrafts({});
  }, []);
  const writer = usePlanWriter(strategy.id, written);
  const shown = writer.live ?? plan;

  useEffect(() => {
    const query = window.matchMedia(PHONE);
    const update = () => setPhone(query.matches);
    update();
    // Phones get the agenda: seven columns do not fit 375 px.
    if (query.matches) setView("list");
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, []);
  useEffect(() => setToday(todayIn(shown?.timezone ?? "UTC")), [shown?.timezone]);

  const dirty = useMemo(() => new Set((plan?.posts ?? []).filter((post) => isDirty(post, drafts[post.id])).map((post) => post.id)), [plan, drafts]);

  useEffect(() => {
    if (dirty.size === 0) return;
    // Leaving with unsaved typing asks first (the browser's own "Leave site?").
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const selectedPost = plan?.posts.find((post) => post.id === selected);
  useEffect(() => {
    // On a phone the editor covers the screen: move the focus into it.
    if (phone && selected) editorRef.current?.focus();
  }, [phone, selected]);

  function replacePosts(posts: PlanPost[]) {
    setPlan(
      (current) =>
        current && {
          ...current,
          posts: current.posts
            .map((post) => posts.find((candidate) => candidate.id === post.id) ?? post)
            .sort((a, b) => Date.parse(a.scheduled_at) - Date.parse(b.scheduled_at)),
        },
    );
  }

  async function move(postId: string, day: string) {
    const post = plan?.posts.find((candidate) => candidate.id === postId);
    if (!plan || !post || dayOf(post.scheduled_at) === day) return;
    setMoveProblem(null);
    const result = await updatePost(strategy.id, postId, { scheduled_at: movedTo(post.scheduled_at, day, plan.timezone) });
    if (result.ok) replacePosts([result.value]);
    else setMoveProblem(result.failure.errors?.[0]?.message ?? result.failure.detail);
  }

  const pictureOf = (post: PlanPost): PostPicture | undefined => {
    const job = post.visual_prompt_index === undefined ? undefined : images.jobs[post.visual_prompt_index];
    return job?.status === "completed" ? { src: imageContentPath(job.job_id), alt: job.prompt } : undefined;
  };
  const pictureState = (post: PlanPost): string | undefined => {
    const job = post.visual_prompt_index === undefined ? undefined : images.jobs[post.visual_prompt_index];
    return job && isRunning(job) ? progressLabel(job) : undefined;
  };
  const weekPosts = (plan?.posts ?? []).filter((post) => {
    const start = addDays(plan!.start_date, week * 7);
    return dayOf(post.scheduled_at) >= start && dayOf(post.scheduled_at) <= addDays(start, 6);
  });
  const promptsOf = (posts: PlanPost[]) => posts.flatMap((post) => (post.visual_prompt_index === undefined ? [] : [post.visual_prompt_index]));
  const missingPictures = (posts: PlanPost[]) => promptsOf(posts.filter((post) => !pictureOf(post) && !pictureState(post)));

  const editor = selectedPost && plan && (
    <div
      ref={editorRef}
      className={`plan-selected${phone ? " sheet" : ""}`}
      tabIndex={-1}
      {...(phone ? { role: "dialog", "aria-modal": true, "aria-label": "Edit post" } : {})}
      onKeyDown={phone ? (event) => event.key === "Escape" && setSelected(null) : undefined}
    >
      <PostEditor
        key={selectedPost.id}
        strategyId={strategy.id}
        brand={strategy.brand_name}
        timezone={plan.timezone}
        post={selectedPost}
        draft={drafts[selectedPost.id]}
        onDraft={(draft) =>
          setDrafts((current) => {
            const { [selectedPost.id]: _, ...rest } = current;
            return draft ? { ...rest, [selectedPost.id]: draft } : rest;
          })
        }
        onChange={(post) => replacePosts([post])}
        picture={pictureOf(selectedPost)}
        pictureState={pictureState(selectedPost)}
        onGenerateImage={selectedPost.visual_prompt_index === undefined ? undefined : () => void images.generate([selectedPost.visual_prompt_index!])}
        onClose={phone ? () => setSelected(null) : undefined}
      />
    </div>
  );

  return (
    <>
      <PlanSettingsForm
        key={plan ? `${plan.start_date}-${plan.weeks}-${plan.timezone}` : "new"}
        plan={plan}
        brandTimezone={brandTimezone}
        writing={writer.live !== null}
        problem={writer.problem}
        atRisk={{ approved: plan?.posts.filter((post) => post.status === "approved").length ?? 0, unsaved: dirty.size }}
        onWrite={(settings) => void writer.write(settings, nextMonday(settings.timezone))}
      />

      {writer.live && (
        <p className="plan-progress" role="status">
          Writing the plan… {writer.live.posts.length} post{writer.live.posts.length === 1 ? "" : "s"} written so far.
        </p>
      )}

      <AddFromArticle strategyId={strategy.id} onAdded={setPlan} />

      {shown && (
        <>
          <p className="plan-summary">
            {writer.live ? "New plan: " : ""}
            {shown.posts.length} posts over {shown.weeks} week{shown.weeks === 1 ? "" : "s"} from {shown.start_date}, times in {shown.timezone}.
          </p>
          {plan && !writer.live && (
            <>
              {plan.unsupported_platforms && plan.unsupported_platforms.length > 0 && (
                <p className="plan-unsupported" role="note">
                  The strategy also recommends {plan.unsupported_platforms.join(", ")}: this plan has no posts there, because a plan cannot write for{" "}
                  {plan.unsupported_platforms.length === 1 ? "that platform" : "those platforms"} yet.
                </p>
              )}
              <BulkApprove
                strategyId={strategy.id}
                posts={plan.posts}
                weekPosts={view === "week" ? weekPosts : undefined}
                ticked={ticked}
                onSelecting={(selecting) => setTicked(selecting ? new Set() : null)}
                onChanged={replacePosts}
                missingPictures={missingPictures(plan.posts)}
                missingThisWeek={view === "week" ? missingPictures(weekPosts) : undefined}
                onGenerateImages={(indexes) => void images.generate(indexes)}
                imageProblem={images.problem}
              />
              <PlanExports strategy={strategy} plan={plan} />
              <PlanFeedPanel strategyId={strategy.id} initialFeed={initialFeed} />
              <PlanInsightsUsed strategyId={strategy.id} sentences={plan.insights_used} />
              <ResultsStep strategyId={strategy.id} />
            </>
          )}

          <div className="plan-views" role="radiogroup" aria-label="View">
            {(["week", "month", "list"] as const).map((option) => (
              <label key={option} className={`plan-view-option${view === option ? " active" : ""}`}>
                <input type="radio" name="plan-view" value={option} checked={view === option} onChange={() => setView(option)} />
                {option === "week" ? "Week" : option === "month" ? "Month" : "Agenda"}
              </label>
            ))}
          </div>
          {moveProblem && (
            <p className="plan-error" role="alert">
              {moveProblem}
            </p>
          )}
          <div className={`plan-workspace${selectedPost ? " with-editor" : ""}`} aria-busy={writer.live ? true : undefined}>
            <PlanCalendar
              plan={shown}
              view={view}
              week={week}
              onWeek={setWeek}
              today={today}
              selected={selected}
              onSelect={setSelected}
              ticked={ticked ?? undefined}
              onTick={(postId, on) =>
                setTicked((current) => {
                  const next = new Set(current);
                  if (on) next.add(postId);
                  else next.delete(postId);
                  return next;
                })
              }
              onMove={writer.live ? undefined : (postId, day) => void move(postId, day)}
              pictureOf={pictureOf}
              dirty={dirty}
            />
            {!writer.live &&
              (editor ?? <p className="hint plan-pick">Choose a post in the calendar to preview and edit it. Drag a post to another day to move it.</p>)}
          </div>
        </>
      )}
    </>
  );
}
