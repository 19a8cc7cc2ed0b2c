import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { FastifyInstance } from "fastify";
import { configureLogging } from "@strands-agents/sdk";
import { buildApp } from "./app";
import type { ModelCatalog } from "./agent/catalog";
import { Strategist } from "./agent/strategist";
import type { AgentConfig } from "./config";
import { CursorCodec } from "./strategies/cursor";
import { StrategyRepository } from "./strategies/repository";
import { IdempotencyStore } from "./strategies/idempotency";
import { GenerationLimits } from "./strategies/limits";
import { StrategyService } from "./strategies/service";
import type { LoggerOptions } from "pino";
import type { S3Client } from "@aws-sdk/client-s3";
import { createS3Client } from "@strategist/storage";
import { createImageCatalog, type ImageModelCatalog } from "./images/image-models";
import { createImageJobs } from "./images/wiring";

/** Wires repository, agent and service into the HTTP app for a given configuration. */
export async function createAgentApp(options: {
  config: AgentConfig;
  client: DynamoDBDocumentClient;
  catalog: ModelCatalog;
  /** The image bucket's client; by default one for S3_ENDPOINT (or Amazon S3). */
  s3?: S3Client;
  imageModels?: ImageModelCatalog;
  logger?: LoggerOptions | boolean;
  clock?: () => Date;
  sseHeartbeatMs?: number;
}): Promise<FastifyInstance> {
  const { config, client, catalog } = options;
  const limits = new GenerationLimits({
    perUserPerMinute: config.RATE_LIMIT_PER_MINUTE,
    maxConcurrent: config.MAX_CONCURRENT_GENERATIONS,
    maxConcurrentPerUser: config.MAX_CONCURRENT_GENERATIONS_PER_USER,
  });
  const cursors = new CursorCodec(config.JWT_SECRET);
  const service = new StrategyService({
    repository: new StrategyRepository(client, config.DYNAMODB_STRATEGIES_TABLE),
    strategist: new Strategist(catalog, { maxAttempts: config.BEDROCK_MAX_ATTEMPTS, baseDelayMs: config.BEDROCK_RETRY_BASE_MS }),
    cursors,
    limits,
    timeoutMs: config.AGENT_TIMEOUT_SECONDS * 1000,
    // A lease outlives one generation's whole budget, so only a crashed request's key is ever taken over.
    idempotency: new IdempotencyStore(client, config.DYNAMODB_STRATEGIES_TABLE, config.AGENT_TIMEOUT_SECONDS * 1000 + 10_000),
    clock: options.clock,
  });
  const imageModels = options.imageModels ?? createImageCatalog(config);
  const imageJobs = createImageJobs({ config, client, s3: options.s3 ?? createS3Client({ region: config.AWS_REGION, endpoint: config.S3_ENDPOINT }), models: imageModels, strategies: service, cursors, limits, clock: options.clock });
  const app = await buildApp({
    service,
    catalog,
    images: imageJobs.service,
    imageModels,
    jwtSecret: config.JWT_SECRET,
    modelProvider: config.MODEL_PROVIDER,
    frontendUrl: config.FRONTEND_URL,
    logger: options.logger,
    sseHeartbeatMs: options.sseHeartbeatMs,
  });
  // The in-process image worker runs while the app does: started when ready, drained when closing.
  imageJobs.attach(app);
  // The SDK's own log lines (e.g. a tool input that failed to parse, which we handle) go into our JSON log.
  const sdkLog = app.log.child({ component: "strands" });
  const text = (args: unknown[]) => args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(" ");
  configureLogging({
    debug: (...args) => sdkLog.debug(text(args)),
    info: (...args) => sdkLog.debug(text(args)),
    warn: (...args) => sdkLog.info(text(args)),
    error: (...args) => sdkLog.warn(text(args)),
  });
  return app;
}
