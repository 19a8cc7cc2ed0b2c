import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import type { ModelInfo } from "@strategist/schemas";
import { pngDimensions, renderPlaceholderImage } from "@strategist/composer/placeholder-image";
import { errorChain } from "./failures";
import { parseModelList } from "./providers";
import { ConfigError, type AgentConfig } from "../core/config";

/** A picture an image model drew. */
export interface Picture {
  bytes: Buffer;
  width: number;
  height: number;
  contentType: string;
}

/** Draws one picture for a prompt; rejects on failure, aborts with the signal. */
export interface ImageModel {
  generate(prompt: string, signal: AbortSignal): Promise<Picture>;
}

/** An image model the service can run, as configured. */
interface ImageModelEntry extends Omit<ModelInfo, "kind"> {
  create(): ImageModel;
}

/** The model refused the prompt (Bedrock's responsible-AI filter): retrying the same prompt cannot help. */
class ContentFilteredError extends Error {
  override name = "ContentFilteredError";
}

const OFFLINE_IMAGE_MODEL_ID = "offline-image";

/** The built-in image model: a deterministic picture of the prompt, labelled PLACEHOLDER on the image itself. */
export class OfflineImageModel implements ImageModel {
  constructor(private readonly size = 512) {}

  async generate(prompt: string): Promise<Picture> {
    const image = renderPlaceholderImage(prompt, { width: this.size, height: this.size, label: "PLACEHOLDER" });
    return { bytes: image.png, width: image.width, height: image.height, contentType: "image/png" };
  }
}

const FILTERED = /content filter|Filter reason/i;

/** Text-to-image through Bedrock InvokeModel, in the body shape of the model family (Nova Canvas or Stability). */
class BedrockImageModel implements ImageModel {
  constructor(
    private readonly client: BedrockRuntimeClient,
    private readonly modelId: string,
  ) {}

  private body(prompt: string): Record<string, unknown> {
    if (this.modelId.includes("stability.")) return { prompt: prompt.slice(0, 10_000), aspect_ratio: "1:1", output_format: "png" };
    return {
      taskType: "TEXT_IMAGE",
      textToImageParams: { text: prompt.slice(0, 1024) },
      imageGenerationConfig: { numberOfImages: 1, width: 1024, height: 1024, quality: "standard" },
    };
  }

  async generate(prompt: string, signal: AbortSignal): Promise<Picture> {
    const response = await this.client.send(
      new InvokeModelCommand({ modelId: this.modelId, contentType: "application/json", accept: "application/json", body: JSON.stringify(this.body(prompt)) }),
      { abortSignal: signal },
    );
    const answer = JSON.parse(Buffer.from(response.body).toString("utf8")) as { images?: string[]; error?: string; finish_reasons?: (string | null)[] };
    // Output-side filtering is a 200 with a reason: Nova Canvas sets `error`, Stability a finish reason.
    const refusal = answer.error ?? answer.finish_reasons?.find((reason) => reason !== null && reason !== undefined);
    if (refusal) {
      if (FILTERED.test(refusal)) throw new ContentFilteredError(refusal);
      throw new Error(`image model answered: ${refusal}`);
    }
    const bytes = Buffer.from(answer.images?.[0] ?? "", "base64");
    const size = pngDimensions(bytes);
    if (!size) throw new Error("image model returned no PNG image");
    return { bytes, contentType: "image/png", ...size };
  }
}

/** Whether a failure is the model refusing the prompt rather than failing to answer. */
export function isContentFiltered(error: unknown): boolean {
  return errorChain(error).some((link) => link instanceof ContentFilteredError || (link.name === "ValidationException" && FILTERED.test(link.message)));
}

/** Failures that another attempt cannot fix: a refused prompt, a malformed request, no access to the model. */
export function isPermanentImageFailure(error: unknown): boolean {
  return (
    isContentFiltered(error) ||
    errorChain(error).some((link) => ["ValidationException", "AccessDeniedException", "ResourceNotFoundException"].includes(link.name))
  );
}

class UnknownImageModelError extends Error {
  override name = "UnknownImageModelError";
}

/** The image models users may choose from; the default entry answers when none is chosen. */
export class ImageModelCatalog {
  private readonly models = new Map<string, ImageModel>();

  constructor(private readonly entries: ImageModelEntry[]) {
    if (!entries.some((entry) => entry.default)) throw new Error("the image model catalog needs a default model");
  }

  /** The enabled image models, as GET /api/models lists them (kind image). */
  list(): ModelInfo[] {
    return this.entries.map(({ id, name, provider, default: isDefault }) => ({ id, name, provider, default: isDefault, kind: "image" as const }));
  }

  has(id: string): boolean {
    return this.entries.some((entry) => entry.id === id);
  }

  get defaultId(): string {
    return this.entries.find((entry) => entry.default)!.id;
  }

  resolve(id: string): ImageModel {
    const entry = this.entries.find((candidate) => candidate.id === id);
    if (!entry) throw new UnknownImageModelError(`image model ${id} is not enabled`);
    let model = this.models.get(id);
    if (!model) {
      model = entry.create();
      this.models.set(id, model);
    }
    return model;
  }
}

/** The image models this deployment offers: offline only, or the Bedrock image models plus the offline one. */
export function createImageCatalog(
  config: Pick<AgentConfig, "MODEL_PROVIDER" | "BEDROCK_IMAGE_MODELS" | "BEDROCK_IMAGE_MODEL_ID" | "AWS_REGION" | "BEDROCK_ENDPOINT" | "AGENT_TIMEOUT_SECONDS">,
): ImageModelCatalog {
  const offline: ImageModelEntry = {
    id: OFFLINE_IMAGE_MODEL_ID,
    name: "Placeholder images (no AI, built in)",
    provider: "offline",
    default: config.MODEL_PROVIDER === "offline",
    create: () => new OfflineImageModel(),
  };
  if (config.MODEL_PROVIDER === "offline") return new ImageModelCatalog([offline]);
  const listed = parseModelList(config.BEDROCK_IMAGE_MODELS);
  if (!listed.some((model) => model.id === config.BEDROCK_IMAGE_MODEL_ID)) {
    throw new ConfigError(`BEDROCK_IMAGE_MODEL_ID: ${config.BEDROCK_IMAGE_MODEL_ID} is not in BEDROCK_IMAGE_MODELS`);
  }
  let client: BedrockRuntimeClient | undefined;
  const shared = () =>
    (client ??= new BedrockRuntimeClient({
      region: config.AWS_REGION,
      ...(config.BEDROCK_ENDPOINT ? { endpoint: config.BEDROCK_ENDPOINT } : {}),
      // The job retries with its own backoff, across workers; the client must not multiply the attempts.
      maxAttempts: 1,
      requestHandler: { requestTimeout: config.AGENT_TIMEOUT_SECONDS * 1000, connectionTimeout: 5_000 },
    }));
  const entries: ImageModelEntry[] = listed.map(({ id, name }) => ({
    id,
    name,
    provider: "bedrock",
    default: id === config.BEDROCK_IMAGE_MODEL_ID,
    create: () => new BedrockImageModel(shared(), id),
  }));
  return new ImageModelCatalog([...entries, offline]);
}
