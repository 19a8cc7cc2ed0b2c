import { InvokeModelCommand, ThrottlingException, ValidationException, InternalServerException } from "@aws-sdk/client-bedrock-runtime";
import { pngDimensions } from "@strategist/composer/placeholder-image";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CONTENT_FILTER_MESSAGE, parseFaults, startLocalBedrock, type LocalBedrock } from "../src/index";
import { bedrockClient } from "./clients";

const NOVA_CANVAS = "amazon.nova-canvas-v1:0";
const STABLE_IMAGE_CORE = "stability.stable-image-core-v1:1";

function novaBody(text: string, size = 512) {
  return JSON.stringify({ taskType: "TEXT_IMAGE", textToImageParams: { text }, imageGenerationConfig: { width: size, height: size, numberOfImages: 1 } });
}

describe("local Bedrock InvokeModel for image models", () => {
  let bedrock: LocalBedrock;
  beforeAll(async () => {
    bedrock = await startLocalBedrock();
  });
  beforeEach(() => bedrock.reset());
  afterAll(() => bedrock.close());

  const invoke = (modelId: string, body: string) =>
    bedrockClient(bedrock.endpoint).send(new InvokeModelCommand({ modelId, body, contentType: "application/json", accept: "application/json" }));

  it("answers Nova Canvas with a PNG of the requested size through the real AWS client", async () => {
    const response = await invoke(NOVA_CANVAS, novaBody("A latte on a desk", 384));
    const answer = JSON.parse(Buffer.from(response.body).toString("utf8")) as { images: string[] };
    expect(answer.images).toHaveLength(1);
    expect(pngDimensions(Buffer.from(answer.images[0]!, "base64"))).toEqual({ width: 384, height: 384 });
    expect(bedrock.requests[0]).toMatchObject({ operation: "InvokeModel", modelId: NOVA_CANVAS });
  });

  it("answers Stable Image Core in its own body shape, sized by the aspect ratio", async () => {
    const response = await invoke(STABLE_IMAGE_CORE, JSON.stringify({ prompt: "Beans", aspect_ratio: "16:9", output_format: "png" }));
    const answer = JSON.parse(Buffer.from(response.body).toString("utf8")) as { images: string[]; finish_reasons: unknown[]; seeds: number[] };
    expect(answer.finish_reasons).toEqual([null]);
    expect(answer.seeds).toHaveLength(1);
    expect(pngDimensions(Buffer.from(answer.images[0]!, "base64"))).toEqual({ width: 1136, height: 640 });
  });

  it("rejects a malformed body as Bedrock does, with a ValidationException", async () => {
    await expect(invoke(NOVA_CANVAS, JSON.stringify({ taskType: "TEXT_IMAGE" }))).rejects.toBeInstanceOf(ValidationException);
    await expect(invoke(NOVA_CANVAS, novaBody("odd size", 500))).rejects.toBeInstanceOf(ValidationException);
  });

  it("plays the scripted faults: throttling, the content filter, a 500 and a slow answer", async () => {
    bedrock.script(...parseFaults("ThrottlingException,content-filter,InternalServerException,delay:300"));
    await expect(invoke(NOVA_CANVAS, novaBody("x"))).rejects.toBeInstanceOf(ThrottlingException);
    const filtered = await invoke(NOVA_CANVAS, novaBody("x")).catch((error: Error) => error);
    expect(filtered).toBeInstanceOf(ValidationException);
    expect((filtered as Error).message).toBe(CONTENT_FILTER_MESSAGE);
    const failed = await invoke(NOVA_CANVAS, novaBody("x")).catch((error: InternalServerException) => error);
    expect(failed).toBeInstanceOf(InternalServerException);
    expect(failed.$metadata.httpStatusCode).toBe(500);
    const started = Date.now();
    await invoke(NOVA_CANVAS, novaBody("x"));
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});
