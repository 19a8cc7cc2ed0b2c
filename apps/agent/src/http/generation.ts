import { ErrorBody, ErrorEvent, ResetEvent, SectionEvent, StartedEvent, ValidationErrorBody } from "@strategist/schemas";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { ModelCallContext } from "../generation/pipeline";
import { eventStreamResponse } from "./openapi/document";
import { clientGoneSignal } from "./request-signal";

/** The Idempotency-Key header every model-calling route accepts, stream routes included. */
export const IdempotencyHeaders = z.object({
  "idempotency-key": z
    .string()
    .min(1, { error: "Must not be empty" })
    .max(200, { error: "Must be at most 200 characters" })
    .regex(/^[\x21-\x7e]+$/, { error: "Must be printable ASCII without spaces" })
    .optional()
    .describe("Retries with the same key within 24 h return the same result without calling the model again"),
});

/** The statuses a live (SSE) route answers before its stream opens; later failures arrive as `error` events. */
export const STREAM_REFUSALS = {
  400: ValidationErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  429: ErrorBody,
  503: ErrorBody,
} as const;

/** Every status a model-calling JSON route can answer besides its 200. */
export const MODEL_CALL_ERRORS = { ...STREAM_REFUSALS, 500: ErrorBody, 504: ErrorBody } as const;

/** The documented `200 text/event-stream` of a live route: the events of every stream, `completed` carrying `completed`. */
export function liveEventStream(completed: z.ZodType) {
  return eventStreamResponse("The live progress, then the result", {
    started: StartedEvent,
    section: SectionEvent,
    reset: ResetEvent,
    completed,
    error: ErrorEvent,
  });
}

/** The model call's context from its request; `ids` (strategy_id, post_id, ...) join every log line of the call. */
export function modelCallContext(request: FastifyRequest, reply: FastifyReply, ids: Record<string, string> = {}): ModelCallContext {
  const key = request.headers["idempotency-key"];
  return {
    signal: clientGoneSignal(reply),
    log: Object.keys(ids).length > 0 ? request.log.child(ids) : request.log,
    idempotencyKey: typeof key === "string" ? key : undefined,
  };
}
