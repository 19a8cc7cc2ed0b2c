import { call, offline } from "@/api/client";
import { checkedBy } from "@/shared/checked";
import { lazyModule } from "@/shared/lazy-module";

/** The schemas (and zod with them) load on the first "Load more", not with the history page. */
const loadSchemas = lazyModule(() => import("@strategist/schemas"));

/** One page of older strategies (summaries) after `cursor`; the next cursor is the answer's X-Next-Cursor. */
export async function listStrategyPage(limit: number, cursor: string) {
  let StrategySummaryList;
  try {
    ({ StrategySummaryList } = await loadSchemas());
  } catch {
    return { ok: false as const, failure: offline() };
  }
  const result = await call((api) => api.GET("/api/strategy/list", { params: { query: { limit, cursor, view: "summary" } } }), checkedBy(StrategySummaryList));
  return result.ok ? { ...result, nextCursor: result.response.headers.get("x-next-cursor") } : result;
}

/** The strategy's image jobs, newest first (one page of 50: enough for every visual prompt). */
export function listImageJobs(id: string) {
  return call((api) => api.GET("/api/strategy/{id}/images", { params: { path: { id }, query: { limit: 50 } } }));
}

/** Deletes the strategy with every version, its conversation and its plan. */
export function deleteStrategy(id: string) {
  return call((api) => api.DELETE("/api/strategy/{id}", { params: { path: { id } } }));
}
