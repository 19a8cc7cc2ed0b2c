import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { LimitsStore } from "@strategist/dynamo";
import type { FastifyInstance } from "fastify";
import { configureLogging } from "@strands-agents/sdk";
import { SessionStore } from "@strategist/dynamo";
import { buildApp } from "./app";
import type { ModelCatalog } from "../models/catalog";
import { configWarnings, fetchSettings, parsePrices, type AgentConfig } from "../core/config";
import { PriceTable } from "../models/pricing";
import { ModelCaller } from "../models/model-call";
import { GenerationPipeline } from "../generation/pipeline";
import { EventLoopTurns } from "../generation/turns";
import { RefineConversation } from "../conversations/session";
import { ConversationService } from "../conversations/service";
import { CursorCodec } from "../core/cursor";
import type { StrategyDependent } from "../generation/dependents";
import { StrategyItemsRepository } from "../strategies/items";
import { StrategyRepository } from "../strategies/repository";
import { IdempotencyStore } from "../generation/idempotency";
import { GenerationLimits } from "../generation/limits";
import { ReadLimiter } from "../http/read-limits";
import { StrategyService } from "../strategies/service";
import { PlanRepository } from "../plans/repository";
import { PlanService } from "../plans/service";
import { ExportPool } from "../plans/export-pool";
import { FeedRepository } from "../plans/feed";
import { PlanFeedService } from "../plans/feed-service";
import { RepurposeService } from "../plans/repurpose";
import { BrandFromWebsiteService } from "../brands/from-website";
import type { LoggerOptions } from "pino";
import { appMakesSpans, traceAwsCalls, type Metrics } from "@strategist/telemetry";
import type { S3Client } from "@aws-sdk/client-s3";
import { createS3Client } from "@strategist/storage";
import { createImageCatalog, type ImageModelCatalog } from "../models/image-models";
import { createImageJobs } from "../images/wiring";
import { BrandRepository } from "../brands/repository";
import { BrandService } from "../brands/service";
import { ResultRepository } from "../results/repository";
import { ResultService } from "../results/service";
import type { Insights } from "@strategist/insights";
import type { StrategyRecord } from "@strategist/schemas";
import { KeyRepository } from "../keys/repository";
import { KeyService } from "../keys/service";

/** Wires repository, agent and service into the HTTP app for a given configuration. */
export async function createAgentApp(options: {
  config: AgentConfig;
  client: DynamoDBDocumentClient;
  catalog: ModelCatalog;
  logger?: LoggerOptions | boolean;
  clock?: () => Date;
  sseHeartbeatMs?: number;
  /** Other capabilities' data about a strategy, deleted with it (image jobs, ...). */
  dependents?: StrategyDependent[];
  /** The image bucket's client; by default one for S3_ENDPOINT (or Amazon S3). */
  s3?: S3Client;
  imageModels?: ImageModelCatalog;
  /** The event-loop turns starts take (generation/turns.ts); a fresh queue when absent (the benchmark swaps it). */
  turns?: EventLoopTurns;
  /** The Prometheus registry the app feeds (requests, generations, model calls, limits, image jobs); none when absent. */
  metrics?: Metrics;
}): Promise<FastifyInstance> {
  const { config, client, catalog, metrics } = options;
  const prices = new PriceTable(parsePrices(config.MODEL_PRICES));
  if (metrics) for (const model of catalog.list()) metrics.registerModel(model.id);
  const limitsStore = new LimitsStore(client, config.DYNAMODB_LIMITS_TABLE);
  // One queue of event-loop turns for the whole process: POST requests on arrival, model calls at their start and
  // end, lease renewals (generation/turns.ts).
  const turns = options.turns ?? new EventLoopTurns();
  // Every model-calling route (generate, refine, regenerate, plans, ...) runs through this one pipeline.
  const limits = new GenerationLimits({
    perUserPerMinute: config.RATE_LIMIT_PER_MINUTE,
    maxConcurrent: config.MAX_CONCURRENT_GENERATIONS,
    maxConcurrentPerUser: config.MAX_CONCURRENT_GENERATIONS_PER_USER,
    store: limitsStore,
    leaseMs: config.GENERATION_LEASE_SECONDS * 1000,
    turns,
  });
  const pipeline = new GenerationPipeline({
    turns,
    models: new ModelCaller(catalog, { maxAttempts: config.BEDROCK_MAX_ATTEMPTS, baseDelayMs: config.BEDROCK_RETRY_BASE_MS }),
    limits,
    timeoutMs: config.AGENT_TIMEOUT_SECONDS * 1000,
    // A lease outlives one generation's whole budget, so only a crashed request's key is ever taken over.
    idempotency: new IdempotencyStore(client, config.DYNAMODB_STRATEGIES_TABLE, config.AGENT_TIMEOUT_SECONDS * 1000 + 10_000),
    metrics,
    estimateCost: (modelId, usage) => prices.estimate(modelId, usage),
  });
  const brands = new BrandService({
    repository: new BrandRepository(client, config.DYNAMODB_BRANDS_TABLE),
    cursors: new CursorCodec(config.JWT_SECRET, "strategist-brand-list-cursor"),
    clock: options.clock,
  });
  const repository = new StrategyRepository(client, config.DYNAMODB_STRATEGIES_TABLE);
  // With tracing on, the app's AWS clients make their call spans themselves, only inside a sampled trace.
  const s3 = options.s3 ?? createS3Client({ region: config.AWS_REGION, endpoint: config.S3_ENDPOINT });
  if (appMakesSpans()) {
    traceAwsCalls(client, "DynamoDB");
    traceAwsCalls(s3, "S3");
  }
  const items = new StrategyItemsRepository(client, config.DYNAMODB_STRATEGY_ITEMS_TABLE, repository);
  const cursors = new CursorCodec(config.JWT_SECRET);
  const imageModels = options.imageModels ?? createImageCatalog(config);
  // Image jobs check strategy ownership through the strategy service, and are deleted with their strategy.
  const imageJobs = createImageJobs({
    config,
    client,
    s3,
    models: imageModels,
    strategies: { get: (userId, strategyId, log) => service.get(userId, strategyId, log) },
    cursors,
    limits,
    // An image for a planned post draws the post's visual brief, or the visual prompt it names and its caption (plans are created below).
    posts: { imagePosts: (strategyId, selection) => plans.imagePosts(strategyId, selection) },
    head: repository,
    clock: options.clock,
    metrics,
  });
  const service = new StrategyService({
    brands,
    repository,
    items,
    pipeline,
    cursors,
    dependents: [...(options.dependents ?? []), imageJobs.service],
    // A new strategy for a brand starts from the brand's results (the results service is created below).
    brandInsights: { insightsOfBrand: (brandId: string, timezone: string): Promise<Insights> => results.insightsOfBrand(brandId, timezone) },
    clock: options.clock,
  });
  const conversations = new ConversationService({
    strategies: service,
    repository,
    items,
    pipeline,
    cursors,
    conversation: (strategyId) => RefineConversation.of(client, config.DYNAMODB_STRATEGY_ITEMS_TABLE, strategyId, repository),
    insights: { insightsFor: (strategy: StrategyRecord): Promise<Insights> => results.insightsFor(strategy) },
    clock: options.clock,
  });
  const planRepository = new PlanRepository(client, config.DYNAMODB_STRATEGY_ITEMS_TABLE, repository);
  const results = new ResultService({
    strategies: service,
    brands,
    plans: { find: async (strategyId) => (await planRepository.find(strategyId))?.plan },
    repository: new ResultRepository(client, config.DYNAMODB_STRATEGY_ITEMS_TABLE),
    clock: options.clock,
  });
  const plans = new PlanService({
    strategies: service,
    strategyRecords: repository,
    repository: planRepository,
    // A post or a plan that goes takes its pictures with it.
    postImages: imageJobs.service,
    pipeline,
    brands,
    insights: results,
    clock: options.clock,
  });
  const exports = new ExportPool({
    threads: config.EXPORT_THREADS,
    maxQueue: config.EXPORT_QUEUE_MAX,
    budgetMs: config.EXPORT_TIME_BUDGET_SECONDS * 1000,
  });
  const feeds = new PlanFeedService({
    strategies: service,
    strategyRecords: repository,
    plans: planRepository,
    feeds: new FeedRepository(client, config.DYNAMODB_STRATEGY_ITEMS_TABLE, repository),
    images: {
      completedByPost: (strategyId) => imageJobs.service.completedByPost(strategyId),
      content: (strategyId, jobId) => imageJobs.service.contentOf(strategyId, jobId),
    },
    exports,
    webUrl: config.FRONTEND_URL.split(",")[0]?.trim() || "http://localhost:3000",
  });
  // Every page read from a user-given URL goes through the guarded fetcher with these settings (docs/sources.md).
  const fetch = fetchSettings(config);
  const repurpose = new RepurposeService({
    strategies: service,
    repository: planRepository,
    pipeline,
    fetch,
    brands,
    clock: options.clock,
  });
  const app = await buildApp({
    service,
    brands,
    plans,
    feeds,
    exports,
    results,
    repurpose,
    brandFromWebsite: new BrandFromWebsiteService({ pipeline, fetch }),
    clock: options.clock,
    conversations,
    readLimiter: new ReadLimiter({ perMinute: config.READ_RATE_LIMIT_PER_MINUTE, store: limitsStore }),
    catalog,
    images: imageJobs.service,
    imageModels,
    jwtSecret: config.JWT_SECRET,
    sessions: new SessionStore(client, config.DYNAMODB_SESSIONS_TABLE),
    keys: new KeyService({
      repository: new KeyRepository(client, config.DYNAMODB_API_KEYS_TABLE),
      limits: limitsStore,
      failuresPerIpPerMinute: config.API_KEY_FAILURES_PER_IP_PER_MINUTE,
    }),
    trustProxyHops: config.TRUST_PROXY_HOPS,
    modelProvider: config.MODEL_PROVIDER,
    frontendUrl: config.FRONTEND_URL,
    logger: options.logger,
    sseHeartbeatMs: options.sseHeartbeatMs,
    prices,
    turns,
    metrics,
  });
  for (const warning of configWarnings(config)) app.log.warn({ setting: "FETCH_ALLOW_HOSTS" }, warning);
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
