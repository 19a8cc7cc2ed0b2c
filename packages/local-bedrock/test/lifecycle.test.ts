import { ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import { describe, expect, it } from "vitest";
import { startLocalBedrock } from "../src/index";
import { bedrockClient, strategyRequest } from "./clients";

describe("starting and closing the local Bedrock", () => {
  it("listens on 127.0.0.1 on a free port by default", async () => {
    const first = await startLocalBedrock();
    const second = await startLocalBedrock();
    await Promise.all([first.close(), second.close()]);

    expect(first.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(second.endpoint).not.toBe(first.endpoint);
  });

  it("closes at once with stalled streams open over HTTP/2 and HTTP/1.1, without counting them as aborts", async () => {
    const bedrock = await startLocalBedrock();
    bedrock.setDefault({ kind: "stall", afterEvents: 2 });
    const clients = [bedrockClient(bedrock.endpoint), bedrockClient(bedrock.endpoint, { http1: true })];
    const streams = await Promise.all(clients.map((client) => client.send(new ConverseStreamCommand(strategyRequest()))));
    const readers = streams.map(async (response) => {
      for await (const _event of response.stream!);
    });

    const started = Date.now();
    await bedrock.close();
    // Both readers must finish: a stream left open would hang this test until vitest's timeout.
    await Promise.allSettled(readers);
    for (const client of clients) client.destroy();

    expect(Date.now() - started).toBeLessThan(1000);
    expect(bedrock.aborted).toBe(0);
  });
});
