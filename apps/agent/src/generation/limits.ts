import { randomUUID } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import type { LimitsStore } from "@strategist/dynamo";
import { AppError } from "../core/errors";
import type { EventLoopTurns } from "./turns";

interface GenerationLimitsOptions {
  /** Generations a user may start per minute, across every agent process (RATE_LIMIT_PER_MINUTE). */
  perUserPerMinute: number;
  /** Generations running at once in this process, all users together (MAX_CONCURRENT_GENERATIONS); past it, 503. */
  maxConcurrent: number;
  /** Generations one user may run at once, across every agent process (MAX_CONCURRENT_GENERATIONS_PER_USER); past it, 429. */
  maxConcurrentPerUser: number;
  /** The per-user counts, in the limits table. */
  store: LimitsStore;
  /** How long a slot outlives its process's last renewal (GENERATION_LEASE_SECONDS); renewed every third of it. */
  leaseMs: number;
  log?: FastifyBaseLogger;
  /** Renewals take event-loop turns like other starts (generation/turns.ts): a burst's leases fall due together. */
  turns?: EventLoopTurns;
}

const WINDOW_MS = 60_000;
/** Seconds a client is asked to wait when the service is at its concurrency cap. */
const OVERLOAD_RETRY_AFTER_SECONDS = 5;

/** Gives an admitted request's slot back; may be asynchronous (limits shared across instances). */
export type Release = () => void | Promise<void>;

/**
 * Admission control for every model-calling route: a per-user sliding-window rate (keyed by the user, since behind
 * the web proxy every user has the same IP) and a per-user concurrency limit, both counted in DynamoDB so they hold
 * with one agent task or ten; and a global cap that protects *this process* and sheds load with 503 + Retry-After.
 *
 * A running generation holds a lease in the user's item, renewed every third of the lease while it runs; a process
 * that dies stops renewing, so its slots come back at most one lease later.
 */
export class GenerationLimits {
  private total = 0;

  constructor(private readonly options: GenerationLimitsOptions) {}

  /** Generations running right now in this process. */
  get inFlight(): number {
    return this.total;
  }

  /** Admits a generation or throws the matching AppError; the returned function releases its slot (once). */
  async acquire(userId: string): Promise<Release> {
    const { options } = this;
    if (this.total >= options.maxConcurrent) {
      throw new AppError("unavailable", {
        retryAfterSeconds: OVERLOAD_RETRY_AFTER_SECONDS,
        message: "concurrency cap reached",
        limit: "generations_concurrent",
      });
    }
    // Counted before the first await, so requests arriving together cannot all pass the process cap.
    this.total++;
    const key = `generation#${userId}`;
    const leaseId = randomUUID();
    let admission;
    try {
      admission = await options.store.admit(key, leaseId, {
        perWindow: options.perUserPerMinute,
        windowMs: WINDOW_MS,
        maxLeases: options.maxConcurrentPerUser,
        leaseMs: options.leaseMs,
      });
    } catch (error) {
      this.total--;
      throw new AppError("unavailable", { retryAfterSeconds: OVERLOAD_RETRY_AFTER_SECONDS, message: "limits table unavailable", cause: error });
    }
    if (!admission.admitted) {
      this.total--;
      if (admission.reason === "busy")
        throw new AppError("user_busy", { retryAfterSeconds: OVERLOAD_RETRY_AFTER_SECONDS, limit: "generations_concurrent_per_user" });
      throw new AppError("rate_limited", { retryAfterSeconds: Math.max(1, Math.ceil(admission.retryAfterMs / 1000)), limit: "generation_rate" });
    }

    let released = false;
    const renewal = setInterval(
      () => {
        // A renewal waiting for its turn when the slot is given back renews nothing.
        (options.turns?.next() ?? Promise.resolve())
          .then(() => released || options.store.renew(key, leaseId, options.leaseMs, WINDOW_MS))
          .then(
            (held) => {
              if (!held && !released) options.log?.warn({ user_id: userId }, "generation lease lapsed before renewal");
            },
            (error: unknown) => options.log?.warn({ err: error, user_id: userId }, "could not renew a generation lease"),
          );
      },
      Math.max(50, Math.floor(options.leaseMs / 3)),
    );
    renewal.unref();

    return async () => {
      if (released) return;
      released = true;
      clearInterval(renewal);
      this.total--;
      // A slot that cannot be given back lapses with its lease.
      await options.store
        .release(key, leaseId)
        .catch((error: unknown) => options.log?.warn({ err: error, user_id: userId }, "could not release a generation lease"));
    };
  }
}
