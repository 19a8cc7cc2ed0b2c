import "server-only";
import { createHash } from "node:crypto";
import type { LimitsStore } from "@strategist/dynamo";

/**
 * Counts failed log-ins per account and makes further attempts wait once too many fail in a window,
 * which turns online password guessing from thousands of tries a minute into a handful per quarter
 * hour. The trade-off: someone who knows an email can make its owner wait out the window. Counts live
 * in the limits table (under a hash of the account, never the email itself), so every web task sees the
 * same count.
 */
export class LoginThrottle {
  constructor(
    private readonly store: LimitsStore,
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60 * 1000,
  ) {}

  /** Seconds until this account may try again; 0 when it may try now. */
  async retryAfterSeconds(account: string): Promise<number> {
    return Math.ceil((await this.store.blockedFor(keyOf(account), this.maxFailures)) / 1000);
  }

  async recordFailure(account: string): Promise<void> {
    await this.store.recordFailure(keyOf(account), this.windowMs);
  }

  async recordSuccess(account: string): Promise<void> {
    await this.store.clear(keyOf(account));
  }
}

function keyOf(account: string): string {
  return `login#${createHash("sha256").update(account).digest("hex")}`;
}
