import { createDocumentClient, ensureTables, limitsTableDefinition, LimitsStore } from "@strategist/dynamo";
import { webConfig, type WebConfig } from "../config";

/** Local endpoints (dynalite, DynamoDB Local) start empty, so the table is created there without asking. */
function isLocalEndpoint(endpoint: string | undefined): boolean {
  if (!endpoint) return false;
  const { hostname } = new URL(endpoint);
  return hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
}

/** The limits table (DYNAMODB_LIMITS_TABLE) shared with every web and agent task. */
export async function openLimitsStore(config: WebConfig): Promise<LimitsStore> {
  const client = createDocumentClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
  if (config.DYNAMODB_CREATE_TABLES || isLocalEndpoint(config.DYNAMODB_ENDPOINT)) {
    await ensureTables(client, [limitsTableDefinition(config.DYNAMODB_LIMITS_TABLE)]);
  }
  return new LimitsStore(client, config.DYNAMODB_LIMITS_TABLE);
}

let shared: Promise<LimitsStore> | undefined;

/** The process's one limits store; a failed start is forgotten so the next request retries. */
export function limitsStore(): Promise<LimitsStore> {
  shared ??= openLimitsStore(webConfig()).catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}
