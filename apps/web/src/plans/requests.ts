import type { PostPatch, PostStatus } from "@strategist/schemas";
import { call } from "@/api/client";
import { postEventStream } from "@/api/stream";

/** What writing a plan takes. */
export interface PlanSettings {
  weeks: number;
  start_date?: string;
  timezone: string;
  /** Keep the current plan's approved posts that fall within the new plan's days. */
  keep_approved?: boolean;
}

/** Writes a new plan (replacing the current one) through the web proxy. */
export function createPlan(id: string, body: PlanSettings) {
  return call((api) => api.POST("/api/strategy/{id}/plan", { params: { path: { id } }, body }));
}

/** Writes a new plan and streams its posts as the model writes them (the agent's server-sent events). */
export function streamPlan(id: string, body: PlanSettings, signal?: AbortSignal) {
  return postEventStream(`/api/strategy/${encodeURIComponent(id)}/plan/stream`, body, signal);
}

/** Saves changes to one post. */
export function updatePost(id: string, postId: string, patch: PostPatch) {
  return call((api) => api.PATCH("/api/strategy/{id}/posts/{postId}", { params: { path: { id, postId } }, body: patch }));
}

/** Approves (or returns to draft) several posts. */
export async function setPostsStatus(id: string, postIds: readonly string[], status: PostStatus) {
  const results = await Promise.all(postIds.map((postId) => updatePost(id, postId, { status })));
  const failed = results.find((result) => !result.ok);
  if (failed && !failed.ok) return failed;
  return { ok: true as const, value: results.flatMap((result) => (result.ok ? [result.value] : [])) };
}

/** Asks for new captions and hashtags for one post: the first is stored, the others come back to choose from. */
export function rewritePost(id: string, postId: string, instruction?: string, alternatives = 3) {
  return call((api) =>
    api.POST("/api/strategy/{id}/posts/{postId}/rewrite", {
      params: { path: { id, postId } },
      body: { alternatives, ...(instruction ? { instruction } : {}) },
    }),
  );
}

/** The strategy's image jobs, newest first (one page of 50). */
export function listPlanImages(id: string) {
  return call((api) => api.GET("/api/strategy/{id}/images", { params: { path: { id }, query: { limit: 50 } } }));
}

/** Starts drawing the strategy's visual prompt at `promptIndex` (the picture of the posts that use it). */
export function startPostImage(id: string, promptIndex: number) {
  return call((api) => api.POST("/api/strategy/{id}/images", { params: { path: { id } }, body: { prompt_index: promptIndex } }));
}

/** One image job as it is now. */
export function readPostImage(jobId: string) {
  return call((api) => api.GET("/api/images/jobs/{job_id}", { params: { path: { job_id: jobId } } }));
}

const base = (strategyId: string) => `/api/strategy/${encodeURIComponent(strategyId)}`;

/** Download links of the plan's exports (served by the agent through the proxy, with their file names). */
export function exportLinks(strategyId: string) {
  return { ics: `${base(strategyId)}/plan.ics`, csv: `${base(strategyId)}/plan.csv`, pdf: `${base(strategyId)}/export.pdf` };
}

/** A failed plan call in one line: the message of each field the agent refused, else its detail. */
export function problemText(failure: { detail: string; errors?: { field: string; message: string }[] }): string {
  return failure.errors?.map((error) => error.message).join("; ") || failure.detail;
}
