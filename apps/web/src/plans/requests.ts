import { ErrorEvent, RepurposeResult, SectionEvent, type PostPatch } from "@strategist/schemas";
import { call, type ApiResult } from "@/api/client";
import { eventData, postEventStream } from "@/api/stream";

/** Writes a new plan (replacing the current one) through the web proxy. */
export function createPlan(id: string, body: { weeks: number; start_date?: string; timezone: string }) {
  return call((api) => api.POST("/api/strategy/{id}/plan", { params: { path: { id } }, body }));
}

/** Saves changes to one post. */
export function updatePost(id: string, postId: string, patch: PostPatch) {
  return call((api) => api.PATCH("/api/strategy/{id}/posts/{postId}", { params: { path: { id, postId } }, body: patch }));
}

/** Asks for a new caption and hashtags for one post. */
export function rewritePost(id: string, postId: string, instruction?: string) {
  return call((api) => api.POST("/api/strategy/{id}/posts/{postId}/rewrite", { params: { path: { id, postId } }, body: instruction ? { instruction } : {} }));
}

const base = (strategyId: string) => `/api/strategy/${encodeURIComponent(strategyId)}`;

/** Download links of the plan's exports (served by the agent through the proxy, with their file names). */
export function exportLinks(strategyId: string) {
  return { ics: `${base(strategyId)}/plan.ics`, csv: `${base(strategyId)}/plan.csv`, pdf: `${base(strategyId)}/export.pdf` };
}

/** A failed plan call in one line: the message of each field the agent refused, else its detail. */
export function problemText(failure: { detail: string; errors?: { field: string; message: string }[] }): string {
  return failure.errors?.map((error) => `${error.field}: ${error.message}`).join("; ") || failure.detail;
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
