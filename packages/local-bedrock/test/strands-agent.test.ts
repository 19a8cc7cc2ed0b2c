import { configureLogging, MaxTokensError, ModelError, ModelThrottledError } from "@strands-agents/sdk";
import { composeStrategy } from "@strategist/composer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HTTP_ERRORS, startLocalBedrock, STREAM_ERRORS, type HttpErrorName, type LocalBedrock, type StreamErrorName } from "../src/index";
import { BRIEF, BRIEF_PROMPT, MODEL_ID, strategyAgent } from "./clients";

// Strands logs what the model got wrong (with stack traces); the tests assert it from the results instead.
const quiet = () => {};
configureLogging({ debug: quiet, info: quiet, warn: quiet, error: quiet });

let bedrock: LocalBedrock;
beforeAll(async () => {
  bedrock = await startLocalBedrock();
});
beforeEach(() => bedrock.reset());
afterAll(() => bedrock.close());

/** Runs an invocation that must fail and returns the error. */
async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as Error & { cause?: Error & { $metadata?: { httpStatusCode?: number } } };
  }
  throw new Error("expected the invocation to fail");
}

describe("the real Strands agent on the real BedrockModel", () => {
  for (const [transport, options] of [
    ["ConverseStream over HTTP/2", {}],
    ["ConverseStream over HTTP/1.1", { http1: true }],
    ["Converse", { stream: false }],
  ] as const) {
    it(`returns the composed strategy as validated structured output (${transport})`, async () => {
      const result = await strategyAgent(bedrock.endpoint, options).invoke(BRIEF_PROMPT);

      expect(result.stopReason).toBe("toolUse");
      expect(result.structuredOutput).toEqual(composeStrategy(BRIEF));
      expect(bedrock.requests).toHaveLength(1);
      expect(bedrock.requests[0]).toMatchObject({
        operation: "stream" in options ? "Converse" : "ConverseStream",
        modelId: MODEL_ID,
        body: {
          system: [{ text: "You are a social media strategist." }],
          inferenceConfig: { maxTokens: 4000 },
          toolConfig: { tools: [{ toolSpec: { name: "strands_structured_output" } }] },
        },
      });
    });
  }

  it("carries Bedrock's token usage into the agent's metrics", async () => {
    const result = await strategyAgent(bedrock.endpoint).invoke(BRIEF_PROMPT);

    const usage = result.metrics?.accumulatedUsage;
    expect(usage?.outputTokens).toBe(Math.ceil(JSON.stringify(composeStrategy(BRIEF)).length / 4));
    expect(usage?.inputTokens).toBeGreaterThan(0);
  });

  for (const [name, status] of Object.entries(HTTP_ERRORS) as [HttpErrorName, number][]) {
    it(`surfaces an HTTP ${status} ${name} as a ModelError caused by ${name}`, async () => {
      bedrock.script({ kind: "httpError", error: name });
      const error = await failure(strategyAgent(bedrock.endpoint).invoke(BRIEF_PROMPT));

      expect(error).toBeInstanceOf(ModelError);
      expect(error.cause?.name).toBe(name);
      expect(error.cause?.$metadata?.httpStatusCode).toBe(status);
    });
  }

  for (const name of Object.keys(STREAM_ERRORS) as StreamErrorName[]) {
    it(`surfaces ${name} inside a started stream as a ModelError caused by ${name}, with no status`, async () => {
      bedrock.script({ kind: "streamError", error: name, afterEvents: 3 });
      const error = await failure(strategyAgent(bedrock.endpoint).invoke(BRIEF_PROMPT));

      // Bedrock frames it as an exception message, which the AWS client throws before Strands sees an event,
      // so even a throttle never becomes ModelThrottledError (and the agent's retry strategy never sees it).
      expect(error).toBeInstanceOf(ModelError);
      expect(error).not.toBeInstanceOf(ModelThrottledError);
      expect(error.cause?.name).toBe(name);
      expect(error.cause?.$metadata?.httpStatusCode).toBeUndefined();
    });
  }

  it("forces the structured-output tool after a plain text answer", async () => {
    bedrock.script({ kind: "text" });
    const result = await strategyAgent(bedrock.endpoint).invoke(BRIEF_PROMPT);

    expect(result.structuredOutput).toEqual(composeStrategy(BRIEF));
    expect(bedrock.requests.map((request) => request.body.toolConfig?.toolChoice)).toEqual([
      undefined,
      { tool: { name: "strands_structured_output" } },
    ]);
  });

  it("sends schema errors back to the model and accepts the corrected strategy", async () => {
    bedrock.script({ kind: "invalidOutput" });
    const result = await strategyAgent(bedrock.endpoint).invoke(BRIEF_PROMPT);

    expect(result.structuredOutput).toEqual(composeStrategy(BRIEF));
    expect(bedrock.requests).toHaveLength(2);
    const retried = JSON.stringify(bedrock.requests[1]!.body.messages);
    expect(retried).toContain('"status":"error"');
    expect(retried).toContain("content_pillars");
  });

  it("fails with MaxTokensError when the tool input is cut by max_tokens", async () => {
    bedrock.script({ kind: "maxTokens" });
    const error = await failure(strategyAgent(bedrock.endpoint).invoke(BRIEF_PROMPT));

    expect(error).toBeInstanceOf(MaxTokensError);
    expect(bedrock.requests).toHaveLength(1);
  });

  it("fails with a ModelError when the HTTP/2 stream is cut midway", async () => {
    bedrock.script({ kind: "cut", afterEvents: 4 });
    const error = await failure(strategyAgent(bedrock.endpoint).invoke(BRIEF_PROMPT));

    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toMatch(/NGHTTP2_INTERNAL_ERROR/);
  });

  it("ends a stalled stream when the invocation is cancelled, and the abort reaches Bedrock", async () => {
    bedrock.script({ kind: "stall", afterEvents: 3 });
    const result = await strategyAgent(bedrock.endpoint).invoke(BRIEF_PROMPT, { cancelSignal: AbortSignal.timeout(200) });

    // Cancellation returns normally: no structured output, stop reason "cancelled".
    expect(result.stopReason).toBe("cancelled");
    expect(result.structuredOutput).toBeUndefined();
    await expect.poll(() => bedrock.aborted).toBe(1);
  });

  it("lets a second model answer while the first one is throttled", async () => {
    bedrock.setDefault({ kind: "httpError", error: "ThrottlingException" }, "model-a");
    const throttled = await failure(strategyAgent(bedrock.endpoint, { modelId: "model-a" }).invoke(BRIEF_PROMPT));
    const answered = await strategyAgent(bedrock.endpoint, { modelId: "model-b" }).invoke(BRIEF_PROMPT);

    expect(throttled.cause?.name).toBe("ThrottlingException");
    expect(answered.structuredOutput).toEqual(composeStrategy(BRIEF));
    expect(bedrock.requests.map((request) => request.modelId)).toEqual(["model-a", "model-b"]);
  });
});
