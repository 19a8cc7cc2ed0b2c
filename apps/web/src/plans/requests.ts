import type { PostPatch } from "@strategist/schemas";
import { call } from "@/api/client";

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
