import type { PlanPost, PostPatch } from "@strategist/schemas";
import { dayOf, timeOf, zonedDateTime } from "./plan-dates";

/** What the user has typed into a post's editor and not saved: kept per post while they switch posts. */
export interface PostDraft {
  caption: string;
  tags: string;
  /** YYYY-MM-DDTHH:MM in the plan's zone. */
  when: string;
}

export const draftOf = (post: PlanPost): PostDraft => ({
  caption: post.caption,
  tags: post.hashtags.join(" "),
  when: `${dayOf(post.scheduled_at)}T${timeOf(post.scheduled_at)}`,
});

export const hashtagsOf = (draft: PostDraft) => draft.tags.split(/\s+/u).filter(Boolean);

/** Whether a draft differs from the stored post. */
export function isDirty(post: PlanPost, draft: PostDraft | undefined): boolean {
  if (!draft) return false;
  const stored = draftOf(post);
  return draft.caption !== stored.caption || hashtagsOf(draft).join(" ") !== post.hashtags.join(" ") || draft.when !== stored.when;
}

/** The PATCH that saves a draft: only the fields that changed, the time with the zone's offset on that day. */
export function patchOf(post: PlanPost, draft: PostDraft, timeZone: string): PostPatch {
  const stored = draftOf(post);
  const hashtags = hashtagsOf(draft);
  const [date, time] = draft.when.split("T") as [string, string];
  return {
    ...(draft.caption !== stored.caption ? { caption: draft.caption } : {}),
    ...(hashtags.join(" ") !== post.hashtags.join(" ") ? { hashtags } : {}),
    ...(draft.when !== stored.when ? { scheduled_at: zonedDateTime(date, time, timeZone) } : {}),
  };
}
