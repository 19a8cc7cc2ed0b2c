import { ErrorEvent, STRATEGY_SECTIONS, StrategyOutput, StrategyRecord } from "@strategist/schemas";
import { z } from "zod";
import type { LiveEvent, SectionUpdate } from "./live-strategy";
import type { ServerSentEvent } from "@/api/server-sent-events";

const Started = z.object({ model: z.string() });
const Reset = z.object({ model: z.string() });
const Section = z.object({ section: z.enum(STRATEGY_SECTIONS), value: z.unknown(), complete: z.boolean() });

/**
 * A section's value, checked with the section's own schema. A list keeps its items that pass the item schema
 * and skips the length bounds: a list being written is short, and a complete one that breaks the bounds is
 * followed by a `reset` anyway.
 */
function readSection(data: unknown): SectionUpdate | null {
  const parsed = Section.safeParse(data);
  if (!parsed.success) return null;
  const { section, value, complete } = parsed.data;
  const schema = StrategyOutput.shape[section];
  if (schema instanceof z.ZodArray) {
    if (!Array.isArray(value)) return null;
    const items = value.filter((item) => schema.element.safeParse(item).success);
    return { section, value: items, complete } as SectionUpdate;
  }
  const checked = schema.safeParse(value);
  return checked.success ? ({ section, value: checked.data, complete } as SectionUpdate) : null;
}

function json(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Reads one event of the live-generation stream. Unknown events and unreadable progress are skipped (null);
 * an unreadable ending is a failure, since the page must not wait for an ending that already went by.
 */
export function readLiveEvent({ event, data }: ServerSentEvent): LiveEvent | null {
  const payload = json(data);
  switch (event) {
    case "started": {
      const started = Started.safeParse(payload);
      return started.success ? { type: "started", model: started.data.model } : null;
    }
    case "reset": {
      const reset = Reset.safeParse(payload);
      return reset.success ? { type: "reset", model: reset.data.model } : null;
    }
    case "section": {
      const update = readSection(payload);
      return update ? { type: "section", update } : null;
    }
    case "completed": {
      const record = StrategyRecord.safeParse(payload);
      return record.success ? { type: "completed", record: record.data } : { type: "error", status: 502 };
    }
    case "error": {
      const failure = ErrorEvent.safeParse(payload);
      if (!failure.success) return { type: "error", status: 500 };
      const { status, body, retry_after } = failure.data;
      return {
        type: "error",
        status,
        detail: body.detail,
        ...(body.errors ? { errors: body.errors } : {}),
        ...(retry_after ? { retryAfterSeconds: retry_after } : {}),
      };
    }
    default:
      return null;
  }
}
