import { randomUUID } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import { context, propagation, SpanStatusCode, trace, type Link } from "@opentelemetry/api";
import type { Metrics } from "@strategist/telemetry";
import { describeAwsFailure, errorChain } from "../models/failures";
import { isContentFiltered, isPermanentImageFailure, type ImageModelCatalog } from "../models/image-models";
import type { ImageJobItem, ImageJobRepository } from "./repository";
import { imageKey, type ImageStore } from "./storage";

/** Progress of a running job, as the API reports it. */
const PROGRESS = { queued: 0, processing: 10, generated: 50, stored: 90, completed: 100 } as const;

/** What became of one wake-up: nothing more to do for it, or come back at `at` (epoch ms). */
type WakeOutcome = { kind: "done" } | { kind: "later"; at: number };

interface ImageWorkerOptions {
  repository: ImageJobRepository;
  store: ImageStore;
  models: ImageModelCatalog;
  log: FastifyBaseLogger;
  /** How long a claim lasts; a job whose worker died is claimed again after it (IMAGE_JOB_LEASE_SECONDS). */
  leaseMs: number;
  /** Wall-clock budget of one model call; kept below the lease. */
  modelTimeoutMs: number;
  /** First retry delay; then doubling: 1 s, 2 s, 4 s by default (IMAGE_JOB_RETRY_BASE_MS). */
  retryBaseMs: number;
  /** Attempts in all: the first and three retries. */
  maxAttempts?: number;
  now?: () => number;
  random?: () => number;
  /** Job state transitions and the queue's depth and oldest age. */
  metrics?: Pick<Metrics, "countImageJob" | "setImageQueue">;
}

const tracer = trace.getTracer("strategist-images");

/** A link to the span of the request that queued the job, when that request was traced. */
function linkToRequest(traceparent: string | undefined): Link[] {
  if (!traceparent) return [];
  const span = trace.getSpanContext(propagation.extract(context.active(), { traceparent }));
  return span ? [{ context: span }] : [];
}

export const CONTENT_FILTER_DETAIL =
  "The image model's content filter refused this prompt. Reword the visual prompt (for example without real people, brand names or sensitive subjects) and try again.";

/** The name of the failure to show and log: the AWS exception's, else the error's own. */
function failureName(error: unknown): string {
  const chain = errorChain(error);
  return (chain.find((link) => "$metadata" in link) ?? chain.at(-1))?.name ?? "Error";
}

/**
 * Runs image jobs: claims a job with a conditional write, draws it, stores the PNG under the job's one key, and
 * completes it only while still holding the claim. Failed model calls go back to the queue with backoff; a
 * refused prompt fails at once. Every wake-up is safe to repeat, from any number of workers.
 */
export class ImageWorker {
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly maxAttempts: number;

  constructor(private readonly options: ImageWorkerOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.maxAttempts = options.maxAttempts ?? 4;
  }

  /** Ids of every unfinished job, for the sweep that re-queues lost wake-ups and lapsed leases; sets the queue gauges. */
  async activeJobIds(): Promise<string[]> {
    const jobs = await this.options.repository.activeJobs();
    const now = this.now();
    const oldest = jobs.reduce((min, job) => Math.min(min, Date.parse(job.createdAt) || now), now);
    this.options.metrics?.setImageQueue({ depth: jobs.length, oldestAgeSeconds: (now - oldest) / 1000 });
    return jobs.map((job) => job.jobId);
  }

  /** Delay before retry `attempt` (1-based): base × 2^(attempt−1), plus up to a quarter of it at random. */
  backoffMs(attempt: number): number {
    const delay = this.options.retryBaseMs * 2 ** (attempt - 1);
    return Math.round(delay + this.random() * delay * 0.25);
  }

  /**
   * Handles one wake-up for a job. `shutdown` aborts the model call when the process stops: the job is then left
   * as a crashed worker would leave it, and claimed again once its lease lapses.
   */
  async process(jobId: string, shutdown?: AbortSignal): Promise<WakeOutcome> {
    const { repository } = this.options;
    const job = await repository.get(jobId);
    if (!job || job.status === "completed" || job.status === "failed") return { kind: "done" };
    const now = this.now();
    if (job.status === "queued" && job.availableAt > now) return { kind: "later", at: job.availableAt };
    if (job.status === "processing" && (job.leaseExpiresAt ?? 0) > now) return { kind: "later", at: job.leaseExpiresAt! };
    const log = this.options.log.child({ job_id: job.jobId, strategy_id: job.strategyId, user_id: job.userId, model: job.modelId });
    if (job.attempts >= this.maxAttempts) {
      // Its workers kept dying (each claim counts as an attempt): stop rather than loop forever.
      const failed = await repository.fail(
        job.jobId,
        { seen: job },
        `The image job was interrupted ${job.attempts} times and was stopped. Try again.`,
        new Date(now),
      );
      if (failed) await this.discardObject(job, log);
      return { kind: "done" };
    }
    const owner = randomUUID();
    const claimed = await repository.claim(job, owner, now + this.options.leaseMs, new Date(now));
    if (!claimed) return { kind: "done" };
    if (job.status === "processing") log.warn({ attempt: claimed.attempts }, "image job lease lapsed; claimed again");
    this.options.metrics?.countImageJob("processing");
    // A span of its own (the job runs after its request answered), linked to the request that queued it.
    return tracer.startActiveSpan("image job", { links: linkToRequest(job.traceparent), attributes: { "strategist.job.id": job.jobId } }, async (span) => {
      try {
        return await this.run(claimed, owner, log, shutdown);
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    });
  }

  private async run(job: ImageJobItem, owner: string, log: FastifyBaseLogger, shutdown?: AbortSignal): Promise<WakeOutcome> {
    const { repository, store } = this.options;
    const started = performance.now();
    const timeout = AbortSignal.timeout(Math.min(this.options.modelTimeoutMs, this.options.leaseMs));
    let picture;
    try {
      picture = await this.options.models.resolve(job.modelId).generate(job.prompt, shutdown ? AbortSignal.any([timeout, shutdown]) : timeout);
    } catch (error) {
      if (shutdown?.aborted) {
        log.info({ attempt: job.attempts }, "image job interrupted by shutdown; it is claimed again after its lease");
        return { kind: "done" };
      }
      return this.modelFailed(job, owner, error, log);
    }
    if (!(await repository.progress(job.jobId, owner, PROGRESS.generated, new Date(this.now())))) return { kind: "done" };
    const key = imageKey(job.strategyId, job.jobId);
    await store.put(key, picture.bytes, picture.contentType);
    const stored = await repository.progress(job.jobId, owner, PROGRESS.stored, new Date(this.now()));
    const completed =
      stored &&
      (await repository.complete(
        job.jobId,
        owner,
        { imageKey: key, width: picture.width, height: picture.height, contentType: picture.contentType },
        new Date(this.now()),
      ));
    if (!completed) {
      // Our lease lapsed (or the job was retired with its strategy). If the job failed or is gone, the object is ours
      // to remove.
      const current = await repository.get(job.jobId);
      if (!current || current.status === "failed") await this.discardObject(job, log);
      log.warn({ attempt: job.attempts }, "image job lost its lease before completing");
      return { kind: "done" };
    }
    this.options.metrics?.countImageJob("completed");
    log.info(
      {
        attempt: job.attempts,
        bytes: picture.bytes.length,
        width: picture.width,
        height: picture.height,
        execution_time_ms: Math.round(performance.now() - started),
      },
      "image job completed",
    );
    return { kind: "done" };
  }

  private async modelFailed(job: ImageJobItem, owner: string, error: unknown, log: FastifyBaseLogger): Promise<WakeOutcome> {
    const { repository } = this.options;
    const now = this.now();
    const name = failureName(error);
    const details = { attempt: job.attempts, failure: name, reason: (error as Error)?.message, ...describeAwsFailure(error) };
    if (isPermanentImageFailure(error)) {
      const detail = isContentFiltered(error) ? CONTENT_FILTER_DETAIL : `The image model rejected the request (${name}). Try another image model.`;
      if (await repository.fail(job.jobId, { owner }, detail, new Date(now))) await this.discardObject(job, log);
      this.options.metrics?.countImageJob("failed");
      log.warn(details, "image job failed: the model refused");
      return { kind: "done" };
    }
    if (job.attempts >= this.maxAttempts) {
      const detail = `The image model was unavailable after ${job.attempts} attempts (${name}). Try again in a few minutes.`;
      // A worker that died after storing, on an earlier attempt, may have left the object behind.
      if (await repository.fail(job.jobId, { owner }, detail, new Date(now))) await this.discardObject(job, log);
      this.options.metrics?.countImageJob("failed");
      log.warn(details, "image job failed after its last attempt");
      return { kind: "done" };
    }
    const at = now + this.backoffMs(job.attempts);
    await repository.requeue(job.jobId, owner, at, name, new Date(now));
    this.options.metrics?.countImageJob("retried");
    log.warn({ ...details, retry_in_ms: at - now }, "image model call failed; retrying later");
    return { kind: "later", at };
  }

  private async discardObject(job: ImageJobItem, log: FastifyBaseLogger): Promise<void> {
    await this.options.store.delete(imageKey(job.strategyId, job.jobId)).catch((error) => log.warn({ err: error }, "could not delete a failed job's object"));
  }
}
