"use client";

import type { PlanPost } from "@strategist/schemas";
import { checkPost, PLATFORM_RULES, postLength, publishedText } from "@strategist/schemas/platform-rules";
import { useId, useState } from "react";
import { CopyButton } from "@/ui/CopyButton";
import { rewritePost, updatePost } from "./requests";

function when(post: PlanPost): string {
  return `${post.scheduled_at.slice(0, 10)} ${post.scheduled_at.slice(11, 16)}`;
}

/** One post: a preview of what the platform publishes, edited in place with a live count against the platform's limit. */
export function PostEditor({ strategyId, post, onChange }: { strategyId: string; post: PlanPost; onChange: (post: PlanPost) => void }) {
  const rule = PLATFORM_RULES[post.platform];
  const [caption, setCaption] = useState(post.caption);
  const [tags, setTags] = useState(post.hashtags.join(" "));
  const [busy, setBusy] = useState<"save" | "approve" | "rewrite" | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const ids = { caption: useId(), tags: useId(), counter: useId(), error: useId() };

  const hashtags = tags.split(/\s+/u).filter(Boolean);
  const length = postLength(post.platform, caption, hashtags);
  const over = length - rule.maxLength;
  const violations = checkPost(post.platform, { caption, hashtags });
  const dirty = caption !== post.caption || tags !== post.hashtags.join(" ");

  async function run(kind: "save" | "approve" | "rewrite") {
    setBusy(kind);
    setProblem(null);
    setSaved(null);
    const result =
      kind === "rewrite"
        ? await rewritePost(strategyId, post.id)
        : await updatePost(strategyId, post.id, kind === "save" ? { caption, hashtags } : { status: post.status === "approved" ? "draft" : "approved" });
    setBusy(null);
    if (!result.ok) {
      setProblem(result.failure.errors?.[0]?.message ?? result.failure.detail);
      return;
    }
    setCaption(result.value.caption);
    setTags(result.value.hashtags.join(" "));
    setSaved(kind === "save" ? "Saved" : kind === "rewrite" ? "Rewritten" : result.value.status === "approved" ? "Approved" : "Back to draft");
    onChange(result.value);
  }

  return (
    <article className={`plan-post${post.status === "approved" ? " approved" : ""}`} id={`post-${post.id}`} aria-labelledby={`${ids.caption}-title`}>
      <header className="plan-post-head">
        <h3 id={`${ids.caption}-title`}>
          <span className="plan-platform">{rule.name}</span> <time dateTime={post.scheduled_at}>{when(post)}</time>
        </h3>
        <span className={`plan-status ${post.status}`}>{post.status === "approved" ? "Approved" : "Draft"}</span>
      </header>
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
        value={caption}
        rows={4}
        onChange={(event) => setCaption(event.target.value)}
        aria-invalid={over > 0}
        aria-describedby={`${ids.counter}${over > 0 ? ` ${ids.error}` : ""}`}
      />
      <label htmlFor={ids.tags}>Hashtags</label>
      <input id={ids.tags} value={tags} onChange={(event) => setTags(event.target.value)} aria-describedby={ids.counter} />
      <p id={ids.counter} className={`plan-counter${over > 0 ? " over" : ""}`} aria-live="polite">
        {length.toLocaleString("en-US")} / {rule.maxLength.toLocaleString("en-US")} characters for {rule.name}, hashtags included
      </p>
      {over > 0 && (
        <p id={ids.error} className="plan-error" role="alert">
          Too long: {over.toLocaleString("en-US")} character{over === 1 ? "" : "s"} over the limit of {rule.maxLength.toLocaleString("en-US")} for {rule.name}.
        </p>
      )}
      {over <= 0 && violations.length > 0 && (
        <p className="plan-error" role="alert">
          {violations[0]!.message}
        </p>
      )}
      {problem && (
        <p className="plan-error" role="alert">
          {problem}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button small" disabled={!dirty || busy !== null} onClick={() => void run("save")}>
          {busy === "save" ? "Saving…" : "Save"}
        </button>
        <button type="button" className="button secondary small" disabled={busy !== null || dirty} onClick={() => void run("approve")}>
          {post.status === "approved" ? "Mark as draft" : "Approve"}
        </button>
        <CopyButton text={publishedText(caption, hashtags)} label={`the ${rule.name} post of ${when(post)}`} />
        <button type="button" className="button secondary small" disabled={busy !== null} onClick={() => void run("rewrite")}>
          {busy === "rewrite" ? "Rewriting…" : "Rewrite"}
        </button>
        <span className="plan-saved" aria-live="polite">
          {saved}
        </span>
      </div>
    </article>
  );
}
