/** One Server-Sent Event as the client sees it. */
export interface SseEvent {
  event: string;
  data: any;
  /** ms since the request was sent. */
  at: number;
}

/** Parses a complete text/event-stream body (comments dropped). */
export function parseSse(body: string): SseEvent[] {
  return body
    .split("\n\n")
    .filter((block) => block.split("\n").some((line) => line.startsWith("event:")))
    .map((block) => {
      const lines = block.split("\n");
      const event = lines.find((line) => line.startsWith("event:"))!.slice(6).trim();
      const data = lines.filter((line) => line.startsWith("data:")).map((line) => line.slice(5).trim()).join("\n");
      return { event, data: JSON.parse(data), at: 0 };
    });
}

/** Reads an event stream over real HTTP as it arrives; `until` may stop early (the request is then aborted). */
export async function readSse(
  url: string,
  init: RequestInit,
  until?: (event: SseEvent) => boolean,
): Promise<{ status: number; events: SseEvent[]; raw: string; contentType: string | null }> {
  const started = performance.now();
  const controller = new AbortController();
  const response = await fetch(url, { ...init, signal: controller.signal });
  const events: SseEvent[] = [];
  let raw = "";
  if (!response.body || !response.headers.get("content-type")?.startsWith("text/event-stream")) {
    return { status: response.status, events, raw: await response.text(), contentType: response.headers.get("content-type") };
  }
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for await (const chunk of response.body) {
      const text = decoder.decode(chunk, { stream: true });
      raw += text;
      buffer += text;
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end + 2);
        buffer = buffer.slice(end + 2);
        for (const event of parseSse(block)) {
          event.at = performance.now() - started;
          events.push(event);
          if (until?.(event)) {
            controller.abort();
            return { status: response.status, events, raw, contentType: response.headers.get("content-type") };
          }
        }
      }
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  }
  return { status: response.status, events, raw, contentType: response.headers.get("content-type") };
}
