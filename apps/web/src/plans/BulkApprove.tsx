"use client";

import type { PlanPost, PostStatus } from "@strategist/schemas";
import { useState } from "react";
import { setPostsStatus } from "./requests";

interface Props {
  strategyId: string;
  posts: PlanPost[];
  /** The posts of the week on screen (week view only). */
  weekPosts?: PlanPost[];
  /** The ticked posts while selecting (null: not selecting). */
  ticked: ReadonlySet<string> | null;
  onSelecting: (selecting: boolean) => void;
  onChanged: (posts: PlanPost[]) => void;
  /** Visual prompts of the posts with no picture yet, over the plan and over the week on screen. */
  missingPictures: number[];
  missingThisWeek?: number[];
  onGenerateImages: (promptIndexes: number[]) => void;
  imageProblem: string | null;
}

/** Approve in bulk (all, the week on screen, or a selection) with undo, and draw the missing pictures. */
export function BulkApprove({
  strategyId,
  posts,
  weekPosts,
  ticked,
  onSelecting,
  onChanged,
  missingPictures,
  missingThisWeek,
  onGenerateImages,
  imageProblem,
}: Props) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ text: string; undo?: { ids: string[]; status: PostStatus }[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function apply(targets: PlanPost[], status: PostStatus, undoing = false) {
    const changing = targets.filter((post) => post.status !== status);
    setBusy(true);
    setProblem(null);
    const result = await setPostsStatus(strategyId, changing, status);
    setBusy(false);
    if (!result.ok) {
      setProblem(result.failure.detail);
      return;
    }
    onChanged(result.value);
    const count = `${changing.length} post${changing.length === 1 ? "" : "s"}`;
    setNotice(
      undoing
        ? { text: "Undone" }
        : {
            text: status === "approved" ? `Approved ${count}` : `${count} back to draft`,
            undo: changing.length ? [{ ids: changing.map((post) => post.id), status: status === "approved" ? "draft" : "approved" }] : undefined,
          },
    );
  }

  const chosen = posts.filter((post) => ticked?.has(post.id));
  const approved = posts.filter((post) => post.status === "approved").length;
  return (
    <div className="plan-bulk" role="group" aria-label="Approve and pictures">
      <p className="plan-bulk-count">
        {approved} of {posts.length} approved
      </p>
      <div className="button-row">
        <button type="button" className="button small" disabled={busy || approved === posts.length} onClick={() => void apply(posts, "approved")}>
          Approve all
        </button>
        {weekPosts && (
          <button
            type="button"
            className="button secondary small"
            disabled={busy || weekPosts.every((post) => post.status === "approved")}
            onClick={() => void apply(weekPosts, "approved")}
          >
            Approve this week
          </button>
        )}
        <button type="button" className="button secondary small" aria-pressed={ticked !== null} onClick={() => onSelecting(ticked === null)}>
          {ticked === null ? "Select posts" : "Stop selecting"}
        </button>
        {ticked !== null && (
          <>
            <button type="button" className="button secondary small" disabled={busy || chosen.length === 0} onClick={() => void apply(chosen, "approved")}>
              Approve selected ({chosen.length})
            </button>
            <button type="button" className="button secondary small" disabled={busy || chosen.length === 0} onClick={() => void apply(chosen, "draft")}>
              Back to draft ({chosen.length})
            </button>
          </>
        )}
        <button type="button" className="button secondary small" disabled={missingPictures.length === 0} onClick={() => onGenerateImages(missingPictures)}>
          Generate all images
        </button>
        {missingThisWeek && (
          <button type="button" className="button secondary small" disabled={missingThisWeek.length === 0} onClick={() => onGenerateImages(missingThisWeek)}>
            Generate images for this week
          </button>
        )}
      </div>
      <p className="plan-saved" role="status">
        {notice?.text}
        {notice?.undo && (
          <>
            {" "}
            <button
              type="button"
              className="link-button"
              onClick={() =>
                void apply(
                  posts.filter((post) => notice.undo![0]!.ids.includes(post.id)),
                  notice.undo![0]!.status,
                  true,
                )
              }
            >
              Undo
            </button>
          </>
        )}
      </p>
      {(problem ?? imageProblem) && (
        <p className="plan-error" role="alert">
          {problem ?? imageProblem}
        </p>
      )}
    </div>
  );
}
