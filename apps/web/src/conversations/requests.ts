import type { ConversationMessage, StrategyRecord, VersionSummary } from "@strategist/schemas";
import { call, offline, type ApiResult } from "@/api/client";
import { eventData, postEventStream } from "@/api/stream";
import { lazyModule } from "@/shared/lazy-module";
import type { SectionContent } from "@/strategies/StrategySections";

/** Browser calls to the conversation routes, through the web origin's /api/strategy proxy. */

/** The answers' checks (zod with them), loaded on the first call rather than with the page. */
const loadChecks = lazyModule(() => import("./checks"));
type Checks = Awaited<ReturnType<typeof loadChecks>>;

/** The checks, or undefined when their chunk could not be loaded (offline): callers answer as for a lost request. */
async function checks(): Promise<Checks | undefined> {
  try {
    return await loadChecks();
  } catch {
    return undefined;
  }
}

export async function loadMessages(id: string): Promise<ConversationMessage[]> {
  const loaded = await checks();
  if (!loaded) return [];
  const result = await call((api) => api.GET("/api/strategy/{id}/messages", { params: { path: { id }, query: { limit: 100 } } }), loaded.messagesCheck);
  return result.ok ? result.value : [];
}

export async function loadVersions(id: string): Promise<VersionSummary[]> {
  const loaded = await checks();
  if (!loaded) return [];
  const result = await call((api) => api.GET("/api/strategy/{id}/versions", { params: { path: { id } } }), loaded.versionsCheck);
  return result.ok ? result.value : [];
}

export async function loadVersion(id: string, version: number): Promise<ApiResult<StrategyRecord>> {
  const loaded = await checks();
  if (!loaded) return { ok: false, failure: offline() };
  return call((api) => api.GET("/api/strategy/{id}/versions/{version}", { params: { path: { id, version } } }), loaded.recordCheck);
}

export async function regenerate(id: string): Promise<ApiResult<StrategyRecord>> {
  const loaded = await checks();
  if (!loaded) return { ok: false, failure: offline() };
  return call((api) => api.POST("/api/strategy/{id}/regenerate", { params: { path: { id } }, body: {} }), loaded.recordCheck);
}

/** Makes an earlier version the latest again, as a new version (every version is kept); answers the new latest. */
export async function restoreVersion(id: string, version: number): Promise<ApiResult<StrategyRecord>> {
  const loaded = await checks();
  if (!loaded) return { ok: false, failure: offline() };
  return call((api) => api.POST("/api/strategy/{id}/versions/{version}/restore", { params: { path: { id, version } } }), loaded.recordCheck);
}

/**
 * Streams a refine: `onSection` sees each revised section once written (null when the model starts over); resolves
 * with the new version or the failure, with the stream's `retry_after` as the failure's wait. A thrown request
 * (the connection lost midway) rejects.
 */
export async function streamRefine(
  id: string,
  message: string,
  onSection: (section: SectionContent | null) => void,
  signal?: AbortSignal,
): Promise<ApiResult<StrategyRecord>> {
  const loaded = await checks();
  if (!loaded) return { ok: false, failure: offline() };
  const { ErrorEvent, SectionEvent, StrategyRecord, revisedSection } = loaded;
  const answer = await postEventStream(`/api/strategy/${encodeURIComponent(id)}/refine/stream`, { message }, signal);
  if (!answer.ok) return answer;
  for await (const event of answer.events) {
    const data = eventData(event);
    if (event.event === "section") {
      const section = SectionEvent.safeParse(data);
      const revised = section.success ? revisedSection(section.data) : undefined;
      if (revised) onSection(revised);
    } else if (event.event === "reset") {
      onSection(null);
    } else if (event.event === "completed") {
      const record = StrategyRecord.safeParse(data);
      return record.success
        ? { ok: true, value: record.data, response: answer.response }
        : { ok: false, failure: { status: 502, detail: "The revised strategy could not be read" } };
    } else if (event.event === "error") {
      const failure = ErrorEvent.safeParse(data);
      if (!failure.success) return { ok: false, failure: { status: 500, detail: "The refine failed" } };
      const { status, body, retry_after } = failure.data;
      return {
        ok: false,
        failure: { status, detail: body.detail, ...(body.errors ? { errors: body.errors } : {}), ...(retry_after ? { retryAfterSeconds: retry_after } : {}) },
      };
    }
  }
  return { ok: false, failure: { status: 0, detail: "The connection ended before the refine finished" } };
}
