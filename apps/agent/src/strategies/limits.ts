import { AppError } from "../errors";

export interface GenerationLimitsOptions {
  /** Generations a user may start per minute (RATE_LIMIT_PER_MINUTE). */
  perUserPerMinute: number;
  /** Generations running at once across all users (MAX_CONCURRENT_GENERATIONS); past it, 503. */
  maxConcurrent: number;
  /** Generations one user may run at once (MAX_CONCURRENT_GENERATIONS_PER_USER); past it, 429. */
  maxConcurrentPerUser: number;
  now?: () => number;
}

const WINDOW_MS = 60_000;
/** Seconds a client is asked to wait when the service is at its concurrency cap. */
export const OVERLOAD_RETRY_AFTER_SECONDS = 5;

/**
 * Admission control for generations, shared by /generate and /generate/stream: a per-user sliding-window rate
 * (keyed by the user, since behind the web proxy every user has the same IP), a per-user concurrency limit so one
 * user cannot starve the others, and a global cap that sheds load with 503 + Retry-After.
 */
export class GenerationLimits {
  private readonly now: () => number;
  private readonly recent = new Map<string, number[]>();
  private readonly running = new Map<string, number>();
  private total = 0;

  constructor(private readonly options: GenerationLimitsOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Generations running right now. */
  get inFlight(): number {
    return this.total;
  }

  /** Admits a generation or throws the matching AppError; the returned function releases its slot (once). */
  acquire(userId: string): () => void {
    const now = this.now();
    if (this.total >= this.options.maxConcurrent) {
      throw new AppError("unavailable", { retryAfterSeconds: OVERLOAD_RETRY_AFTER_SECONDS, message: "concurrency cap reached" });
    }
    const mine = this.running.get(userId) ?? 0;
    if (mine >= this.options.maxConcurrentPerUser) {
      throw new AppError("user_busy", { retryAfterSeconds: OVERLOAD_RETRY_AFTER_SECONDS });
    }
    const window = (this.recent.get(userId) ?? []).filter((at) => at > now - WINDOW_MS);
    if (window.length >= this.options.perUserPerMinute) {
      this.recent.set(userId, window);
      throw new AppError("rate_limited", { retryAfterSeconds: Math.max(1, Math.ceil((window[0]! + WINDOW_MS - now) / 1000)) });
    }
    window.push(now);
    this.recent.set(userId, window);
    this.running.set(userId, mine + 1);
    this.total++;
    this.sweep(now);

    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      const left = (this.running.get(userId) ?? 1) - 1;
      if (left > 0) this.running.set(userId, left);
      else this.running.delete(userId);
    };
  }

  /** Forgets users idle for a whole window, so the map does not grow with every user ever seen. */
  private sweep(now: number): void {
    if (this.recent.size < 10_000) return;
    for (const [userId, times] of this.recent) {
      if ((times.at(-1) ?? 0) <= now - WINDOW_MS) this.recent.delete(userId);
    }
  }
}
