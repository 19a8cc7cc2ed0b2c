import { CONTENT_FILTER_MESSAGE } from "@strategist/local-bedrock";
import { pngDimensions } from "@strategist/composer/placeholder-image";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CONTENT_FILTER_DETAIL } from "../../src/images/worker";
import { startBedrockHarness, type BedrockHarness } from "../support/bedrock-harness";
import { generate, VALID_BRIEF } from "../support/harness";

type Json = Record<string, any>;
const NOVA_CANVAS = "amazon.nova-canvas-v1:0";
const STABLE_IMAGE_CORE = "stability.stable-image-core-v1:1";

describe("image jobs on Bedrock image models (local Bedrock, real AWS client)", () => {
  let harness: BedrockHarness;
  let strategyId: string;
  const auth = () => ({ authorization: `Bearer ${harness.token("painter")}` });
  const settle = async (jobId: string): Promise<Json> => {
    for (let i = 0; i < 400; i++) {
      const job = (await harness.app.inject({ url: `/api/images/jobs/${jobId}`, headers: auth() })).json() as Json;
      if (job.status === "completed" || job.status === "failed") return job;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error("job never settled");
  };
  const queue = async (body: Json) => {
    const response = await harness.app.inject({ method: "POST", url: `/api/strategy/${strategyId}/images`, headers: auth(), payload: body });
    expect(response.statusCode).toBe(202);
    return (response.json() as Json).job_id as string;
  };

  beforeAll(async () => {
    harness = await startBedrockHarness({ env: { IMAGE_JOB_RETRY_BASE_MS: "20", IMAGE_JOBS_MAX_ACTIVE_PER_USER: "10" } });
    strategyId = ((await generate(harness, "painter", VALID_BRIEF)).json() as Json).id;
  });
  beforeEach(() => harness.bedrock.reset());
  afterAll(() => harness.close());

  it("lists Nova Canvas (the default) and Stable Image Core as image models", async () => {
    const models = (await harness.app.inject({ url: "/api/models", headers: auth() })).json() as Json[];
    expect(models.filter((model) => model.kind === "image").map((model) => [model.id, model.default])).toEqual([
      [NOVA_CANVAS, true],
      [STABLE_IMAGE_CORE, false],
      ["offline-image", false],
    ]);
  });

  it("draws with Nova Canvas through InvokeModel and stores the model's PNG", async () => {
    const job = await settle(await queue({ prompt_index: 0 }));
    expect(job).toMatchObject({ status: "completed", model: NOVA_CANVAS, attempts: 1, image: { width: 1024, height: 1024 } });
    const request = harness.bedrock.requests.find((recorded) => recorded.operation === "InvokeModel")!;
    expect(request.modelId).toBe(NOVA_CANVAS);
    expect(request.body).toMatchObject({ taskType: "TEXT_IMAGE", textToImageParams: { text: job.prompt } });
    const bytes = Buffer.from(await (await fetch(job.image.url)).arrayBuffer());
    expect(pngDimensions(bytes)).toEqual({ width: 1024, height: 1024 });
  });

  it("draws with Stable Image Core when chosen", async () => {
    const job = await settle(await queue({ prompt_index: 1, model: STABLE_IMAGE_CORE }));
    expect(job).toMatchObject({ status: "completed", model: STABLE_IMAGE_CORE, image: { width: 640, height: 640 } });
    expect(harness.bedrock.requests.at(-1)?.body).toMatchObject({ prompt: job.prompt, output_format: "png" });
  });

  it("retries throttling and a 500 with backoff, then completes", async () => {
    harness.bedrock.script(
      { kind: "httpError", error: "ThrottlingException", modelId: NOVA_CANVAS },
      { kind: "httpError", error: "InternalServerException", modelId: NOVA_CANVAS },
    );
    const job = await settle(await queue({ prompt_index: 0 }));
    expect(job).toMatchObject({ status: "completed", attempts: 3 });
    const calls = harness.bedrock.requests.filter((recorded) => recorded.operation === "InvokeModel").map((recorded) => recorded.at);
    expect(calls).toHaveLength(3);
    // IMAGE_JOB_RETRY_BASE_MS=20: at least 20 ms before the second attempt, 40 ms before the third.
    expect(calls[1]! - calls[0]!).toBeGreaterThanOrEqual(20);
    expect(calls[2]! - calls[1]!).toBeGreaterThanOrEqual(40);
  });

  it("fails after the last of four attempts with the reason, storing nothing", async () => {
    harness.bedrock.setDefault({ kind: "httpError", error: "ServiceUnavailableException" }, NOVA_CANVAS);
    const job = await settle(await queue({ prompt_index: 0 }));
    expect(job.status).toBe("failed");
    expect(job.attempts).toBe(4);
    expect(job.error.detail).toContain("ServiceUnavailableException");
    expect(job.image).toBeUndefined();
    expect(harness.bedrock.requests.filter((recorded) => recorded.operation === "InvokeModel")).toHaveLength(4);
  });

  it("fails a prompt the content filter refuses at once, with a reason the user can act on", async () => {
    harness.bedrock.script({ kind: "httpError", error: "ValidationException", message: CONTENT_FILTER_MESSAGE, modelId: NOVA_CANVAS });
    const job = await settle(await queue({ prompt_index: 0 }));
    expect(job).toMatchObject({ status: "failed", attempts: 1, error: { detail: CONTENT_FILTER_DETAIL } });
    expect(harness.bedrock.requests.filter((recorded) => recorded.operation === "InvokeModel")).toHaveLength(1);
  });
});
