import { request as httpRequest } from "node:http";

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
      const event = lines
        .find((line) => line.startsWith("event:"))!
        .slice(6)
        .trim();
      const data = lines
        .filter((line) => line.startsWith("data:"))
        .map((line) => line.slice(5).trim())
        .join("\n");
      return { event, data: JSON.parse(data), at: 0 };
    });
}

/**
 * Reads an event stream over real HTTP as it arrives; `until` may stop early, which destroys the connection the
 * way a browser tab closing does. (node:http rather than fetch: undici opens a spare connection after an abort,
 * which would hold the server's close() open until its header timeout.)
 */
export function readSse(
  url: string,
  init: { method: string; headers: Record<string, string>; body: string },
  until?: (event: SseEvent) => boolean,
): Promise<{ status: number; events: SseEvent[]; raw: string; contentType: string | undefined }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: init.method, headers: { ...init.headers, "content-length": Buffer.byteLength(init.body) } }, (response) => {
      const events: SseEvent[] = [];
      let raw = "";
      let buffer = "";
      const done = () => resolve({ status: response.statusCode ?? 0, events, raw, contentType: response.headers["content-type"] });
      response.setEncoding("utf8");
      response.on("data", (text: string) => {
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
              request.destroy();
              done();
              return;
            }
          }
        }
      });
      response.on("end", done);
      response.on("error", () => done());
    });
    request.on("error", (error) => (request.destroyed ? undefined : reject(error)));
    request.end(init.body);
  });
}
