/**
 * Counts failed log-ins per account and makes further attempts wait once too many fail in a window,
 * which turns online password guessing from thousands of tries a minute into a handful per quarter
 * hour. The trade-off: someone who knows an email can make its owner wait out the window. Counts live
 * in this process only; several web instances each keep their own.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until this account may try again; 0 when it may try now. */
  retryAfterSeconds(account: string): number {
    const entry = this.failures.get(account);
    if (!entry || entry.resetAt <= this.now()) return 0;
    return entry.count >= this.maxFailures ? Math.ceil((entry.resetAt - this.now()) / 1000) : 0;
  }

  recordFailure(account: string): void {
    const now = this.now();
    const entry = this.failures.get(account);
    if (!entry || entry.resetAt <= now) {
      if (this.failures.size >= 100_000) this.forgetExpired(now);
      this.failures.set(account, { count: 1, resetAt: now + this.windowMs });
    } else {
      entry.count += 1;
    }
  }

  recordSuccess(account: string): void {
    this.failures.delete(account);
  }

  private forgetExpired(now: number): void {
    for (const [account, entry] of this.failures) if (entry.resetAt <= now) this.failures.delete(account);
  }
}
