import { Piscina } from "piscina";
import { AppError } from "../core/errors";
import type { ExportTask } from "./export-worker";

/** Seconds a client is asked to wait after a refused or abandoned export. */
const RETRY_AFTER_SECONDS = 5;

export interface ExportPoolOptions {
  /** Worker threads rendering exports at once (EXPORT_THREADS). */
  threads: number;
  /** Exports waiting for a thread at most (EXPORT_QUEUE_MAX); past it, 503. */
  maxQueue: number;
  /** How long one export may take, waiting included (EXPORT_TIME_BUDGET_SECONDS); past it, 504. */
  budgetMs: number;
}

/**
 * Renders exports (PDF, ICS, CSV) in worker threads, so a large document never holds the service's event loop.
 * Waiting exports are bounded (503 with Retry-After past the bound) and each has a time budget: past it the
 * thread rendering it is stopped and the answer is 504 with Retry-After.
 */
export class ExportPool {
  private readonly pool: Piscina<ExportTask, Uint8Array>;

  constructor(private readonly options: ExportPoolOptions) {
    // The worker is TypeScript when the agent runs from source (tsx, tests) and JavaScript in the bundle (dist/).
    const fromSource = import.meta.url.endsWith(".ts");
    this.pool = new Piscina({
      filename: new URL(fromSource ? "./export-worker-source.mjs" : "./export-worker.js", import.meta.url).href,
      minThreads: 0,
      maxThreads: options.threads,
      maxQueue: options.maxQueue,
      idleTimeout: 60_000,
    });
  }

  /** The rendered file's bytes; 503 when too many exports wait, 504 when the budget runs out. */
  async render(task: ExportTask): Promise<Buffer> {
    if (this.pool.queueSize >= this.options.maxQueue) throw new AppError("exports_busy", { retryAfterSeconds: RETRY_AFTER_SECONDS });
    const signal = AbortSignal.timeout(this.options.budgetMs);
    try {
      const bytes = await this.pool.run(task, { signal });
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      if (signal.aborted)
        throw new AppError("timeout", { retryAfterSeconds: RETRY_AFTER_SECONDS, message: "export took longer than its budget", cause: error });
      if (error instanceof Error && /queue is at limit/i.test(error.message))
        throw new AppError("exports_busy", { retryAfterSeconds: RETRY_AFTER_SECONDS, cause: error });
      throw error;
    }
  }

  /** Stops the threads (when the app closes). */
  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
