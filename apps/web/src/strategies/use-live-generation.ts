import type { FieldError, GenerateRequest, StrategyRecord } from "@strategist/schemas";
import { useCallback, useEffect, useRef, useState } from "react";
import { advance, finish, startLiveStrategy, type LiveEvent, type LiveStrategy } from "./live-strategy";
import type { ServerSentEvent } from "@/api/server-sent-events";
import { postEventStream } from "@/api/stream";

/** The live-generation endpoint on the web origin (proxied to the agent). */
const LIVE_GENERATION_PATH = "/api/strategy/generate/stream";

/** How a generation ended. */
type GenerationOutcome =
  | { kind: "completed"; record: StrategyRecord }
  /** The agent's answer: an HTTP status before the stream (0: no answer at all), or the stream's `error` event. */
  | { kind: "failed"; status: number; detail?: string; errors?: FieldError[]; retryAfterSeconds?: number }
  /** The stream ended without saying how the generation ended. */
  | { kind: "interrupted" }
  /** Stopped from this page: the Stop button, or leaving the page. */
  | { kind: "stopped" };

/** Reads one stream event into a checked LiveEvent (null: skip it); loaded with the form's schemas. */
type LiveEventReader = (event: ServerSentEvent) => LiveEvent | null;

/**
 * Runs a live generation: posts the brief to the stream endpoint and keeps `live` up to date as sections are
 * written, until the strategy is stored or the generation fails. Unmounting (leaving the page) aborts the request,
 * which makes the agent abort the model call.
 */
export function useLiveGeneration() {
  const [live, setLive] = useState<LiveStrategy | null>(null);
  const running = useRef<AbortController | null>(null);

  useEffect(() => () => running.current?.abort(), []);

  const start = useCallback(async (request: GenerateRequest, readLiveEvent: LiveEventReader): Promise<GenerationOutcome> => {
    const controller = new AbortController();
    running.current = controller;
    let state = startLiveStrategy(Date.now());
    setLive(state);
    let streaming = false;
    let outcome: GenerationOutcome = { kind: "interrupted" };
    try {
      const answer = await postEventStream(LIVE_GENERATION_PATH, request, controller.signal);
      if (!answer.ok) {
        outcome = { kind: "failed", ...answer.failure };
      } else {
        streaming = true;
        for await (const message of answer.events) {
          const event = readLiveEvent(message);
          if (event?.type === "completed") {
            outcome = { kind: "completed", record: event.record };
            break;
          }
          if (event?.type === "error") {
            // The stream's `retry_after` stands in for the Retry-After header a plain answer would carry.
            outcome = { kind: "failed", status: event.status, detail: event.detail, errors: event.errors, retryAfterSeconds: event.retryAfterSeconds };
            break;
          }
          if (event) setLive((state = advance(state, event)));
        }
      }
    } catch {
      outcome = controller.signal.aborted ? { kind: "stopped" } : streaming ? { kind: "interrupted" } : { kind: "failed", status: 0 };
    }
    if (running.current === controller) running.current = null;
    setLive(outcome.kind === "completed" ? finish(state, outcome.record) : null);
    return outcome;
  }, []);

  const stop = useCallback(() => running.current?.abort(), []);

  return { live, start, stop };
}
