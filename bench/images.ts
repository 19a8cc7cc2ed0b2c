// `pnpm --filter @strategist/bench exec tsx images.ts [--jobs 300] [--concurrency 2]`: image job overhead with the
// offline image model, in one process on embedded DynamoDB (in memory) and embedded S3: enqueue -> claim latency
// (p50/p99), throughput, and how long the offline model takes per 512 px PNG.
import { randomUUID } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import pino from "pino";
import { createDocumentClient, ensureTables, imageJobsTableDefinition } from "../packages/dynamo/src/index";
import { startEmbeddedDynamo } from "../packages/dynamo/src/embedded";
import { createS3Client, ensureBucket } from "../packages/storage/src/index";
import { startEmbeddedS3 } from "../packages/storage/src/embedded";
import { createImageCatalog, OfflineImageModel } from "../apps/agent/src/models/image-models";
import { InProcessImageQueue } from "../apps/agent/src/images/queue";
import { ImageJobRepository, queuedJob, type ImageJobItem } from "../apps/agent/src/images/repository";
import { ImageStore } from "../apps/agent/src/images/storage";
import { ImageWorker } from "../apps/agent/src/images/worker";
import { loadWorkerConfig } from "../apps/agent/src/core/config";

const { values } = parseArgs({
  options: { jobs: { type: "string", default: "200" }, paced: { type: "string", default: "100" }, "every-ms": { type: "string", default: "250" }, concurrency: { type: "string", default: "2" } },
});
const jobs = Number(values.jobs);
const paced = Number(values.paced);
const everyMs = Number(values["every-ms"]);
const concurrency = Number(values.concurrency);

/** Records when each job was claimed, to measure enqueue -> claim. */
class TimedRepository extends ImageJobRepository {
  readonly claimedAt = new Map<string, number>();
  override async claim(job: ImageJobItem, owner: string, leaseExpiresAt: number, now: Date) {
    const claimed = await super.claim(job, owner, leaseExpiresAt, now);
    if (claimed) this.claimedAt.set(job.jobId, performance.now());
    return claimed;
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const dynamo = await startEmbeddedDynamo();
const s3server = await startEmbeddedS3();
const client = createDocumentClient({ region: "us-east-1", endpoint: dynamo.endpoint });
const s3 = createS3Client({ region: "us-east-1", endpoint: s3server.endpoint });
await ensureTables(client, [imageJobsTableDefinition("image-jobs-bench")]);
await ensureBucket(s3, "images-bench");
const repository = new TimedRepository(client, "image-jobs-bench");
const config = loadWorkerConfig({});
const log = pino({ level: "silent" });
const worker = new ImageWorker({ repository, store: new ImageStore(s3, "images-bench", 3600), models: createImageCatalog(config), log, leaseMs: 60_000, modelTimeoutMs: 60_000, retryBaseMs: 1000 });
const queue = new InProcessImageQueue(worker, { concurrency, sweepMs: 60_000, log });

const renderStarted = performance.now();
const model = new OfflineImageModel();
for (let index = 0; index < 20; index++) await model.generate(`render timing prompt ${index}`);
const renderMs = (performance.now() - renderStarted) / 20;

/** Queues `count` jobs, `gapMs` apart (0: all at once), and waits for all; returns the enqueue -> claim waits. */
async function run(count: number, gapMs: number) {
  const enqueuedAt = new Map<string, number>();
  const started = performance.now();
  for (let index = 0; index < count; index++) {
    const job = queuedJob({ jobId: randomUUID(), userId: `user-${index % 20}`, strategyId: `strategy-${index % 50}`, prompt: `A picture for post ${index}`, source: "prompt_index:0", modelId: "offline-image" }, new Date());
    await repository.create(job);
    enqueuedAt.set(job.jobId, performance.now());
    await queue.send(job.jobId);
    if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  await queue.idle();
  const elapsed = (performance.now() - started) / 1000;
  const waits = [...enqueuedAt].map(([id, at]) => repository.claimedAt.get(id)! - at).sort((a, b) => a - b);
  const completed = (await Promise.all([...enqueuedAt.keys()].map((id) => repository.get(id)))).filter((job) => job?.status === "completed").length;
  return { completed, elapsed, waits };
}

// Below capacity, enqueue -> claim is the pure overhead: one read and one conditional write.
const overhead = await run(paced, everyMs);
// All at once: how many jobs a worker process finishes per second.
const burst = await run(jobs, 0);

const ms = (waits: number[], p: number) => Number(percentile(waits, p).toFixed(1));
console.log(JSON.stringify({
  concurrency,
  paced: { jobs: paced, every_ms: everyMs, completed: overhead.completed, enqueue_to_claim_ms: { p50: ms(overhead.waits, 50), p99: ms(overhead.waits, 99), max: ms(overhead.waits, 100) } },
  burst: { jobs, completed: burst.completed, seconds: Number(burst.elapsed.toFixed(1)), throughput_jobs_per_s: Number((burst.completed / burst.elapsed).toFixed(1)) },
  offline_render_ms_per_512px_png: Number(renderMs.toFixed(1)),
  cpus: cpus().length,
  load_average_1m: Number(loadavg()[0]!.toFixed(1)),
}));
await queue.stop();
client.destroy();
s3.destroy();
await s3server.close();
await dynamo.close();
