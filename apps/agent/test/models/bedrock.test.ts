import type { Behaviour, LocalBedrock } from "@strategist/local-bedrock";
import { ERROR_DETAILS } from "@strategist/schemas";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SYSTEM_PROMPT } from "../../src/strategies/prompt";
import { MAX_MODEL_TURNS } from "../../src/models/model-call";
import { CLAUDE, NOVA, QWEN, startBedrockHarness, type BedrockHarness } from "../support/bedrock-harness";
import { generate, VALID_BRIEF } from "../support/harness";

const MAX_ATTEMPTS = 3;

// The real BedrockModel and AWS client against the local Bedrock: every fault, what the client sees, how many
// requests Bedrock received, and that a failure stores nothing.
describe("MODEL_PROVIDER=bedrock against the local Bedrock", () => {
  let bedrock: LocalBedrock;
  let harness: BedrockHarness;

  beforeAll(async () => {
    harness = await startBedrockHarness({
      env: {
        BEDROCK_MODELS: `${CLAUDE}=Claude Sonnet 4,${NOVA}=Amazon Nova Pro,${QWEN}=Qwen3 32B`,
        BEDROCK_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
        BEDROCK_MAX_TOKENS: "3000",
        AGENT_TIMEOUT_SECONDS: "3",
      },
    });
    bedrock = harness.bedrock;
  });
  afterAll(() => harness.close());
  beforeEach(() => bedrock.reset());

  async function expectNothingStoredFor(user: string) {
    expect((await harness.storedItems()).filter((item) => item.userId === user)).toEqual([]);
  }

  it("sends the model id, system prompt, structured-output tool and maxTokens, and stores the answering model and usage", async () => {
    const response = await generate(harness, "b-ok", VALID_BRIEF);
    expect(response.statusCode).toBe(200);
    const record = response.json();
    expect(record.model).toBe(CLAUDE);
    expect(record.usage.input_tokens).toBeGreaterThan(0);
    expect(record.usage.output_tokens).toBeGreaterThan(0);
    expect(bedrock.requests).toHaveLength(1);
    const [request] = bedrock.requests;
    expect(request!.modelId).toBe(CLAUDE);
    expect(request!.operation).toBe("ConverseStream");
    const body = request!.body as { system: { text?: string }[]; toolConfig: { tools: { toolSpec?: { name?: string } }[] } };
    expect(body.system[0]!.text).toBe(SYSTEM_PROMPT);
    expect(body.toolConfig.tools.map((tool) => tool.toolSpec?.name)).toContain("strands_structured_output");
    expect(request!.body.inferenceConfig?.maxTokens).toBe(3000);
    expect(JSON.stringify(request!.body.messages)).toContain("<brand_name>TechCorp</brand_name>");
  });

  it("caches the system prompt on Claude: the second generation reads it from the cache", async () => {
    await generate(harness, "b-cache", VALID_BRIEF);
    const second = (await generate(harness, "b-cache", { ...VALID_BRIEF, brand_name: "Other" })).json();
    expect(bedrock.requests[0]!.body.system?.some((block: object) => "cachePoint" in block)).toBe(true);
    expect(second.usage.cache_read_tokens).toBeGreaterThan(0);
    expect((await harness.storedItem(second.id))?.usage).toMatchObject({ cacheReadTokens: second.usage.cache_read_tokens });
  });

  it("uses no cache points for a model without prompt caching (Qwen)", async () => {
    const response = await generate(harness, "b-qwen", { ...VALID_BRIEF, model: QWEN });
    expect(response.json().model).toBe(QWEN);
    expect(bedrock.requests[0]!.body.system?.some((block: object) => "cachePoint" in block)).toBe(false);
  });

  it("lists the enabled models with display names and the default", async () => {
    const response = await harness.app.inject({ url: "/api/models", headers: { authorization: `Bearer ${harness.token("b-models")}` } });
    expect(response.json().filter((model: { kind: string }) => model.kind === "text")).toEqual([
      { id: CLAUDE, name: "Claude Sonnet 4", provider: "bedrock", default: true, kind: "text" },
      { id: NOVA, name: "Amazon Nova Pro", provider: "bedrock", default: false, kind: "text" },
      { id: QWEN, name: "Qwen3 32B", provider: "bedrock", default: false, kind: "text" },
      { id: "offline", name: expect.stringContaining("Offline"), provider: "offline", default: false, kind: "text" },
    ]);
  });

  const retried: [string, Behaviour][] = [
    ["ThrottlingException", { kind: "httpError", error: "ThrottlingException" }],
    ["ServiceUnavailableException", { kind: "httpError", error: "ServiceUnavailableException" }],
    ["InternalServerException", { kind: "httpError", error: "InternalServerException" }],
    ["a throttling event inside the stream", { kind: "streamError", error: "ThrottlingException", afterEvents: 3 }],
  ];

  it.each(retried)("retries %s a bounded number of times, then answers 503 with Retry-After and stores nothing", async (_name, behaviour) => {
    bedrock.setDefault(behaviour);
    const response = await generate(harness, "b-busy", VALID_BRIEF);
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ detail: ERROR_DETAILS.unavailable });
    expect(Number(response.headers["retry-after"])).toBeGreaterThan(0);
    expect(bedrock.requests).toHaveLength(MAX_ATTEMPTS);
    expect(response.body).not.toMatch(/Exception|requestId/);
    await expectNothingStoredFor("b-busy");
  });

  it.each(retried)("recovers when %s happens once", async (_name, behaviour) => {
    bedrock.script(behaviour);
    const response = await generate(harness, "b-recover", VALID_BRIEF);
    expect(response.statusCode).toBe(200);
    expect(bedrock.requests).toHaveLength(2);
  });

  it.each([
    ["ValidationException", 500, ERROR_DETAILS.generation_failed],
    ["AccessDeniedException", 500, ERROR_DETAILS.generation_failed],
    ["ModelTimeoutException", 504, ERROR_DETAILS.timeout],
  ] as const)("does not retry %s: %i", async (error, status, detail) => {
    bedrock.setDefault({ kind: "httpError", error });
    const response = await generate(harness, "b-final", VALID_BRIEF);
    expect(response.statusCode).toBe(status);
    expect(response.json()).toEqual({ detail });
    expect(bedrock.requests).toHaveLength(1);
    await expectNothingStoredFor("b-final");
  });

  it("answers 504 when the stream stalls, aborts the Bedrock request and stores nothing", async () => {
    bedrock.setDefault({ kind: "stall", afterEvents: 3 });
    const started = Date.now();
    const response = await generate(harness, "b-stall", VALID_BRIEF);
    expect(response.statusCode).toBe(504);
    expect(response.json()).toEqual({ detail: ERROR_DETAILS.timeout });
    expect(Date.now() - started).toBeLessThan(6_000);
    await expect.poll(() => bedrock.aborted, { timeout: 2_000 }).toBe(1);
    await expectNothingStoredFor("b-stall");
  });

  it("waits out a slow stream within the budget", async () => {
    bedrock.setDefault({ kind: "answer", chunkDelayMs: 40, chunks: 8 });
    const response = await generate(harness, "b-slow", VALID_BRIEF);
    expect(response.statusCode).toBe(200);
  });

  it("retries a stream cut midway and stores one strategy", async () => {
    bedrock.script({ kind: "cut", afterEvents: 4 });
    const response = await generate(harness, "b-cut", VALID_BRIEF);
    expect(response.statusCode).toBe(200);
    expect(bedrock.requests).toHaveLength(2);
    expect((await harness.storedItems()).filter((item) => item.userId === "b-cut")).toHaveLength(1);
  });

  it("answers 503 when every attempt is cut, storing nothing", async () => {
    bedrock.setDefault({ kind: "cut", afterEvents: 4 });
    const response = await generate(harness, "b-cut-always", VALID_BRIEF);
    expect(response.statusCode).toBe(503);
    expect(bedrock.requests).toHaveLength(MAX_ATTEMPTS);
    await expectNothingStoredFor("b-cut-always");
  });

  it("forces the tool when the model answers in plain text", async () => {
    bedrock.script({ kind: "text" });
    const response = await generate(harness, "b-text", VALID_BRIEF);
    expect(response.statusCode).toBe(200);
    expect(bedrock.requests).toHaveLength(2);
    expect(bedrock.requests[1]!.body.toolConfig?.toolChoice).toEqual({ tool: { name: "strands_structured_output" } });
  });

  it("gives the model its validation errors once, and uses the corrected answer", async () => {
    bedrock.script({ kind: "invalidOutput" });
    const response = await generate(harness, "b-invalid-once", VALID_BRIEF);
    expect(response.statusCode).toBe(200);
    expect(bedrock.requests).toHaveLength(2);
    expect(JSON.stringify(bedrock.requests[1]!.body.messages)).toContain("content_pillars");
  });

  it("answers 500 'Failed to generate structured output' when the output never validates, after the turn limit", async () => {
    bedrock.setDefault({ kind: "invalidOutput" });
    const response = await generate(harness, "b-invalid", VALID_BRIEF);
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ detail: ERROR_DETAILS.structured_output });
    expect(bedrock.requests).toHaveLength(MAX_MODEL_TURNS);
    await expectNothingStoredFor("b-invalid");
  });

  it("answers 500 'Failed to generate structured output' when the answer is cut off by max_tokens", async () => {
    bedrock.setDefault({ kind: "maxTokens" });
    const response = await generate(harness, "b-max", VALID_BRIEF);
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ detail: ERROR_DETAILS.structured_output });
    await expectNothingStoredFor("b-max");
  });
});

describe("fallback between models", () => {
  let bedrock: LocalBedrock;
  let harness: BedrockHarness;

  beforeAll(async () => {
    harness = await startBedrockHarness({
      env: { BEDROCK_MODELS: `${CLAUDE}=Claude,${NOVA}=Nova`, BEDROCK_FALLBACK_MODEL_IDS: NOVA, AGENT_TIMEOUT_SECONDS: "5" },
    });
    bedrock = harness.bedrock;
  });
  afterAll(() => harness.close());
  beforeEach(() => bedrock.reset());

  it("stores the fallback's answer under the fallback's model id when the chosen model stays throttled", async () => {
    bedrock.setDefault({ kind: "httpError", error: "ThrottlingException" }, CLAUDE);
    const response = await generate(harness, "f-user", VALID_BRIEF);
    expect(response.statusCode).toBe(200);
    const record = response.json();
    expect(record.model).toBe(NOVA);
    expect((await harness.storedItem(record.id))?.modelId).toBe(NOVA);
    expect(bedrock.requests.map((request) => request.modelId)).toEqual([CLAUDE, CLAUDE, NOVA]);
  });

  it("does not fall back on a validation error", async () => {
    bedrock.setDefault({ kind: "httpError", error: "ValidationException" }, CLAUDE);
    const response = await generate(harness, "f-invalid", VALID_BRIEF);
    expect(response.statusCode).toBe(500);
    expect(bedrock.requests.map((request) => request.modelId)).toEqual([CLAUDE]);
  });

  it("answers 503 when the fallback is unavailable too, storing nothing", async () => {
    bedrock.setDefault({ kind: "httpError", error: "ServiceUnavailableException" });
    const response = await generate(harness, "f-down", VALID_BRIEF);
    expect(response.statusCode).toBe(503);
    expect(bedrock.requests.map((request) => request.modelId)).toEqual([CLAUDE, CLAUDE, NOVA, NOVA]);
    expect((await harness.storedItems()).filter((item) => item.userId === "f-down")).toEqual([]);
  });

  it("tries the chosen model first when the user picks the fallback model", async () => {
    const response = await generate(harness, "f-pick", { ...VALID_BRIEF, model: NOVA });
    expect(response.json().model).toBe(NOVA);
    expect(bedrock.requests.map((request) => request.modelId)).toEqual([NOVA]);
  });
});
