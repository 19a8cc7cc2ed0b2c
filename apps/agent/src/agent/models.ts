import { BedrockModel } from "@strands-agents/sdk";
import type { AgentConfig } from "../config";
import { ModelCatalog, type CatalogEntry } from "./catalog";
import { OFFLINE_MODEL_ID, OfflineModel } from "./offline-model";

/** The offline model's catalog entry. */
export function offlineEntry(isDefault: boolean): CatalogEntry {
  return { id: OFFLINE_MODEL_ID, name: "Offline model (no AI, built in)", provider: "offline", default: isDefault, create: () => new OfflineModel() };
}

/** A Bedrock model's catalog entry, configured from the environment. */
export function bedrockEntry(config: AgentConfig, modelId: string, name: string, isDefault: boolean): CatalogEntry {
  return {
    id: modelId,
    name,
    provider: "bedrock",
    default: isDefault,
    create: () =>
      new BedrockModel({
        modelId,
        region: config.AWS_REGION,
        maxTokens: config.BEDROCK_MAX_TOKENS,
        temperature: config.BEDROCK_TEMPERATURE,
        clientConfig: config.BEDROCK_ENDPOINT ? { endpoint: config.BEDROCK_ENDPOINT } : {},
      }),
  };
}

/** The models this deployment offers, from MODEL_PROVIDER and the Bedrock settings. */
export function createCatalog(config: AgentConfig): ModelCatalog {
  if (config.MODEL_PROVIDER === "offline") return new ModelCatalog([offlineEntry(true)]);
  return new ModelCatalog([bedrockEntry(config, config.BEDROCK_MODEL_ID, config.BEDROCK_MODEL_ID, true), offlineEntry(false)]);
}
