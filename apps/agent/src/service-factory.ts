import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { FastifyInstance } from "fastify";
import { buildApp } from "./app";
import type { ModelCatalog } from "./agent/catalog";
import { Strategist } from "./agent/strategist";
import type { AgentConfig } from "./config";
import { CursorCodec } from "./strategies/cursor";
import { StrategyRepository } from "./strategies/repository";
import { StrategyService } from "./strategies/service";
import type { LoggerOptions } from "pino";

/** Wires repository, agent and service into the HTTP app for a given configuration. */
export async function createAgentApp(options: {
  config: AgentConfig;
  client: DynamoDBDocumentClient;
  catalog: ModelCatalog;
  logger?: LoggerOptions | boolean;
  clock?: () => Date;
}): Promise<FastifyInstance> {
  const { config, client, catalog } = options;
  const service = new StrategyService({
    repository: new StrategyRepository(client, config.DYNAMODB_STRATEGIES_TABLE),
    strategist: new Strategist(catalog),
    cursors: new CursorCodec(config.JWT_SECRET),
    timeoutMs: config.AGENT_TIMEOUT_SECONDS * 1000,
    clock: options.clock,
  });
  return buildApp({
    service,
    catalog,
    jwtSecret: config.JWT_SECRET,
    modelProvider: config.MODEL_PROVIDER,
    frontendUrl: config.FRONTEND_URL,
    ratePerMinute: config.RATE_LIMIT_PER_MINUTE,
    logger: options.logger,
  });
}
