// The image worker service (its own ECS service in AWS): the same ImageWorker the agent runs in-process,
// fed by the SQS queue IMAGE_QUEUE_URL, plus the sweep that re-queues jobs whose wake-up was lost or whose
// worker died. Stops on SIGTERM after the jobs in hand.
import { createDocumentClient } from "@strategist/dynamo";
import { createS3Client } from "@strategist/storage";
import pino from "pino";
import { ConfigError, loadWorkerConfig } from "../core/config";
import { loggerOptions } from "../core/logging";
import { createImageCatalog } from "../models/image-models";
import { ImageJobRepository } from "../images/repository";
import { createSqsClient, SqsImageQueue, SqsImageWorker } from "../images/sqs";
import { ImageStore } from "../images/storage";
import { imageWorker } from "../images/wiring";

let config;
try {
  config = loadWorkerConfig(process.env);
  if (!config.IMAGE_QUEUE_URL) throw new ConfigError("IMAGE_QUEUE_URL is required for the image worker");
} catch (error) {
  console.error(JSON.stringify({ level: "fatal", msg: (error as Error).message }));
  process.exit(1);
}
const log = pino({ ...loggerOptions(config.LOG_LEVEL), base: { service: "strategist-image-worker" } });
const repository = new ImageJobRepository(
  createDocumentClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT }),
  config.DYNAMODB_IMAGE_JOBS_TABLE,
);
const store = new ImageStore(createS3Client({ region: config.AWS_REGION, endpoint: config.S3_ENDPOINT }), config.S3_BUCKET, config.S3_PRESIGN_EXPIRES_SECONDS);
const worker = imageWorker(config, { repository, store, models: createImageCatalog(config), log });
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
    void loop.stop().then(() => process.exit(0));
  });
}
