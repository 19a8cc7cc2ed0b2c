import { splitIntoChunks } from "@strategist/composer";
import { answerText, type ModelAnswer } from "./answer";
import { encodeEvent } from "./event-stream";
import type { BedrockUsage } from "./usage";

/**
 * A ConverseStream event, encoded when it is sent so that the metadata event's latency covers the whole stream.
 * `delta` is the answer text a contentBlockDelta carries, for observers of the stream.
 */
interface StreamEvent {
  type: string;
  encode: () => Buffer;
  delta?: string;
}

/** An event whose payload is built when it is sent. */
function event(type: string, payload: () => unknown, delta?: string): StreamEvent {
  return { type, encode: () => encodeEvent(type, payload()), ...(delta === undefined ? {} : { delta }) };
}

/**
 * The event sequence of a ConverseStream answer: messageStart, contentBlockStart (tool calls only; Bedrock sends
 * none for text), the answer in `chunks` contentBlockDelta events, contentBlockStop, messageStop, metadata.
 */
export function answerEvents(answer: ModelAnswer, usage: BedrockUsage, chunks: number, startedAt: number): StreamEvent[] {
  const contentBlockIndex = 0;
  const events: StreamEvent[] = [event("messageStart", () => ({ role: "assistant" }))];
  if (answer.type === "toolUse") {
    const start = { toolUse: { toolUseId: answer.toolUseId, name: answer.name } };
    events.push(event("contentBlockStart", () => ({ contentBlockIndex, start })));
  }
  for (const chunk of splitIntoChunks(answerText(answer), chunks)) {
    const delta = answer.type === "toolUse" ? { toolUse: { input: chunk } } : { text: chunk };
    events.push(event("contentBlockDelta", () => ({ contentBlockIndex, delta }), chunk));
  }
  events.push(
    event("contentBlockStop", () => ({ contentBlockIndex })),
    event("messageStop", () => ({ stopReason: answer.stopReason })),
    event("metadata", () => ({ usage, metrics: { latencyMs: Date.now() - startedAt } })),
  );
  return events;
}

/** The Converse (non-streaming) response body for the same answer. */
export function converseBody(answer: ModelAnswer, usage: BedrockUsage, startedAt: number) {
  const content =
    answer.type === "toolUse" && answer.stopReason === "tool_use"
      ? [{ toolUse: { toolUseId: answer.toolUseId, name: answer.name, input: JSON.parse(answer.inputJson) as unknown } }]
      : // A truncated tool input is not a JSON document, so a cut-off answer comes back as the text written so far.
        [{ text: answerText(answer) }];
  return {
    output: { message: { role: "assistant", content } },
    stopReason: answer.stopReason,
    usage,
    metrics: { latencyMs: Date.now() - startedAt },
  };
}
