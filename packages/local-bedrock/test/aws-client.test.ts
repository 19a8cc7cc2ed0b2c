import { ConverseCommand, ConverseStreamCommand, type ConverseStreamOutput, type TokenUsage } from "@aws-sdk/client-bedrock-runtime";
import { composeStrategy } from "@strategist/composer";
import { StrategyOutput } from "@strategist/schemas";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HTTP_ERRORS, startLocalBedrock, STREAM_ERRORS, type HttpErrorName, type LocalBedrock, type StreamErrorName } from "../src/index";
import { BRIEF, bedrockClient, MODEL_ID, strategyRequest } from "./clients";

let bedrock: LocalBedrock;
beforeAll(async () => {
  bedrock = await startLocalBedrock({ chunks: 5 });
});
beforeEach(() => bedrock.reset());
afterAll(() => bedrock.close());

/** Reads a ConverseStream answer back into the tool input text and the events seen. */
async function readStream(stream: AsyncIterable<ConverseStreamOutput>) {
  const events: string[] = [];
  let toolInput = "";
  let stopReason: string | undefined;
  let usage: TokenUsage | undefined;
  for await (const event of stream) {
    events.push(Object.keys(event).find((key) => key !== "$unknown")!);
    toolInput += event.contentBlockDelta?.delta?.toolUse?.input ?? "";
    stopReason = event.messageStop?.stopReason ?? stopReason;
    usage = event.metadata?.usage ?? usage;
  }
  return { events, toolInput, stopReason, usage };
}

/** Runs a promise that must fail and returns what it failed with. */
async function failure(promise: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number; attempts?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a failure");
}

describe("the default answer, with the real BedrockRuntimeClient", () => {
  for (const http1 of [false, true]) {
    it(`streams the composed strategy as a tool call over ${http1 ? "HTTP/1.1 (NodeHttpHandler)" : "HTTP/2"}`, async () => {
      const client = bedrockClient(bedrock.endpoint, { http1 });
      const response = await client.send(new ConverseStreamCommand(strategyRequest()));
      const { events, toolInput, stopReason, usage } = await readStream(response.stream!);
      client.destroy();

      expect(events).toEqual([
        "messageStart",
        "contentBlockStart",
        ...Array(5).fill("contentBlockDelta"),
        "contentBlockStop",
        "messageStop",
        "metadata",
      ]);
      expect(stopReason).toBe("tool_use");
      expect(StrategyOutput.parse(JSON.parse(toolInput))).toEqual(composeStrategy(BRIEF));
      expect(usage!.inputTokens).toBeGreaterThan(0);
      expect(usage!.outputTokens).toBe(Math.ceil(toolInput.length / 4));
      expect(bedrock.requests[0]!.protocol).toBe(http1 ? "http/1.1" : "h2");
    });
  }

  it("records the decoded model id, the system prompt, the tool config and maxTokens", async () => {
    const client = bedrockClient(bedrock.endpoint);
    await readStream((await client.send(new ConverseStreamCommand(strategyRequest()))).stream!);
    client.destroy();

    const [request] = bedrock.requests;
    expect(request).toMatchObject({ operation: "ConverseStream", modelId: MODEL_ID });
    expect(request!.body.system?.[0]).toEqual({ text: "You are a social media strategist." });
    expect(request!.body.toolConfig?.tools?.[0]?.toolSpec?.name).toBe("strands_structured_output");
    expect(request!.body.inferenceConfig?.maxTokens).toBe(4000);
    expect(request!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=local\//);
  });

  it("reports a prompt-cache write for a new cached system prompt and a cache read after", async () => {
    const client = bedrockClient(bedrock.endpoint);
    const first = await readStream((await client.send(new ConverseStreamCommand(strategyRequest()))).stream!);
    const second = await readStream((await client.send(new ConverseStreamCommand(strategyRequest()))).stream!);
    client.destroy();

    expect(first.usage).toMatchObject({ cacheReadInputTokens: 0, cacheWriteInputTokens: expect.any(Number) });
    expect(first.usage!.cacheWriteInputTokens).toBeGreaterThan(0);
    expect(second.usage).toMatchObject({ cacheReadInputTokens: first.usage!.cacheWriteInputTokens, cacheWriteInputTokens: 0 });
  });

  it("answers Converse with the strategy as a JSON tool input", async () => {
    const client = bedrockClient(bedrock.endpoint, { http1: true });
    const response = await client.send(new ConverseCommand(strategyRequest()));
    client.destroy();

    expect(response.stopReason).toBe("tool_use");
    expect(response.output?.message?.content?.[0]?.toolUse?.input).toEqual(composeStrategy(BRIEF));
    expect(bedrock.requests[0]!.operation).toBe("Converse");
  });

  it("answers in text with end_turn when no tool is offered", async () => {
    const client = bedrockClient(bedrock.endpoint);
    const response = await client.send(new ConverseCommand({ ...strategyRequest(), toolConfig: undefined }));
    client.destroy();

    expect(response.stopReason).toBe("end_turn");
    expect(response.output?.message?.content?.[0]?.text).toMatch(/\w/);
  });
});

describe("scripted faults, with the real BedrockRuntimeClient", () => {
  for (const [name, status] of Object.entries(HTTP_ERRORS) as [HttpErrorName, number][]) {
    it(`surfaces ${name} as that exception with HTTP status ${status}`, async () => {
      bedrock.script({ kind: "httpError", error: name });
      const client = bedrockClient(bedrock.endpoint);
      const error = await failure(client.send(new ConverseStreamCommand(strategyRequest())));
      client.destroy();

      expect(error.name).toBe(name);
      expect(error.$metadata?.httpStatusCode).toBe(status);
    });
  }

  for (const name of Object.keys(STREAM_ERRORS) as StreamErrorName[]) {
    it(`throws ${name} from the stream when Bedrock sends it after the stream started`, async () => {
      bedrock.script({ kind: "streamError", error: name, afterEvents: 3 });
      const client = bedrockClient(bedrock.endpoint);
      const response = await client.send(new ConverseStreamCommand(strategyRequest()));
      const error = await failure(readStream(response.stream!));
      client.destroy();

      expect(error.name).toBe(name);
      // The 200 status was already sent; the exception carries no HTTP status of its own.
      expect(error.$metadata?.httpStatusCode).toBeUndefined();
    });
  }

  it("retries a throttle before the stream starts: maxAttempts 3 shows up as 3 requests", async () => {
    bedrock.script(...Array(3).fill({ kind: "httpError", error: "ThrottlingException" }));
    const client = bedrockClient(bedrock.endpoint, { maxAttempts: 3 });
    const error = await failure(client.send(new ConverseStreamCommand(strategyRequest())));
    client.destroy();

    expect(error.name).toBe("ThrottlingException");
    expect(error.$metadata?.attempts).toBe(3);
    expect(bedrock.requests).toHaveLength(3);
  });

  it("retries a throttling exception sent as the first stream event, like an HTTP 429", async () => {
    bedrock.script({ kind: "streamError", error: "ThrottlingException", afterEvents: 0 });
    const client = bedrockClient(bedrock.endpoint, { maxAttempts: 2 });
    const response = await client.send(new ConverseStreamCommand(strategyRequest()));
    const { stopReason } = await readStream(response.stream!);
    client.destroy();

    // The client reads the first event before send() resolves, so an exception there counts as a failed attempt.
    expect(stopReason).toBe("tool_use");
    expect(bedrock.requests).toHaveLength(2);
  });

  it("lets a retry succeed once the throttling stops", async () => {
    bedrock.script({ kind: "httpError", error: "ThrottlingException" });
    const client = bedrockClient(bedrock.endpoint, { maxAttempts: 3 });
    const response = await client.send(new ConverseStreamCommand(strategyRequest()));
    const { stopReason } = await readStream(response.stream!);
    client.destroy();

    expect(stopReason).toBe("tool_use");
    expect(bedrock.requests.map((request) => request.behaviour.kind)).toEqual(["httpError", "answer"]);
  });

  it("throttles only the model a scripted fault names, while another model answers", async () => {
    bedrock.script({ kind: "httpError", error: "ThrottlingException", modelId: "model-a" });
    bedrock.setDefault({ kind: "httpError", error: "ServiceUnavailableException" }, "model-a");
    const client = bedrockClient(bedrock.endpoint);
    const answered = await client.send(new ConverseCommand(strategyRequest("model-b")));
    const throttled = await failure(client.send(new ConverseCommand(strategyRequest("model-a"))));
    const unavailable = await failure(client.send(new ConverseCommand(strategyRequest("model-a"))));
    client.destroy();

    expect(answered.stopReason).toBe("tool_use");
    expect([throttled.name, unavailable.name]).toEqual(["ThrottlingException", "ServiceUnavailableException"]);
  });

  for (const http1 of [false, true]) {
    it(`fails a stream cut midway over ${http1 ? "HTTP/1.1" : "HTTP/2"} after the events already sent`, async () => {
      bedrock.script({ kind: "cut", afterEvents: 3 });
      const client = bedrockClient(bedrock.endpoint, { http1 });
      const response = await client.send(new ConverseStreamCommand(strategyRequest()));
      const events: string[] = [];
      const error = await failure(
        (async () => {
          for await (const event of response.stream!) events.push(Object.keys(event)[0]!);
        })(),
      );
      client.destroy();

      expect(events).toEqual(["messageStart", "contentBlockStart", "contentBlockDelta"]);
      expect(error.message).toMatch(http1 ? /aborted|socket hang up|ECONNRESET/i : /NGHTTP2_INTERNAL_ERROR/);
      expect(bedrock.aborted).toBe(0);
    });
  }

  for (const http1 of [false, true]) {
    it(`keeps a stalled stream open until the client aborts over ${http1 ? "HTTP/1.1" : "HTTP/2"}, and counts the abort`, async () => {
      bedrock.script({ kind: "stall", afterEvents: 3 });
      const client = bedrockClient(bedrock.endpoint, { http1 });
      const abort = new AbortController();
      const response = await client.send(new ConverseStreamCommand(strategyRequest()), { abortSignal: abort.signal });
      const events: string[] = [];
      const reading = (async () => {
        for await (const event of response.stream!) events.push(Object.keys(event)[0]!);
      })();
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(events).toHaveLength(3);
      abort.abort();
      const outcome = await reading.then(
        () => "ended quietly",
        (error: Error) => error.name,
      );
      await expect.poll(() => bedrock.aborted).toBe(1);
      client.destroy();

      // Over HTTP/2 the AWS SDK ends the event iterator without an error when aborted mid-stream.
      expect(outcome).toBe(http1 ? "Error" : "ended quietly");
    });
  }

  it("delays the first byte and spaces the chunks as scripted", async () => {
    bedrock.script({ kind: "answer", firstByteDelayMs: 120, chunkDelayMs: 20, chunks: 3 });
    const client = bedrockClient(bedrock.endpoint);
    const started = Date.now();
    const response = await client.send(new ConverseStreamCommand(strategyRequest()));
    const headersAfter = Date.now() - started;
    await readStream(response.stream!);
    const endedAfter = Date.now() - started;
    client.destroy();

    expect(headersAfter).toBeGreaterThanOrEqual(115);
    // 8 events, 7 gaps of 20 ms after the first byte.
    expect(endedAfter - 120).toBeGreaterThanOrEqual(7 * 20 - 10);
  });

  it("sends a tool input that is valid JSON but breaks the schema", async () => {
    bedrock.script({ kind: "invalidOutput" });
    const client = bedrockClient(bedrock.endpoint);
    const { toolInput, stopReason } = await readStream((await client.send(new ConverseStreamCommand(strategyRequest()))).stream!);
    client.destroy();

    expect(stopReason).toBe("tool_use");
    const result = StrategyOutput.safeParse(JSON.parse(toolInput));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["content_pillars"]);
  });

  it("cuts the tool input mid-JSON with stopReason max_tokens", async () => {
    bedrock.script({ kind: "maxTokens" });
    const client = bedrockClient(bedrock.endpoint);
    const { toolInput, stopReason } = await readStream((await client.send(new ConverseStreamCommand(strategyRequest()))).stream!);
    client.destroy();

    expect(stopReason).toBe("max_tokens");
    expect(() => JSON.parse(toolInput)).toThrow(SyntaxError);
    expect(JSON.stringify(composeStrategy(BRIEF)).startsWith(toolInput)).toBe(true);
  });
});
