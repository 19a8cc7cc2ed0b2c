import { BedrockModel, type CacheConfig } from "@strands-agents/sdk";
import { OpenAIModel } from "@strands-agents/sdk/models/openai";
import type { AgentConfig } from "../core/config";
import { ConfigError } from "../core/config";
import { ModelCatalog, type CatalogEntry } from "./catalog";
import { PooledStreamsHttp2Handler } from "./http2-pool";
import { OFFLINE_MODEL_ID, OfflineModel } from "./offline/model";
import type { OfflineWriters } from "./offline/protocol";

/** The offline model's catalog entry, answering with the given writers. */
export function offlineEntry(writers: OfflineWriters, isDefault: boolean): CatalogEntry {
  return { id: OFFLINE_MODEL_ID, name: "Offline model (no AI, built in)", provider: "offline", default: isDefault, create: () => new OfflineModel(writers) };
}

/**
 * Prompt caching per model family: Claude is detected by the SDK; Nova takes the same cache points when asked;
 * other families (Qwen) get none.
 */
function cacheConfigFor(modelId: string): CacheConfig | undefined {
  if (modelId.includes("anthropic.claude")) return { strategy: "auto" };
  if (modelId.includes("amazon.nova")) return { strategy: "anthropic" };
  return undefined;
}

/**
 * A Bedrock model as configured: region, endpoint, token and time limits; retries are the agent's, not the client's.
 * `requestHandler`: the HTTP/2 handler to share (one per catalog, so every model's ConverseStream calls share its
 * pooled sessions); a new one when absent.
 */
function bedrockModel(config: AgentConfig, modelId: string, requestHandler = bedrockRequestHandler(config)): BedrockModel {
  const cacheConfig = cacheConfigFor(modelId);
  return new BedrockModel({
    modelId,
    region: config.AWS_REGION,
    maxTokens: config.BEDROCK_MAX_TOKENS,
    temperature: config.BEDROCK_TEMPERATURE,
    ...(cacheConfig ? { cacheConfig } : {}),
    clientConfig: {
      ...(config.BEDROCK_ENDPOINT ? { endpoint: config.BEDROCK_ENDPOINT } : {}),
      maxAttempts: 1,
      requestHandler,
    },
  });
}

/** The HTTP/2 handler of the Bedrock clients: pooled sessions for ConverseStream, the generation budget as stream idle limit. */
function bedrockRequestHandler(config: AgentConfig): PooledStreamsHttp2Handler {
  return new PooledStreamsHttp2Handler({ requestTimeout: config.AGENT_TIMEOUT_SECONDS * 1000 });
}

/**
 * A model behind an OpenAI-compatible Chat Completions endpoint (OpenAI, OpenRouter, Ollama, LM Studio, vLLM), through
 * the Strands SDK's own provider. Like Bedrock, the client does not retry: the agent's deadline-aware retries,
 * fallback chain and limits apply to every remote model the same way.
 */
function openAIModel(config: AgentConfig, modelId: string): OpenAIModel {
  return new OpenAIModel({
    api: "chat",
    modelId,
    // Local servers ignore the key but the client insists on one.
    apiKey: config.OPENAI_API_KEY ?? "not-needed",
    maxTokens: config.BEDROCK_MAX_TOKENS,
    temperature: config.BEDROCK_TEMPERATURE,
    clientConfig: { baseURL: config.OPENAI_BASE_URL, maxRetries: 0, timeout: config.AGENT_TIMEOUT_SECONDS * 1000 },
  });
}

/** Fallback ids from a comma list, each required to be one of the listed models. */
function fallbackIds(value: string | undefined, listed: { id: string }[], variable: string): string[] {
  const ids = (value ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);
  for (const id of ids) {
    if (!listed.some((model) => model.id === id)) throw new ConfigError(`${variable}: ${id} is not in ${variable.replace("FALLBACK_MODEL_IDS", "MODELS")}`);
  }
  return ids;
}

/** Parses BEDROCK_MODELS: `id=Display name` entries separated by commas. */
export function parseModelList(value: string): { id: string; name: string }[] {
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const at = entry.indexOf("=");
      const id = (at >= 0 ? entry.slice(0, at) : entry).trim();
      const name = (at >= 0 ? entry.slice(at + 1) : entry).trim() || id;
      return { id, name };
    });
}

/**
 * The models this deployment offers, from MODEL_PROVIDER and the Bedrock settings. `offlineWriters`: the offline
 * model's writer for each task (the app's registry).
 */
export function createCatalog(config: AgentConfig, offlineWriters: OfflineWriters): ModelCatalog {
  if (config.MODEL_PROVIDER === "offline") return new ModelCatalog([offlineEntry(offlineWriters, true)]);
  if (config.MODEL_PROVIDER === "openai") {
    const listed = parseModelList(config.OPENAI_MODELS);
    if (listed.length === 0) throw new ConfigError("OPENAI_MODELS: list at least one model");
    const fallbacks = fallbackIds(config.OPENAI_FALLBACK_MODEL_IDS, listed, "OPENAI_FALLBACK_MODEL_IDS");
    const entries: CatalogEntry[] = listed.map(({ id, name }, index) => ({
      id,
      name,
      provider: "openai",
      default: index === 0,
      create: () => openAIModel(config, id),
    }));
    return new ModelCatalog([...entries, offlineEntry(offlineWriters, false)], fallbacks);
  }
  const listed = parseModelList(config.BEDROCK_MODELS);
  if (!listed.some((model) => model.id === config.BEDROCK_MODEL_ID)) listed.unshift({ id: config.BEDROCK_MODEL_ID, name: config.BEDROCK_MODEL_ID });
  const fallbacks = fallbackIds(config.BEDROCK_FALLBACK_MODEL_IDS, listed, "BEDROCK_FALLBACK_MODEL_IDS");
  const requestHandler = bedrockRequestHandler(config);
  const entries: CatalogEntry[] = listed.map(({ id, name }) => ({
    id,
    name,
    provider: "bedrock",
    default: id === config.BEDROCK_MODEL_ID,
    create: () => bedrockModel(config, id, requestHandler),
  }));
  return new ModelCatalog([...entries, offlineEntry(offlineWriters, false)], fallbacks);
}
