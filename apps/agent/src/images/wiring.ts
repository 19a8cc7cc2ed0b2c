import type { S3Client } from "@aws-sdk/client-s3";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { FastifyInstance } from "fastify";
import { appMakesSpans, traceAwsCalls, type Metrics } from "@strategist/telemetry";
import type { AgentConfig } from "../core/config";
import type { CursorCodec } from "../core/cursor";
import type { StrategyService } from "../strategies/service";
import type { StrategyHead } from "../strategies/standing";
import type { ImageModelCatalog } from "../models/image-models";
import { InProcessImageQueue, type ImageJobQueue } from "./queue";
import { ImageJobRepository } from "./repository";
import { ImageService, type GenerationAdmission, type PostPrompts } from "./service";
import { SqsImageQueue, createSqsClient } from "./sqs";
import { ImageStore } from "./storage";
import { ImageWorker } from "./worker";

/** The image room as configured: the service for the routes, and the worker when it runs in this process. */
export function createImageJobs(options: {
  config: AgentConfig;
  client: DynamoDBDocumentClient;
  s3: S3Client;
  models: ImageModelCatalog;
  strategies: Pick<StrategyService, "get">;
  cursors: CursorCodec;
  limits: GenerationAdmission;
  /** Planned posts' visual prompts, for image jobs asked for a post. */
  posts?: PostPrompts;
  /** Whether a strategy stands: jobs are kept and readable only while it does. */
  head?: StrategyHead;
  clock?: () => Date;
  metrics?: Pick<Metrics, "countImageJob" | "setImageQueue">;
}) {
  const { config } = options;
  const repository = new ImageJobRepository(options.client, config.DYNAMODB_IMAGE_JOBS_TABLE);
  const store = new ImageStore(options.s3, config.S3_BUCKET, config.S3_PRESIGN_EXPIRES_SECONDS);
  let inProcess: InProcessImageQueue | undefined;
  let queue: ImageJobQueue;
  if (config.IMAGE_WORKER === "sqs") {
    if (!config.IMAGE_QUEUE_URL) throw new Error("IMAGE_QUEUE_URL is required when IMAGE_WORKER=sqs");
    const sqs = createSqsClient(config);
    if (appMakesSpans()) traceAwsCalls(sqs, "SQS");
    queue = new SqsImageQueue(sqs, config.IMAGE_QUEUE_URL);
  } else {
    queue = { send: async (jobId) => inProcess?.send(jobId) };
  }
  const service = new ImageService({
    repository,
    store,
    models: options.models,
    strategies: options.strategies,
    queue,
    cursors: options.cursors,
    limits: options.limits,
    posts: options.posts,
    head: options.head,
    maxActivePerUser: config.IMAGE_JOBS_MAX_ACTIVE_PER_USER,
    clock: options.clock,
    metrics: options.metrics,
  });
  return {
    service,
    repository,
    store,
    /** Starts the in-process worker when the app is ready and drains it when the app closes. */
    attach(app: FastifyInstance) {
      if (config.IMAGE_WORKER !== "in-process") return;
      const log = app.log.child({ component: "image-worker" });
      const worker = imageWorker(config, { repository, store, models: options.models, log, metrics: options.metrics });
      inProcess = new InProcessImageQueue(worker, { concurrency: config.IMAGE_WORKER_CONCURRENCY, sweepMs: config.IMAGE_JOB_SWEEP_SECONDS * 1000, log });
      const running = inProcess;
      app.addHook("onReady", async () => running.start());
      app.addHook("onClose", async () => running.stop());
    },
  };
}

/** The worker as configured; the agent (in-process) and the SQS worker service build it the same way. */
export function imageWorker(
  config: Pick<AgentConfig, "IMAGE_JOB_LEASE_SECONDS" | "AGENT_TIMEOUT_SECONDS" | "IMAGE_JOB_RETRY_BASE_MS">,
  parts: Pick<ConstructorParameters<typeof ImageWorker>[0], "repository" | "store" | "models" | "log" | "metrics">,
): ImageWorker {
  return new ImageWorker({
    ...parts,
    leaseMs: config.IMAGE_JOB_LEASE_SECONDS * 1000,
    modelTimeoutMs: config.AGENT_TIMEOUT_SECONDS * 1000,
    retryBaseMs: config.IMAGE_JOB_RETRY_BASE_MS,
  });
}
