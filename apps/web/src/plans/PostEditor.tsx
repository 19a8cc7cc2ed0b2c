"use client";

import type { PlanPost, PostPatch } from "@strategist/schemas";
import { checkPost, PLATFORM_RULES, postLength, publishedText } from "@strategist/schemas/platform-rules";
import { useId, useState } from "react";
import type { ApiResult } from "@/api/client";
import { CopyButton } from "@/ui/CopyButton";
import { useCountdown } from "@/ui/Countdown";
import { dayOf, timeOf } from "./plan-dates";
import { draftOf, hashtagsOf, isDirty, patchOf, type PostDraft } from "./post-draft";
import { PostPreview, type PostPicture } from "./PostPreview";
import { PostResultsForm } from "./PostResultsForm";
import { rewritePost, updatePost } from "./requests";
import { RewriteControls } from "./RewriteControls";
import "./post-editor.css";

/** What the editor last did, with the way back when there is one. */
interface Notice {
  text: string;
  undo?: PostPatch;
}

interface PostEditorProps {
  strategyId: string;
  brand: string;
  timezone: string;
  post: PlanPost;
  /** Unsaved typing, kept by the workspace so switching posts never loses it. */
  draft: PostDraft | undefined;
  onDraft: (draft: PostDraft | undefined) => void;
  onChange: (post: PlanPost) => void;
  picture?: PostPicture;
  pictureState?: string;
  onGenerateImage?: () => void;
  /** On a phone the editor covers the screen; this closes it. */
  onClose?: () => void;
}

/** One post: its preview as the platform shows it, and beside it the editor (caption, hashtags, date and time), approve, rewrite. */
export function PostEditor({ strategyId, brand, timezone, post, draft, onDraft, onChange, picture, pictureState, onGenerateImage, onClose }: PostEditorProps) {
  const rule = PLATFORM_RULES[post.platform];
  const current = draft ?? draftOf(post);
  const [busy, setBusy] = useState<"save" | "approve" | "rewrite" | "undo" | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [waitUntil, setWaitUntil] = useState(0);
  /** The rewrites to choose from after a rewrite (the first is the one stored). */
  const [choices, setChoices] = useState<{ caption: string; hashtags: string[] }[]>([]);
  const secondsToWait = useCountdown(waitUntil);
  const ids = { title: useId(), caption: useId(), tags: useId(), when: useId(), counter: useId(), error: useId() };

  const hashtags = hashtagsOf(current);
  const length = postLength(post.platform, current.caption, hashtags);
  const over = length - rule.maxLength;
  const violations = checkPost(post.platform, { caption: current.caption, hashtags });
  const ruleMessage =
    over > 0
      ? `Too long: ${over.toLocaleString("en-US")} character${over === 1 ? "" : "s"} over the limit of ${rule.maxLength.toLocaleString("en-US")} for ${rule.name}.`
      : violations[0]?.message;
  const dirty = isDirty(post, draft);
  const when = `${dayOf(post.scheduled_at)} ${timeOf(post.scheduled_at)}`;

  function edit(change: Partial<PostDraft>) {
    setNotice(null);
    onDraft({ ...current, ...change });
  }

  async function run(kind: "save" | "approve" | "rewrite" | "undo", request: () => Promise<ApiResult<PlanPost>>, done: (saved: PlanPost) => Notice | null) {
    setBusy(kind);
    setProblem(null);
    setNotice(null);
    setChoices([]);
    const result = await request();
    setBusy(null);
    if (!result.ok) {
      setProblem(result.failure.errors?.[0]?.message ?? result.failure.detail);
      if (result.failure.retryAfterSeconds) setWaitUntil(Date.now() + result.failure.retryAfterSeconds * 1000);
      return;
    }
    if (kind !== "approve") onDraft(undefined);
    onChange(result.value);
    setNotice(done(result.value));
  }

  const save = () =>
    run(
      "save",
      () => updatePost(strategyId, post.id, patchOf(post, current, timezone)),
      () => ({ text: "Saved" }),
    );
  const approve = () =>
    run(
      "approve",
      () => updatePost(strategyId, post.id, { status: post.status === "approved" ? "draft" : "approved" }),
      (saved) => ({ text: saved.status === "approved" ? "Approved" : "Back to draft", undo: { status: post.status } }),
    );
  const rewrite = (instruction: string) =>
    run(
      "rewrite",
      () => rewritePost(strategyId, post.id, instruction),
      (saved) => {
        const alternatives = (saved as PlanPost & { alternatives?: { caption: string; hashtags: string[] }[] }).alternatives ?? [];
        setChoices(alternatives.length > 1 ? alternatives : []);
        return {
          text: alternatives.length > 1 ? "Rewritten: the first alternative is in place" : "Rewritten",
          undo: { caption: post.caption, hashtags: post.hashtags },
        };
      },
    );
  const choose = async (choice: { caption: string; hashtags: string[] }) => {
    const [undoTo, offered] = [notice?.undo, choices];
    await run(
      "rewrite",
      () => updatePost(strategyId, post.id, choice),
      () => ({ text: "Alternative chosen", ...(undoTo ? { undo: undoTo } : {}) }),
    );
    setChoices(offered);
  };
  const undo = (patch: PostPatch) =>
    run(
      "undo",
      () => updatePost(strategyId, post.id, patch),
      () => ({ text: "Undone" }),
    );

  const waiting = secondsToWait > 0;
  return (
    <article className={`plan-post${post.status === "approved" ? " approved" : ""}`} id={`post-${post.id}`} aria-labelledby={ids.title}>
      <header className="plan-post-head">
        <h3 id={ids.title}>
          <span className="plan-platform">{rule.name}</span> <time dateTime={post.scheduled_at}>{when}</time>
        </h3>
        <span className={`plan-status ${post.status}`}>{post.status === "approved" ? "Approved" : "Draft"}</span>
        {onClose && (
          <button type="button" className="button secondary small plan-close" onClick={onClose}>
            Back to the calendar
          </button>
        )}
      </header>
      <div className="plan-post-body">
        <div>
          <PostPreview post={post} caption={current.caption} hashtags={hashtags} brand={brand} picture={picture} />
          {onGenerateImage && (
            <p className="plan-picture-actions">
              <button type="button" className="button secondary small" onClick={onGenerateImage} disabled={pictureState !== undefined}>
                {picture ? "New picture" : "Generate image"}
              </button>{" "}
              <span role="status">{pictureState}</span>
            </p>
          )}
        </div>
        <div className="plan-post-fields">
          <dl className="plan-post-meta">
            <div>
              <dt>Pillar</dt>
              <dd>{post.pillar}</dd>
            </div>
            {post.goal && (
              <div>
                <dt>Goal</dt>
                <dd>{post.goal}</dd>
              </div>
            )}
            <div>
              <dt>Theme</dt>
              <dd>{post.theme}</dd>
            </div>
            {post.holiday && (
              <div>
                <dt>Holiday</dt>
                <dd>{post.holiday}</dd>
              </div>
            )}
          </dl>
          <label htmlFor={ids.caption}>
            Caption ({rule.field} on {rule.name})
          </label>
          <textarea
            id={ids.caption}
            value={current.caption}
            rows={5}
            onChange={(event) => edit({ caption: event.target.value })}
            aria-invalid={over > 0}
            aria-describedby={`${ids.counter}${ruleMessage ? ` ${ids.error}` : ""}`}
          />
          <label htmlFor={ids.tags}>Hashtags</label>
          <input id={ids.tags} value={current.tags} onChange={(event) => edit({ tags: event.target.value })} aria-describedby={ids.counter} />
          <p id={ids.counter} className={`plan-counter${over > 0 ? " over" : ""}`} aria-live="polite">
            {length.toLocaleString("en-US")} / {rule.maxLength.toLocaleString("en-US")} characters for {rule.name}, hashtags included
          </p>
          {ruleMessage && (
            <p id={ids.error} className="plan-error" role="alert">
              {ruleMessage}
            </p>
          )}
          <label htmlFor={ids.when}>Publish on ({timezone})</label>
          <input
            id={ids.when}
            type="datetime-local"
            required
            value={current.when}
            onChange={(event) => event.target.value && edit({ when: event.target.value })}
          />
          {problem && (
            <p className="plan-error" role="alert">
              {problem}
              {waiting && ` Try again in ${secondsToWait} s.`}
            </p>
          )}
          <div className="button-row">
            <button type="button" className="button small" disabled={!dirty || busy !== null || ruleMessage !== undefined} onClick={() => void save()}>
              {busy === "save" ? "Saving…" : "Save"}
            </button>
            {dirty && (
              <button type="button" className="button secondary small" disabled={busy !== null} onClick={() => onDraft(undefined)}>
                Discard changes
              </button>
            )}
            <button type="button" className="button secondary small" disabled={busy !== null || dirty} onClick={() => void approve()}>
              {post.status === "approved" ? "Mark as draft" : "Approve"}
            </button>
            <CopyButton text={publishedText(current.caption, hashtags)} label={`the ${rule.name} post of ${when}`} />
          </div>
          <p className="plan-saved" role="status">
            {notice?.text}
            {notice?.undo && (
              <>
                {" "}
                <button type="button" className="link-button" onClick={() => void undo(notice.undo!)}>
                  Undo
                </button>
              </>
            )}
          </p>
          {choices.length > 1 && (
            <section className="rewrite-choices" aria-label="Alternatives">
              <h4>Alternatives</h4>
              <ol>
                {choices.map((choice, index) => (
                  <li key={index}>
                    <p>{choice.caption}</p>
                    {choice.caption === post.caption ? (
                      <span className="plan-chip-approved">In place</span>
                    ) : (
                      <button type="button" className="button secondary small" disabled={busy !== null} onClick={() => void choose(choice)}>
                        Use alternative {index + 1}
                      </button>
                    )}
                  </li>
                ))}
              </ol>
            </section>
          )}
          {dirty && <p className="hint">Save or discard your changes to rewrite or approve.</p>}
          <RewriteControls disabled={busy !== null || dirty || waiting} busy={busy === "rewrite"} onRewrite={(instruction) => void rewrite(instruction)} />
        </div>
      </div>
      <PostResultsForm strategyId={strategyId} post={post} />
    </article>
  );
}
