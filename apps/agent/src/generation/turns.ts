/**
 * Lets the work of starting generations through one at a time per turn of the event loop. A burst of requests (500
 * generations sent at once) would otherwise run every request's admission, agent set-up and model request in the
 * same few loop turns, and every timer, stream chunk and read request of the process would wait hundreds of
 * milliseconds behind them. Each waiter here continues in its own turn (a `setImmediate` scheduled from the previous
 * one runs in the next turn), so timers and I/O get in between; an idle process pays one turn, well under a
 * millisecond. See docs/generation.md ("Bursts").
 */
export class EventLoopTurns {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  /** Waiters not yet let through. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves in a later turn of the event loop, after every waiter that asked before. */
  next(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.letOneThrough);
  }

  private readonly letOneThrough = (): void => {
    this.scheduled = false;
    this.waiting.shift()?.();
    if (this.waiting.length > 0) this.schedule();
  };
}
