import {
  ConversationMessage,
  ErrorEvent,
  SectionEvent,
  STRATEGY_SECTIONS,
  StrategyOutput,
  StrategyRecord,
  VersionSummary,
  type StrategySection,
} from "@strategist/schemas";
import { z } from "zod";
import { call, type ApiResult } from "@/api/client";
import { eventData, postEventStream } from "@/api/stream";
import { checkedBy } from "@/shared/checked";
import type { SectionContent } from "@/strategies/StrategySections";

/** Browser calls to the conversation routes, through the web origin's /api/strategy proxy. */

export async function loadMessages(id: string): Promise<ConversationMessage[]> {
  const result = await call(
    (api) => api.GET("/api/strategy/{id}/messages", { params: { path: { id }, query: { limit: 100 } } }),
    checkedBy(z.array(ConversationMessage)),
  );
  return result.ok ? result.value : [];
}

export async function loadVersions(id: string): Promise<VersionSummary[]> {
  const result = await call((api) => api.GET("/api/strategy/{id}/versions", { params: { path: { id } } }), checkedBy(z.array(VersionSummary)));
  return result.ok ? result.value : [];
}

export function loadVersion(id: string, version: number): Promise<ApiResult<StrategyRecord>> {
  return call((api) => api.GET("/api/strategy/{id}/versions/{version}", { params: { path: { id, version } } }), checkedBy(StrategyRecord));
}

export function regenerate(id: string): Promise<ApiResult<StrategyRecord>> {
  return call((api) => api.POST("/api/strategy/{id}/regenerate", { params: { path: { id } }, body: {} }), checkedBy(StrategyRecord));
}

/** A finished section of a `section` event, checked against the strategy's schema; undefined for anything else. */
export function revisedSection(event: SectionEvent): SectionContent | undefined {
  if (!event.complete || !(STRATEGY_SECTIONS as readonly string[]).includes(event.section)) return undefined;
  const section = event.section as StrategySection;
  const value = StrategyOutput.shape[section].safeParse(event.value);
  return value.success ? ({ section, value: value.data } as SectionContent) : undefined;
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
