import { failureOf, type ApiFailure } from "./result";
import { readServerSentEvents, type ServerSentEvent } from "./server-sent-events";

/** An opened event stream, or the failure the server answered instead. A thrown request (offline, aborted) rejects. */
export type EventStreamAnswer = { ok: true; events: AsyncIterable<ServerSentEvent>; response: Response } | { ok: false; failure: ApiFailure };

/**
 * Posts JSON to a streaming route of the web origin and hands back its server-sent events. An answer that is
 * not an event stream is a failure (a 200 with another body is a 502: nothing this page can read).
 */
export async function postEventStream(path: string, body: unknown, signal?: AbortSignal): Promise<EventStreamAnswer> {
  const response = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify(body),
    signal,
  });
  if (!response.ok || !response.body || !response.headers.get("content-type")?.startsWith("text/event-stream")) {
    const failure = failureOf(response, await response.json().catch(() => undefined));
    return { ok: false, failure: response.ok ? { ...failure, status: 502 } : failure };
  }
  return { ok: true, events: readServerSentEvents(response.body), response };
}

/** The parsed JSON data of an event, or undefined when it is not JSON. */
export function eventData(event: ServerSentEvent): unknown {
  try {
    return JSON.parse(event.data) as unknown;
  } catch {
    return undefined;
  }
}
