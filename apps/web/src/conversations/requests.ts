import {
  ConversationMessage,
  ErrorEvent,
  SectionEvent,
  STRATEGY_SECTIONS,
  StrategyOutput,
  StrategyRecord,
  VersionSummary,
  type FieldError,
  type StrategySection,
} from "@strategist/schemas";
import { z } from "zod";
import type { SectionContent } from "@/strategies/StrategySections";
import { readServerSentEvents } from "@/api/server-sent-events";

/** Browser calls to the conversation routes, through the web origin's /api/strategy proxy. */
const base = (id: string) => `/api/strategy/${encodeURIComponent(id)}`;

/** A refused or failed request: the agent's detail and, when it said when to retry, the seconds to wait. */
export interface Failure {
  status: number;
  detail: string;
  errors?: FieldError[];
  retryAfterSeconds?: number;
}

async function failureOf(response: Response): Promise<Failure> {
  const body = (await response.json().catch(() => ({}))) as { detail?: string; errors?: FieldError[] };
  const retryAfter = Number(response.headers.get("retry-after"));
  return {
    status: response.status,
    detail: body.detail ?? `The request failed (${response.status})`,
    ...(body.errors ? { errors: body.errors } : {}),
    ...(retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
  };
}

export async function loadMessages(id: string): Promise<ConversationMessage[]> {
  const response = await fetch(`${base(id)}/messages?limit=100`);
  return response.ok ? z.array(ConversationMessage).parse(await response.json()) : [];
}

export async function loadVersions(id: string): Promise<VersionSummary[]> {
  const response = await fetch(`${base(id)}/versions`);
  return response.ok ? z.array(VersionSummary).parse(await response.json()) : [];
}

export async function loadVersion(id: string, version: number): Promise<StrategyRecord | Failure> {
  const response = await fetch(`${base(id)}/versions/${version}`);
  return response.ok ? StrategyRecord.parse(await response.json()) : failureOf(response);
}

export async function regenerate(id: string): Promise<StrategyRecord | Failure> {
  const response = await fetch(`${base(id)}/regenerate`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  return response.ok ? StrategyRecord.parse(await response.json()) : failureOf(response);
}

export async function deleteStrategy(id: string): Promise<true | Failure> {
  const response = await fetch(base(id), { method: "DELETE" });
  return response.status === 204 ? true : failureOf(response);
}

/**
 * Streams a refine: calls `onSection` with the title of each section as the agent finishes writing it (and with
 * null when it starts over), and resolves with the new version or the failure, honouring `retry_after`.
 */
/** A finished section of a `section` event, checked against the strategy's schema; undefined for anything else. */
export function revisedSection(event: SectionEvent): SectionContent | undefined {
  if (!event.complete || !(STRATEGY_SECTIONS as readonly string[]).includes(event.section)) return undefined;
  const section = event.section as StrategySection;
  const value = StrategyOutput.shape[section].safeParse(event.value);
  return value.success ? ({ section, value: value.data } as SectionContent) : undefined;
}

/** Streams a refine: `onSection` sees each revised section once written (null when the model starts over). */
export async function streamRefine(
  id: string,
  message: string,
  onSection: (section: SectionContent | null) => void,
  signal?: AbortSignal,
): Promise<StrategyRecord | Failure> {
  const response = await fetch(`${base(id)}/refine/stream`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify({ message }),
    signal,
  });
  if (!response.ok || !response.body || !response.headers.get("content-type")?.startsWith("text/event-stream")) return failureOf(response);
  for await (const event of readServerSentEvents(response.body)) {
    const data = (() => {
      try {
        return JSON.parse(event.data) as unknown;
      } catch {
        return undefined;
      }
    })();
    if (event.event === "section") {
      const section = SectionEvent.safeParse(data);
      const revised = section.success ? revisedSection(section.data) : undefined;
      if (revised) onSection(revised);
    } else if (event.event === "reset") {
      onSection(null);
    } else if (event.event === "completed") {
      const record = StrategyRecord.safeParse(data);
      return record.success ? record.data : { status: 502, detail: "The revised strategy could not be read" };
    } else if (event.event === "error") {
      const failure = ErrorEvent.safeParse(data);
      if (!failure.success) return { status: 500, detail: "The refine failed" };
      const { status, body, retry_after } = failure.data;
      return { status, detail: body.detail, ...(body.errors ? { errors: body.errors } : {}), ...(retry_after ? { retryAfterSeconds: retry_after } : {}) };
    }
  }
  return { status: 0, detail: "The connection ended before the refine finished" };
}

export function isFailure(value: unknown): value is Failure {
  return typeof value === "object" && value !== null && "detail" in value && "status" in value && !("id" in value);
}
