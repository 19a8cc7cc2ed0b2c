import { DefaultModelRetryStrategy, ExponentialBackoff, type AfterModelCallEvent } from "@strands-agents/sdk";
import type { RetryDecision } from "@strands-agents/sdk";
import { isUnavailableFailure } from "./failures";

interface DeadlineRetryOptions {
  maxAttempts: number;
  baseDelayMs: number;
  /** Epoch ms by which the whole generation must be done. */
  deadline: number;
  /** Time an attempt needs to have a fair chance of finishing; no retry starts with less left. */
  reserveMs: number;
  onRetry?: (attempt: number, waitMs: number, error: Error) => void;
}

/**
 * Retries throttled and unavailable Bedrock calls with jittered exponential backoff. The SDK's default retries
 * only its own ModelThrottledError, which Bedrock's HTTP errors never become; this one looks at the AWS
 * exception in the cause chain, and stops retrying while there is still time for an attempt to finish within
 * the request's budget. Validation and access errors are never retried.
 */
export class DeadlineRetryStrategy extends DefaultModelRetryStrategy {
  override readonly name = "strategist:deadline-retry";

  constructor(private readonly options: DeadlineRetryOptions) {
    super({
      maxAttempts: options.maxAttempts,
      backoff: new ExponentialBackoff({ baseMs: options.baseDelayMs, maxMs: 8_000, jitter: "full" }),
    });
  }

  protected override isRetryable(error: Error): boolean {
    return isUnavailableFailure(error);
  }

  protected override computeRetryDecision(event: AfterModelCallEvent): RetryDecision {
    const decision = super.computeRetryDecision(event);
    if (!decision.retry) return decision;
    if (Date.now() + decision.waitMs + this.options.reserveMs > this.options.deadline) return { retry: false };
    this.options.onRetry?.(event.attemptCount, decision.waitMs, event.error!);
    return decision;
  }
}
