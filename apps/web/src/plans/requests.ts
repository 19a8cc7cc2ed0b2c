import type { PlanPost, PostPatch, PostResult, PostStatus, RepurposeResult } from "@strategist/schemas";
import { lazyModule } from "@/shared/lazy-module";
import { offline } from "@/api/result";
import { call, type ApiResult } from "@/api/client";
import { eventData, postEventStream } from "@/api/stream";

const loadChecks = lazyModule(() => import("./checks"));

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

/** Approves (or returns to draft) several posts in one call; the answer is the posts as they now are. */
export async function setPostsStatus(id: string, posts: readonly PlanPost[], status: PostStatus) {
  const result = await call((api) =>
    api.POST("/api/strategy/{id}/posts/approve", { params: { path: { id } }, body: { post_ids: posts.map((post) => post.id), status } }),
  );
  if (!result.ok) return result;
  return { ok: true as const, value: posts.map((post) => ({ ...post, status })) };
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

/** Starts drawing the strategy's visual prompt at `promptIndex` (the picture of the posts that use it). */
export function startPostImage(id: string, promptIndex: number) {
  return call((api) => api.POST("/api/strategy/{id}/images", { params: { path: { id } }, body: { prompt_index: promptIndex } }));
}

/** One image job as it is now. */
export function readPostImage(jobId: string) {
  return call((api) => api.GET("/api/images/jobs/{job_id}", { params: { path: { job_id: jobId } } }));
}

/** Stores one post's results (a later save replaces the earlier one). */
export function savePostResults(id: string, postId: string, body: PostResult) {
  return call((api) => api.PUT("/api/strategy/{id}/posts/{post_id}/results", { params: { path: { id, post_id: postId } }, body }));
}

/** Imports a results CSV; with `dryRun`, answers what the import would do and stores nothing. */
export function importResults(id: string, csv: string, dryRun: boolean) {
  return call((api) =>
    api.POST("/api/strategy/{id}/results", {
      params: { path: { id }, query: dryRun ? { dry_run: "true" } : {} },
      body: csv,
      headers: { "content-type": "text/csv" },
      bodySerializer: (body: unknown) => body as string,
    }),
  );
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

/** Creates the calendar feed, or rotates its link: the answer holds the only copy of the new link. */
export function createFeed(id: string, approvedOnly: boolean) {
  return call((api) => api.POST("/api/strategy/{id}/plan/feed", { params: { path: { id } }, body: { approved_only: approvedOnly } }));
}

/** Changes whether the feed holds approved posts only; its link stays. */
export function updateFeed(id: string, approvedOnly: boolean) {
  return call((api) => api.PATCH("/api/strategy/{id}/plan/feed", { params: { path: { id } }, body: { approved_only: approvedOnly } }));
}

/** Revokes the calendar feed: its link stops working. */
export function revokeFeed(id: string) {
  return call((api) => api.DELETE("/api/strategy/{id}/plan/feed", { params: { path: { id } } }));
}

/** The strategy's plan as stored now. */
export function getPlan(id: string) {
  return call((api) => api.GET("/api/strategy/{id}/plan", { params: { path: { id } } }));
}

/** What the writer has finished so far while an article becomes posts. */
export type ArticlePostDraft = { platform: string; caption: string; hashtags: string[] };

/** A finished post of the stream's `posts` section (the stream's values are unchecked JSON). */
function isDraft(value: unknown): value is ArticlePostDraft {
  if (typeof value !== "object" || value === null) return false;
  const post = value as Record<string, unknown>;
  return typeof post.platform === "string" && typeof post.caption === "string" && Array.isArray(post.hashtags);
}

/** An article to turn into posts: a URL to read, or pasted text with its title. */
export type ArticleSource = { url: string } | { text: string; title: string };

/**
 * Turns an article into plan posts through the streaming route: `onPosts` gets the posts finished so far as they
 * are written (an empty list when an attempt is discarded), and the promise the posts added to the plan or the
 * failure (a refused page is a 400/422/504 with a detail saying why).
 */
export async function streamArticlePosts(
  id: string,
  source: ArticleSource & { count?: number },
  onPosts: (posts: ArticlePostDraft[]) => void,
  signal?: AbortSignal,
): Promise<ApiResult<RepurposeResult>> {
  const answer = await postEventStream(`${base(id)}/repurpose/stream`, source, signal);
  if (!answer.ok) return answer;
  let checks: Awaited<ReturnType<typeof loadChecks>>;
  try {
    checks = await loadChecks();
  } catch {
    return { ok: false, failure: offline() };
  }
  const { ErrorEvent, RepurposeResult, SectionEvent } = checks;
  for await (const event of answer.events) {
    const data = eventData(event);
    if (event.event === "section") {
      const section = SectionEvent.safeParse(data);
      if (section.success && section.data.section === "posts" && Array.isArray(section.data.value)) {
        onPosts(section.data.value.filter(isDraft));
      }
    } else if (event.event === "reset") {
      onPosts([]);
    } else if (event.event === "completed") {
      const result = RepurposeResult.safeParse(data);
      return result.success
        ? { ok: true, value: result.data, response: answer.response }
        : { ok: false, failure: { status: 502, detail: "The new posts could not be read" } };
    } else if (event.event === "error") {
      const failure = ErrorEvent.safeParse(data);
      if (!failure.success) return { ok: false, failure: { status: 500, detail: "Writing the posts failed" } };
      const { status, body, retry_after } = failure.data;
      return {
        ok: false,
        failure: { status, detail: body.detail, ...(body.errors ? { errors: body.errors } : {}), ...(retry_after ? { retryAfterSeconds: retry_after } : {}) },
      };
    }
  }
  return { ok: false, failure: { status: 0, detail: "The connection ended before the posts were written" } };
}
