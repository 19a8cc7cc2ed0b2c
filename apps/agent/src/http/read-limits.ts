import type { FastifyBaseLogger } from "fastify";
import type { LimitsStore } from "@strategist/dynamo";
import { AppError } from "../core/errors";

interface ReadLimiterOptions {
  /** Reads a user may make per minute, across every agent process (READ_RATE_LIMIT_PER_MINUTE). */
  perMinute: number;
  store: LimitsStore;
  /** How often this process adds its uncounted reads to the table (default 1 s). */
  flushMs?: number;
  /** Reads this process lets through before it waits for the table's count (default perMinute / 20). */
  batch?: number;
  now?: () => number;
  log?: FastifyBaseLogger;
}

const WINDOW_MS = 60_000;

interface UserWindow {
  window: number;
  /** The table's count for this window at the last flush (every process's reads). */
  counted: number;
  /** Reads this process let through since. */
  pending: number;
  flushing?: Promise<void>;
}

/**
 * A generous per-user limit on reads, counted in the limits table in fixed one-minute windows without a table
 * round trip per read: each process lets a read through when the table's last known count plus its own uncounted
 * reads is under the limit, and adds its uncounted reads to the table every `flushMs` or after `batch` of them
 * (waiting for that write). With N processes a user can pass the limit by at most N × batch reads in a window.
 */
export class ReadLimiter {
  private readonly users = new Map<string, UserWindow>();
  private readonly batch: number;
  private readonly now: () => number;
  private timer?: NodeJS.Timeout;

  constructor(private readonly options: ReadLimiterOptions) {
    this.batch = Math.max(1, options.batch ?? Math.floor(options.perMinute / 20));
    this.now = options.now ?? Date.now;
  }

  /**
   * Lets one read through: undefined when it may go ahead now, a promise when this process must first count its
   * reads in the table; throws AppError("rate_limited") past the limit.
   */
  take(userId: string, afterFlush = false): Promise<void> | undefined {
    const now = this.now();
    const window = Math.floor(now / WINDOW_MS);
    let state = this.users.get(userId);
    if (!state || state.window !== window) {
      state = { window, counted: 0, pending: 0 };
      this.users.set(userId, state);
    }
    if (state.counted + state.pending >= this.options.perMinute) {
      throw new AppError("rate_limited", { retryAfterSeconds: Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - now) / 1000)), limit: "read_rate" });
    }
    if (!afterFlush && state.pending >= this.batch) return this.flush(userId, state).then(() => this.take(userId, true));
    state.pending++;
    // flush() never rejects: a failed count is kept and retried.
    this.timer ??= setInterval(() => void this.flushAll(), this.options.flushMs ?? 1_000).unref();
    return undefined;
  }

  /** Adds every process-local count to the table (also on shutdown). */
  async flushAll(): Promise<void> {
    const current = Math.floor(this.now() / WINDOW_MS);
    const flushes: Promise<void>[] = [];
    for (const [userId, state] of this.users) {
      if (state.pending > 0) flushes.push(this.flush(userId, state));
      else if (state.window < current && !state.flushing) this.users.delete(userId);
    }
    await Promise.all(flushes);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private flush(userId: string, state: UserWindow): Promise<void> {
    if (state.flushing) return state.flushing;
    const amount = state.pending;
    state.pending = 0;
    state.flushing = this.options.store
      .add(`read#${userId}`, state.window, WINDOW_MS, amount)
      .then(
        (total) => {
          state.counted = Math.max(state.counted, total);
        },
        (error: unknown) => {
          // Reads fail open: the count is kept and tried again at the next flush.
          state.pending += amount;
          this.options.log?.warn({ err: error, user_id: userId }, "could not count reads in the limits table");
        },
      )
      .finally(() => {
        state.flushing = undefined;
      });
    return state.flushing;
  }
}
