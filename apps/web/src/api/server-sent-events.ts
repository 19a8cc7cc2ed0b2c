/** One Server-Sent Event: its type (`message` when the stream names none) and its data lines joined by "\n". */
export interface ServerSentEvent {
  event: string;
  data: string;
}

/**
 * A parser for the `text/event-stream` format (WHATWG HTML §9.2.6), fed text as it arrives in any pieces.
 * Comment lines (the agent's `: heartbeat`) are skipped; `id` and `retry` are ignored because nothing
 * reconnects: a generation cannot be resumed.
 */
export class EventStreamParser {
  private pending = "";
  private type = "";
  private data: string[] = [];

  /** Adds text and returns the events it completed. */
  push(text: string): ServerSentEvent[] {
    this.pending += text;
    // A CR at the very end may be the first half of a CRLF split across pieces: wait for the next one.
    const holdCr = this.pending.endsWith("\r");
    const usable = holdCr ? this.pending.slice(0, -1) : this.pending;
    const lines = usable.split(/\r\n|\r|\n/);
    this.pending = lines.pop()! + (holdCr ? "\r" : "");
    const events: ServerSentEvent[] = [];
    for (const line of lines) {
      const event = this.line(line);
      if (event) events.push(event);
    }
    return events;
  }

  /** The stream ended: a CR held back is a line end after all. Anything after the last blank line is dropped. */
  end(): ServerSentEvent[] {
    return this.pending.endsWith("\r") ? this.push("\n") : [];
  }

  private line(line: string): ServerSentEvent | undefined {
    if (line === "") {
      const event = this.data.length > 0 ? { event: this.type || "message", data: this.data.join("\n") } : undefined;
      this.type = "";
      this.data = [];
      return event;
    }
    if (line.startsWith(":")) return undefined;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + (line[colon + 1] === " " ? 2 : 1));
    if (field === "event") this.type = value;
    else if (field === "data") this.data.push(value);
    return undefined;
  }
}

/** Reads a response body as Server-Sent Events; an event cut off by the end of the stream is dropped, as the spec says. */
export async function* readServerSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const parser = new EventStreamParser();
  const decoder = new TextDecoder();
  const reader = body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      yield* parser.push(decoder.decode(value, { stream: true }));
    }
    yield* parser.push(decoder.decode());
    yield* parser.end();
  } finally {
    // A reader that stops early (the generation finished or failed) lets go of the connection.
    await reader.cancel().catch(() => undefined);
  }
}
