import { ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import { describe, expect, it } from "vitest";
import { startLocalBedrock, type WrittenStreamEvent } from "../src/index";
import { bedrockClient, strategyRequest } from "./clients";

describe("observing the stream as it is written", () => {
  it("reports each event once written, in order, with the tool-input text each delta carried and when it left", async () => {
    const written: WrittenStreamEvent[] = [];
    const bedrock = await startLocalBedrock({ chunks: 3, chunkDelayMs: 30, onEventWritten: (event) => written.push(event) });
    const client = bedrockClient(bedrock.endpoint);
    const received: { delta: string; at: number }[] = [];
    const response = await client.send(new ConverseStreamCommand(strategyRequest()));
    for await (const event of response.stream!) {
      const delta = event.contentBlockDelta?.delta?.toolUse?.input;
      if (delta !== undefined) received.push({ delta, at: Date.now() });
    }
    client.destroy();
    await bedrock.close();

    expect(written.map((event) => event.type)).toEqual([
      "messageStart",
      "contentBlockStart",
      "contentBlockDelta",
      "contentBlockDelta",
      "contentBlockDelta",
      "contentBlockStop",
      "messageStop",
      "metadata",
    ]);
    expect(written.map((event) => event.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(written.every((event) => event.request === bedrock.requests[0])).toBe(true);
    const deltas = written.filter((event) => event.delta !== undefined);
    expect(deltas.map((event) => event.delta)).toEqual(received.map((event) => event.delta));
    // Written before the client read it, and spaced by the chunk delay.
    deltas.forEach((event, index) => expect(event.at).toBeLessThanOrEqual(received[index]!.at));
    expect(deltas[2]!.at - deltas[0]!.at).toBeGreaterThanOrEqual(2 * 30 - 5);
  });

  it("stops reporting where a stalled stream stops writing", async () => {
    const written: WrittenStreamEvent[] = [];
    const bedrock = await startLocalBedrock({ onEventWritten: (event) => written.push(event) });
    bedrock.script({ kind: "stall", afterEvents: 3 });
    const client = bedrockClient(bedrock.endpoint);
    const controller = new AbortController();
    const response = await client.send(new ConverseStreamCommand(strategyRequest()), { abortSignal: controller.signal });
    const iterator = response.stream![Symbol.asyncIterator]();
    for (let read = 0; read < 3; read++) await iterator.next();
    controller.abort();
    client.destroy();
    await bedrock.close();

    expect(written.map((event) => event.type)).toEqual(["messageStart", "contentBlockStart", "contentBlockDelta"]);
  });
});
