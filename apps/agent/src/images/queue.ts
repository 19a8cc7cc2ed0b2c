import type { FastifyBaseLogger } from "fastify";
import type { ImageWorker } from "./worker";

/** Where a new or due job's wake-up goes: the in-process worker locally, SQS in production. */
export interface ImageJobQueue {
  /** Wakes a worker for the job; losing a wake-up only delays the job until the next sweep. */
  send(jobId: string): Promise<void>;
}

/** How long stop() waits for running jobs before interrupting them. */
const DRAIN_MS = 5_000;

interface InProcessQueueOptions {
  /** Jobs run at once in this process (IMAGE_WORKER_CONCURRENCY). */
  concurrency: number;
  /** How often every unfinished job is woken, so a lost wake-up or a dead worker's job is picked up (IMAGE_JOB_SWEEP_SECONDS). */
  sweepMs: number;
  log: FastifyBaseLogger;
  now?: () => number;
}

/**
 * Runs the worker inside the agent process: wake-ups are queued in memory (deduplicated) and run a few at a time;
 * a job that must wait (retry backoff, another worker's lease) gets a timer; a periodic sweep wakes every
 * unfinished job, so nothing depends on an in-memory wake-up surviving a restart.
 */
export class InProcessImageQueue implements ImageJobQueue {
  private readonly pending = new Set<string>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private sweeper?: NodeJS.Timeout;
  private stopped = false;
  private readonly now: () => number;
  private readonly shutdown = new AbortController();

  constructor(
    private readonly worker: ImageWorker,
    private readonly options: InProcessQueueOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async send(jobId: string): Promise<void> {
    if (this.stopped || this.running.has(jobId)) return;
    this.pending.add(jobId);
    this.pump();
  }

  /** Sweeps once now, then every sweepMs. */
  start(): void {
    this.stopped = false;
    void this.sweep();
    this.sweeper = setInterval(() => void this.sweep(), this.options.sweepMs);
    this.sweeper.unref();
  }

  /** Wakes every unfinished job. */
  async sweep(): Promise<void> {
    try {
      for (const jobId of await this.worker.activeJobIds()) await this.send(jobId);
    } catch (error) {
      this.options.log.warn({ err: error }, "image job sweep failed; the next one retries");
    }
  }

  /**
   * Stops taking jobs and gives the running ones `drainMs` to finish; then their model calls are aborted and the
   * jobs left to be claimed again after their lease, as after a crash.
   */
  async stop(drainMs = DRAIN_MS): Promise<void> {
    this.stopped = true;
    clearInterval(this.sweeper);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.pending.clear();
    const drained = Promise.allSettled([...this.running.values()]);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, drainMs);
    });
    await Promise.race([drained, late]);
    clearTimeout(timer);
    this.shutdown.abort();
    await drained;
  }

  /** Resolves once nothing is pending or running (tests and benchmarks). */
  async idle(): Promise<void> {
    while (!this.stopped && (this.pending.size > 0 || this.running.size > 0)) await Promise.allSettled([...this.running.values()]);
  }

  private pump(): void {
    while (!this.stopped && this.running.size < this.options.concurrency && this.pending.size > 0) {
      const jobId = this.pending.values().next().value as string;
      this.pending.delete(jobId);
      const run = this.worker
        .process(jobId, this.shutdown.signal)
        .then((outcome) => {
          if (outcome.kind === "later") this.wakeAt(jobId, outcome.at);
        })
        .catch((error) => this.options.log.error({ err: error, job_id: jobId }, "image job wake-up failed; the sweep retries it"))
        .finally(() => {
          this.running.delete(jobId);
          this.pump();
        });
      this.running.set(jobId, run);
    }
  }

  private wakeAt(jobId: string, at: number): void {
    if (this.stopped) return;
    clearTimeout(this.timers.get(jobId));
    const timer = setTimeout(
      () => {
        this.timers.delete(jobId);
        void this.send(jobId);
      },
      Math.max(0, at - this.now()) + 5,
    );
    timer.unref();
    this.timers.set(jobId, timer);
  }
}
