import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventStreamParser, readServerSentEvents, type ServerSentEvent } from "@/api/server-sent-events";

/** A body that delivers the given bytes in the given pieces. */
function body(pieces: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  for await (const event of readServerSentEvents(stream)) events.push(event);
  return events;
}

/** Cuts bytes at the given offsets, even inside a multi-byte character or between CR and LF. */
function cut(bytes: Uint8Array, offsets: number[]): Uint8Array[] {
  const points = [...new Set(offsets.map((offset) => offset % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    if (point > from) pieces.push(bytes.slice(from, point));
    from = Math.max(from, point);
  }
  return pieces;
}

const lineText = fc.string({ unit: fc.constantFrom("a", "é", "🙂", " ", ":", "{", '"', "x") }).filter((text) => !/[\r\n]/.test(text));
const streamEvent = fc.record({
  event: fc.constantFrom("started", "section", "reset", "completed", "error"),
  lines: fc.array(lineText, { minLength: 1, maxLength: 3 }),
});

describe("reading Server-Sent Events", () => {
  it("yields the same events however the bytes are split and whichever line endings the server used", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(streamEvent, { maxLength: 5 }),
        fc.constantFrom("\n", "\r\n", "\r"),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 12 }),
        async (events, newline, heartbeats, offsets) => {
          const text = events
            .map(
              ({ event, lines }) =>
                [...(heartbeats ? [": heartbeat"] : []), `event: ${event}`, ...lines.map((line) => `data: ${line}`), ""].join(newline) + newline,
            )
            .join("");
          const bytes = new TextEncoder().encode(text);
          const read = await readAll(body(cut(bytes, offsets)));
          expect(read).toEqual(events.map(({ event, lines }) => ({ event, data: lines.join("\n") })));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("skips comments and ignores id and retry; an event without a type is a message", () => {
    const parser = new EventStreamParser();
    expect(parser.push(": heartbeat\n\nid: 7\nretry: 10\ndata:no space\ndata\n\n")).toEqual([{ event: "message", data: "no space\n" }]);
  });

  it("drops an event the stream cut off before its blank line", async () => {
    const bytes = new TextEncoder().encode('event: section\ndata: {"section":"content_pillars"}\n\nevent: completed\ndata: {"id"');
    expect(await readAll(body([bytes]))).toEqual([{ event: "section", data: '{"section":"content_pillars"}' }]);
  });

  it("does not take a CR at the end of one piece and an LF at the start of the next for two line ends", () => {
    const parser = new EventStreamParser();
    expect(parser.push("data: one\r")).toEqual([]);
    expect(parser.push("\ndata: two\r\n\r\n")).toEqual([{ event: "message", data: "one\ntwo" }]);
  });
});
