// The image worker service (its own ECS service in AWS): the same ImageWorker the agent runs in-process,
// fed by the SQS queue IMAGE_QUEUE_URL, plus the sweep that re-queues jobs whose wake-up was lost or whose
// worker died. Stops on SIGTERM after the jobs in hand. Its metrics (image jobs, queue depth and age, DynamoDB
// calls) are served on METRICS_PORT like the agent's.
import { createDocumentClient } from "@strategist/dynamo";
import { createMetrics, instrumentDynamoDb, startMetricsServer } from "@strategist/telemetry";
import type { StopTracing } from "@strategist/telemetry/tracing";
import { createS3Client } from "@strategist/storage";
import pino from "pino";
import { ConfigError, loadWorkerConfig } from "../core/config";
import { loggerOptions } from "../core/logging";
import { createImageCatalog } from "../models/image-models";
import { ImageJobRepository } from "../images/repository";
import { createSqsClient, SqsImageQueue, SqsImageWorker } from "../images/sqs";
import { ImageStore } from "../images/storage";
import { imageWorker } from "../images/wiring";

/** Starts the worker service; `stopTracing` flushes the spans after the jobs in hand are done. */
export async function startImageWorker(stopTracing: StopTracing): Promise<void> {
  let config;
  try {
    config = loadWorkerConfig(process.env);
    if (!config.IMAGE_QUEUE_URL) throw new ConfigError("IMAGE_QUEUE_URL is required for the image worker");
  } catch (error) {
    console.error(JSON.stringify({ level: "fatal", msg: (error as Error).message }));
    process.exit(1);
  }
  const log = pino({ ...loggerOptions(config.LOG_LEVEL), base: { service: "strategist-image-worker" } });
  const metrics = createMetrics();
  const client = createDocumentClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
  instrumentDynamoDb(client, metrics);
  const metricsServer = await startMetricsServer({ port: config.METRICS_PORT, host: config.HOST, registry: metrics.registry });
  const repository = new ImageJobRepository(client, config.DYNAMODB_IMAGE_JOBS_TABLE);
  const store = new ImageStore(
    createS3Client({ region: config.AWS_REGION, endpoint: config.S3_ENDPOINT }),
    config.S3_BUCKET,
    config.S3_PRESIGN_EXPIRES_SECONDS,
  );
  const worker = imageWorker(config, { repository, store, models: createImageCatalog(config), log, metrics });
  const sqs = createSqsClient(config);
  const queueUrl = config.IMAGE_QUEUE_URL;
  const loop = new SqsImageWorker({ client: sqs, queueUrl, worker, log, concurrency: config.IMAGE_WORKER_CONCURRENCY });
  const wakeUps = new SqsImageQueue(sqs, queueUrl);
  const sweep = setInterval(() => {
    void worker
      .activeJobIds()
      .then((ids) => Promise.all(ids.map((id) => wakeUps.send(id))))
      .catch((error) => log.warn({ err: error }, "image job sweep failed; the next one retries"));
  }, config.IMAGE_JOB_SWEEP_SECONDS * 1000);
  loop.start();
  log.info({ queue: queueUrl, concurrency: config.IMAGE_WORKER_CONCURRENCY }, "image worker ready");
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      clearInterval(sweep);
      void loop
        .stop()
        .then(() => metricsServer.close())
        .then(stopTracing)
        .then(() => process.exit(0));
    });
  }
}
