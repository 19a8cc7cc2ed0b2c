import { z } from "zod";
import { ErrorBody, ValidationErrorBody } from "./errors";
import { STRATEGY_SECTIONS } from "./sections";
import { StrategyRecord } from "./strategy";

/** `started`: the generation was admitted and the model is about to write. */
export const StartedEvent = z.object({ request_id: z.string(), model: z.string().describe("The model writing the strategy") }).meta({ id: "StartedEvent" });

/** `section`: a part of the strategy as far as it is written; `complete` once the part is final. */
export const SectionEvent = z
  .object({ section: z.enum(STRATEGY_SECTIONS), value: z.unknown().describe("The section's value so far (string or list)"), complete: z.boolean() })
  .meta({ id: "SectionEvent" });

/** `reset`: the model's attempt was discarded; sections shown so far are void. */
export const ResetEvent = z.object({ model: z.string(), reason: z.string() }).meta({ id: "ResetEvent" });

/** `error`: the generation failed; the status and body a plain request would have answered. */
export const StreamErrorEvent = z
  .object({
    status: z.number().int(),
    body: z.union([ValidationErrorBody, ErrorBody]),
    retry_after: z.number().int().optional().describe("Seconds to wait before retrying (429/503)"),
  })
  .meta({ id: "StreamErrorEvent" });

/** Every event of a live generation stream, by SSE event name; `completed` carries the stored record. */
export const GENERATION_EVENTS = {
  started: StartedEvent,
  section: SectionEvent,
  reset: ResetEvent,
  completed: StrategyRecord,
  error: StreamErrorEvent,
} as const;
