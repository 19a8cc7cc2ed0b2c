import { join, resolve } from "node:path";
import closeWithGrace from "close-with-grace";
import {
  brandsTableDefinition,
  createDocumentClient,
  ensureTables,
  imageJobsTableDefinition,
  limitsTableDefinition,
  sessionsTableDefinition,
  apiKeysTableDefinition,
  strategiesTableDefinition,
  strategyItemsTableDefinition,
  usersTableDefinition,
} from "@strategist/dynamo";
import { startEmbeddedDynamo, type EmbeddedDynamo } from "@strategist/dynamo/embedded";
import { createS3Client, ensureBucket } from "@strategist/storage";
import { startEmbeddedS3, type EmbeddedS3 } from "@strategist/storage/embedded";
import { createMetrics, instrumentDynamoDb, startMetricsServer } from "@strategist/telemetry";
import type { StopTracing } from "@strategist/telemetry/tracing";
import { loggerOptions } from "../core/logging";
import { closeGracefully } from "./app";
import { createCatalog } from "../models/providers";
import { ConfigError, loadConfig } from "../core/config";
import { developmentSecret } from "../core/dev-secret.mjs";
import { createAgentApp } from "./service-factory";
import { OFFLINE_WRITERS } from "./offline-writers";

/**
 * Starts the agent: configuration, DynamoDB and S3 (embedded ones locally), the app on PORT and the metrics
 * exposition on METRICS_PORT. `stopTracing` flushes the spans last, when everything else has closed.
 */
export async function startAgent(stopTracing: StopTracing): Promise<void> {
  const dataDir = resolve(process.env.DATA_DIR || ".data");
  let config;
  try {
    config = loadConfig(process.env, () => developmentSecret(dataDir));
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(JSON.stringify({ level: "fatal", msg: error.message }));
      process.exit(1);
    }
    throw error;
  }

  // Locally, no endpoint means the embedded dynalite; in production it means DynamoDB itself (the task role's).
  let embedded: EmbeddedDynamo | undefined;
  let endpoint = config.DYNAMODB_ENDPOINT;
  if (!endpoint && config.NODE_ENV !== "production") {
    embedded = await startEmbeddedDynamo({ path: join(dataDir, "dynamodb") });
    endpoint = embedded.endpoint;
  }
  const client = createDocumentClient({ region: config.AWS_REGION, endpoint });
  const metrics = createMetrics();
  instrumentDynamoDb(client, metrics);
  if (embedded || config.DYNAMODB_CREATE_TABLES) {
    await ensureTables(client, [
      strategiesTableDefinition(config.DYNAMODB_STRATEGIES_TABLE),
      usersTableDefinition(config.DYNAMODB_USERS_TABLE),
      strategyItemsTableDefinition(config.DYNAMODB_STRATEGY_ITEMS_TABLE),
      limitsTableDefinition(config.DYNAMODB_LIMITS_TABLE),
      sessionsTableDefinition(config.DYNAMODB_SESSIONS_TABLE),
      imageJobsTableDefinition(config.DYNAMODB_IMAGE_JOBS_TABLE),
      brandsTableDefinition(config.DYNAMODB_BRANDS_TABLE),
      apiKeysTableDefinition(config.DYNAMODB_API_KEYS_TABLE),
    ]);
  }
  // The same for S3: no endpoint locally means the embedded s3rver under DATA_DIR; in production, Amazon S3.
  let embeddedS3: EmbeddedS3 | undefined;
  let s3Endpoint = config.S3_ENDPOINT;
  if (!s3Endpoint && config.NODE_ENV !== "production") {
    embeddedS3 = await startEmbeddedS3({ directory: join(dataDir, "s3") });
    s3Endpoint = embeddedS3.endpoint;
  }
  const s3 = createS3Client({ region: config.AWS_REGION, endpoint: s3Endpoint });
  if (s3Endpoint) await ensureBucket(s3, config.S3_BUCKET);

  const app = await createAgentApp({
    config,
    client,
    s3,
    catalog: createCatalog(config, OFFLINE_WRITERS),
    logger: loggerOptions(config.LOG_LEVEL),
    metrics,
  });
  // Its own port, bound like the app: the API port never answers /metrics.
  const metricsServer = await startMetricsServer({ port: config.METRICS_PORT, host: config.HOST, registry: metrics.registry });
  // In-flight generations may take the whole model budget: wait for them before closing.
  closeWithGrace({ delay: (config.AGENT_TIMEOUT_SECONDS + 10) * 1000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, "shutting down after an error");
    else app.log.info({ signal }, "shutting down: finishing in-flight requests");
    await closeGracefully(app);
    // Scrapes go on while requests drain; the exposition closes after the last one, then the clients, then tracing.
    await metricsServer.close();
    client.destroy();
    s3.destroy();
    await embedded?.close();
    await embeddedS3?.close();
    await stopTracing();
  });
  await app.listen({ host: config.HOST, port: config.PORT });
  app.log.info(
    {
      model_provider: config.MODEL_PROVIDER,
      dynamodb: embedded ? `embedded (${join(dataDir, "dynamodb")})` : (endpoint ?? `AWS (${config.AWS_REGION})`),
      s3: embeddedS3 ? `embedded (${join(dataDir, "s3")})` : (s3Endpoint ?? `AWS (${config.S3_BUCKET})`),
      image_worker: config.IMAGE_WORKER,
      metrics: `http://${config.HOST}:${metricsServer.port}/metrics`,
    },
    "strategist agent ready",
  );
}
