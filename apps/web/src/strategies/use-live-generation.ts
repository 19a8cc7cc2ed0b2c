import type { FieldError, GenerateRequest, StrategyRecord } from "@strategist/schemas";
import { useCallback, useEffect, useRef, useState } from "react";
import { advance, finish, startLiveStrategy, type LiveEvent, type LiveStrategy } from "./live-strategy";
import { readServerSentEvents, type ServerSentEvent } from "@/api/server-sent-events";

/** The live-generation endpoint on the web origin (proxied to the agent). */
const LIVE_GENERATION_PATH = "/api/strategy/generate/stream";

/** How a generation ended. */
type GenerationOutcome =
  | { kind: "completed"; record: StrategyRecord }
  /** The agent's answer: an HTTP status before the stream (0: no answer at all), or the stream's `error` event. */
  | { kind: "failed"; status: number; detail?: string; errors?: FieldError[]; retryAfter: string | null }
  /** The stream ended without saying how the generation ended. */
  | { kind: "interrupted" }
  /** Stopped from this page: the Stop button, or leaving the page. */
  | { kind: "stopped" };

/** Reads one stream event into a checked LiveEvent (null: skip it); loaded with the form's schemas. */
type LiveEventReader = (event: ServerSentEvent) => LiveEvent | null;

async function failure(response: Response): Promise<GenerationOutcome> {
  const body = ((await response.json().catch(() => undefined)) ?? {}) as { detail?: string; errors?: FieldError[] };
  // A 200 that is not an event stream is not something this page can use.
  return { kind: "failed", status: response.ok ? 502 : response.status, detail: body.detail, errors: body.errors, retryAfter: response.headers.get("retry-after") };
}

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
      const response = await fetch(LIVE_GENERATION_PATH, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/event-stream" },
        body: JSON.stringify(request),
        signal: controller.signal,
      });
      if (!response.ok || !response.body || !response.headers.get("content-type")?.startsWith("text/event-stream")) {
        outcome = await failure(response);
      } else {
        streaming = true;
        for await (const message of readServerSentEvents(response.body)) {
          const event = readLiveEvent(message);
          if (event?.type === "completed") {
            outcome = { kind: "completed", record: event.record };
            break;
          }
          if (event?.type === "error") {
            // The stream's `retry_after` stands in for the Retry-After header a plain answer would carry.
            outcome = { kind: "failed", status: event.status, detail: event.detail, errors: event.errors, retryAfter: event.retryAfterSeconds ? String(event.retryAfterSeconds) : null };
            break;
          }
          if (event) setLive((state = advance(state, event)));
        }
      }
    } catch {
      outcome = controller.signal.aborted ? { kind: "stopped" } : streaming ? { kind: "interrupted" } : { kind: "failed", status: 0, retryAfter: null };
    }
    if (running.current === controller) running.current = null;
    setLive(outcome.kind === "completed" ? finish(state, outcome.record) : null);
    return outcome;
  }, []);

  const stop = useCallback(() => running.current?.abort(), []);

  return { live, start, stop };
}
