import { StrategyOutput } from "@strategist/schemas";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generate, VALID_BRIEF } from "../support/harness";
import { BACKUP_MODEL, LOCAL_MODEL, startOpenAIHarness, type OpenAIHarness } from "../support/openai-harness";

describe("MODEL_PROVIDER=openai against a local OpenAI-compatible server", () => {
  let harness: OpenAIHarness;
  beforeEach(async () => {
    harness = await startOpenAIHarness();
  });
  afterEach(() => harness.close());

  it("lists the configured models with their provider, the first as default, and the offline model", async () => {
    const response = await harness.app.inject({ url: "/api/models", headers: { authorization: `Bearer ${harness.token("u")}` } });
    expect(response.json().filter((model: { kind: string }) => model.kind === "text")).toEqual([
      { id: LOCAL_MODEL, name: "Local model", provider: "openai", default: true, kind: "text" },
      { id: BACKUP_MODEL, name: "Backup model", provider: "openai", default: false, kind: "text" },
      { id: "offline", name: "Offline model (no AI, built in)", provider: "offline", default: false, kind: "text" },
    ]);
  });

  it("answers through the structured-output tool over Chat Completions streaming and stores model and usage", async () => {
    const response = await generate(harness, "u-ok", VALID_BRIEF);
    expect(response.statusCode).toBe(200);
    const record = response.json();
    expect(record.model).toBe(LOCAL_MODEL);
    expect(StrategyOutput.safeParse(record.strategy_output).success).toBe(true);
    expect(record.usage.input_tokens).toBeGreaterThan(0);
    expect(record.usage.output_tokens).toBeGreaterThan(0);
    const [request] = harness.openai.requests;
    expect(request).toMatchObject({ model: LOCAL_MODEL, authorization: "Bearer test-key" });
    expect(request!.body.stream).toBe(true);
    expect(request!.body.tools?.map((tool) => tool.function.name)).toContain("strands_structured_output");
    expect(JSON.stringify(request!.body.messages)).toContain("<brand_name>TechCorp</brand_name>");
    expect(await harness.storedItem(record.id)).toBeDefined();
  });

  it("sends an invalid first answer back to the model and stores the valid second one", async () => {
    harness.openai.script({ kind: "invalidOutput" });
    const response = await generate(harness, "u-invalid", VALID_BRIEF);
    expect(response.statusCode).toBe(200);
    expect(harness.openai.requests.map((request) => request.behaviour)).toEqual(["invalidOutput", "answer"]);
    // The second call carries the validation error back as the tool result.
    expect(JSON.stringify(harness.openai.requests[1]!.body.messages)).toMatch(/content_pillars/);
  });

  it("retries a 429 with backoff and succeeds on the same model", async () => {
    harness.openai.script({ kind: "httpError", status: 429, retryAfterSeconds: 0 });
    const response = await generate(harness, "u-429", VALID_BRIEF);
    expect(response.statusCode).toBe(200);
    expect(response.json().model).toBe(LOCAL_MODEL);
    expect(harness.openai.requests.map((request) => [request.model, request.behaviour])).toEqual([
      [LOCAL_MODEL, "httpError"],
      [LOCAL_MODEL, "answer"],
    ]);
  });

  it("answers 503 with Retry-After and stores nothing when the endpoint keeps failing with 500", async () => {
    harness.openai.script(...Array.from({ length: 2 }, () => ({ kind: "httpError" as const, status: 500 as const, model: LOCAL_MODEL })));
    const response = await harness.app.inject({
      method: "POST",
      url: "/api/strategy/generate",
      headers: { authorization: `Bearer ${harness.token("u-500")}` },
      payload: { ...VALID_BRIEF, model: LOCAL_MODEL },
    });
    expect(response.statusCode).toBe(503);
    expect(response.headers["retry-after"]).toBeDefined();
    expect(harness.openai.requests).toHaveLength(2);
    expect(await harness.storedItems()).toHaveLength(0);
  });

  it("retries a stream cut midway and stores only the complete answer", async () => {
    harness.openai.script({ kind: "cut", afterChunks: 3 });
    const response = await generate(harness, "u-cut", VALID_BRIEF);
    expect(response.statusCode).toBe(200);
    expect(harness.openai.requests.map((request) => request.behaviour)).toEqual(["cut", "answer"]);
    expect(await harness.storedItems()).toHaveLength(1);
  });
});

describe("MODEL_PROVIDER=openai with a fallback model", () => {
  let harness: OpenAIHarness;
  beforeEach(async () => {
    harness = await startOpenAIHarness({ env: { OPENAI_FALLBACK_MODEL_IDS: BACKUP_MODEL } });
  });
  afterEach(() => harness.close());

  it("falls back to the next model when the chosen one stays unavailable", async () => {
    harness.openai.script(...Array.from({ length: 2 }, () => ({ kind: "httpError" as const, status: 500 as const, model: LOCAL_MODEL })));
    const response = await generate(harness, "u-fallback", VALID_BRIEF);
    expect(response.statusCode).toBe(200);
    expect(response.json().model).toBe(BACKUP_MODEL);
    expect(harness.openai.requests.map((request) => request.model)).toEqual([LOCAL_MODEL, LOCAL_MODEL, BACKUP_MODEL]);
  });

  it("refuses a fallback that is not one of OPENAI_MODELS at startup", async () => {
    await expect(startOpenAIHarness({ env: { OPENAI_FALLBACK_MODEL_IDS: "gpt-nowhere" } })).rejects.toThrow(
      /OPENAI_FALLBACK_MODEL_IDS: gpt-nowhere is not in OPENAI_MODELS/,
    );
  });
});
