import { randomInt } from "node:crypto";
import { renderPlaceholderImage } from "@strategist/composer/placeholder-image";

/** The image models the local Bedrock answers through InvokeModel, with the body shape each one speaks. */
const IMAGE_MODELS = {
  "amazon.nova-canvas-v1:0": "nova-canvas",
  "stability.stable-image-core-v1:1": "stability",
} as const;

/** Bedrock's message when Nova Canvas's input filter blocks a prompt (a ValidationException). */
export const CONTENT_FILTER_MESSAGE = "This request has been blocked by our content filters. Please adjust your text prompt to submit a new request.";

/** The label drawn on every image the local Bedrock returns, so nobody mistakes it for a real generation. */
const LOCAL_IMAGE_LABEL = "LOCAL BEDROCK";

interface NovaCanvasRequest {
  taskType?: string;
  textToImageParams?: { text?: string };
  imageGenerationConfig?: { width?: number; height?: number; seed?: number; numberOfImages?: number };
}

interface StabilityRequest {
  prompt?: string;
  aspect_ratio?: string;
  output_format?: string;
  seed?: number;
}

/** Pixel sizes of the aspect ratios Stable Image Core accepts, its short side at 640 px. */
const ASPECT_RATIOS: Record<string, [number, number]> = {
  "1:1": [640, 640], "16:9": [1136, 640], "9:16": [640, 1136], "3:2": [960, 640], "2:3": [640, 960],
  "4:5": [640, 800], "5:4": [800, 640], "21:9": [1493, 640], "9:21": [640, 1493],
};

/** A request the model would refuse as a ValidationException, with Bedrock's reason. */
export class InvalidInvokeRequest extends Error {}

/**
 * The InvokeModel answer for an image model: a real PNG of the prompt (a labelled placeholder), base64 in the body
 * shape of the model family. Throws InvalidInvokeRequest for a body the model would reject.
 */
export function invokeImageModel(modelId: string, body: unknown): Record<string, unknown> {
  const family = IMAGE_MODELS[modelId as keyof typeof IMAGE_MODELS];
  if (!family) throw new InvalidInvokeRequest(`The provided model identifier is invalid: ${modelId}`);
  if (family === "nova-canvas") {
    const request = body as NovaCanvasRequest;
    const prompt = request.textToImageParams?.text;
    if (request.taskType !== "TEXT_IMAGE" || typeof prompt !== "string" || prompt.length === 0 || prompt.length > 1024) {
      throw new InvalidInvokeRequest("Malformed input request: taskType TEXT_IMAGE with textToImageParams.text (1-1024 characters) is required.");
    }
    const width = request.imageGenerationConfig?.width ?? 512;
    const height = request.imageGenerationConfig?.height ?? 512;
    if (width % 16 !== 0 || height % 16 !== 0 || width < 320 || height < 320 || width > 4096 || height > 4096) {
      throw new InvalidInvokeRequest("Malformed input request: width and height must be multiples of 16 between 320 and 4096.");
    }
    return { images: [renderPlaceholderImage(prompt, { width, height, label: LOCAL_IMAGE_LABEL }).png.toString("base64")] };
  }
  const request = body as StabilityRequest;
  if (typeof request.prompt !== "string" || request.prompt.length === 0 || request.prompt.length > 10_000) {
    throw new InvalidInvokeRequest("Malformed input request: prompt (1-10000 characters) is required.");
  }
  const size = ASPECT_RATIOS[request.aspect_ratio ?? "1:1"];
  if (!size) throw new InvalidInvokeRequest(`Malformed input request: aspect_ratio ${request.aspect_ratio} is not supported.`);
  if ((request.output_format ?? "png") !== "png") throw new InvalidInvokeRequest("The local Bedrock writes png only.");
  const [width, height] = size;
  return {
    seeds: [request.seed || randomInt(1, 4_294_967_295)],
    finish_reasons: [null],
    images: [renderPlaceholderImage(request.prompt, { width, height, label: LOCAL_IMAGE_LABEL }).png.toString("base64")],
  };
}
