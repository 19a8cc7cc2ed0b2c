import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/**
 * Limits that hold across processes, kept in the limits table with conditional writes only (dynalite has no
 * transactions and no TTL: every reader ignores what has expired, and TTL merely deletes it later).
 *
 * - `admit` / `renew` / `release`: a sliding-window rate and a set of leases in one item per subject, written with
 *   optimistic concurrency (a `version` attribute), so two processes never both take the last slot.
 * - `hit` / `add`: fixed-window counters with one atomic UpdateItem each.
 * - `failures` / `recordFailure` / `clear`: a failure count that blocks until its window ends.
 */

type Admission =
  | { admitted: true }
  | { admitted: false; reason: "busy" | "rate"; retryAfterMs: number };

interface AdmitRule {
  /** Starts allowed within any `windowMs`. */
  perWindow: number;
  windowMs: number;
  /** Leases held at once. */
  maxLeases: number;
  /** How long a lease lasts unless renewed. */
  leaseMs: number;
}

interface WindowHit {
  allowed: boolean;
  /** The window's count after this hit (when allowed). */
  count: number;
  /** Until the window ends. */
  retryAfterMs: number;
}

interface AdmissionItem {
  key: string;
  starts: number[];
  leases: Record<string, number>;
  version: number;
  expiresAt: number;
}

class LimitContentionError extends Error {
  override name = "LimitContentionError";
}

function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === "ConditionalCheckFailedException";
}

const toEpochSeconds = (ms: number) => Math.ceil(ms / 1000);
/** Attempts at an optimistic write before giving up; each conflict means another request of the same subject won. */
const MAX_ATTEMPTS = 20;

export class LimitsStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The last version of each admission item this store wrote (or saw), so that a subject this process admitted
   * before costs one conditional write instead of a read and a write. It only ever saves the read: a write based on
   * a stale copy fails its condition and is retried from a fresh read, and no request is refused on a cached copy.
   */
  private readonly known = new Map<string, AdmissionItem | null>();

  /**
   * Takes a lease `leaseId` for `key` if fewer than `maxLeases` live leases are held and fewer than `perWindow`
   * starts fall in the trailing window; records the start. Expired leases and starts are dropped on the way.
   */
  async admit(key: string, leaseId: string, rule: AdmitRule): Promise<Admission> {
    // One admission per subject at a time in this process: requests of one user arriving together take turns (one
    // conditional write each) instead of racing each other's writes; the conditional write still decides between
    // processes.
    const previous = this.admitting.get(key);
    const turn = (previous ?? Promise.resolve()).then(
      () => this.admitNow(key, leaseId, rule),
      () => this.admitNow(key, leaseId, rule),
    );
    this.admitting.set(key, turn);
    try {
      return await turn;
    } finally {
      if (this.admitting.get(key) === turn) this.admitting.delete(key);
    }
  }

  private readonly admitting = new Map<string, Promise<Admission>>();

  private async admitNow(key: string, leaseId: string, rule: AdmitRule): Promise<Admission> {
    // A subject never seen is first tried as new (one write); `null` stands for "believed absent".
    let current: AdmissionItem | null | undefined = this.known.has(key) ? this.known.get(key) : null;
    let fresh = false;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const now = this.now();
      if (current === undefined) {
        const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { key }, ConsistentRead: true }));
        current = (Item as AdmissionItem | undefined) ?? null;
        fresh = true;
      }
      const leases = Object.fromEntries(Object.entries(current?.leases ?? {}).filter(([, until]) => until > now));
      const starts = (current?.starts ?? []).filter((at) => at > now - rule.windowMs);
      const held = Object.values(leases);
      const busy = held.length >= rule.maxLeases;
      const limited = starts.length >= rule.perWindow;
      if ((busy || limited) && !fresh) {
        // Refuse only on what the table says now.
        current = undefined;
        continue;
      }
      if (busy) return { admitted: false, reason: "busy", retryAfterMs: Math.max(1, Math.min(...held) - now) };
      if (limited) return { admitted: false, reason: "rate", retryAfterMs: Math.max(1, starts[starts.length - rule.perWindow]! + rule.windowMs - now) };
      const item: AdmissionItem = {
        key,
        starts: [...starts, now],
        leases: { ...leases, [leaseId]: now + rule.leaseMs },
        version: (current?.version ?? 0) + 1,
        expiresAt: toEpochSeconds(now + Math.max(rule.windowMs, rule.leaseMs)) + 1,
      };
      try {
        await this.client.send(
          new PutCommand({
            TableName: this.tableName,
            Item: item,
            ...(current
              ? { ConditionExpression: "version = :version", ExpressionAttributeValues: { ":version": current.version } }
              : { ConditionExpression: "attribute_not_exists(#key)", ExpressionAttributeNames: { "#key": "key" } }),
          }),
        );
        this.remember(key, item);
        return { admitted: true };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        current = undefined;
      }
    }
    throw new LimitContentionError(`could not admit ${key} after ${MAX_ATTEMPTS} attempts`);
  }

  private remember(key: string, item: AdmissionItem | undefined): void {
    if (!item) {
      this.known.delete(key);
      return;
    }
    // Oldest first out: a bounded memory of recent subjects.
    this.known.delete(key);
    if (this.known.size >= 10_000) this.known.delete(this.known.keys().next().value!);
    this.known.set(key, item);
  }

  /** Extends a lease that is still held; false when it has lapsed or was released (it is not revived). */
  async renew(key: string, leaseId: string, leaseMs: number, windowMs: number): Promise<boolean> {
    const now = this.now();
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { key },
          UpdateExpression: "SET leases.#lease = :until, version = version + :one, expiresAt = :expires",
          ConditionExpression: "leases.#lease > :now",
          ExpressionAttributeNames: { "#lease": leaseId },
          ExpressionAttributeValues: { ":until": now + leaseMs, ":one": 1, ":now": now, ":expires": toEpochSeconds(now + Math.max(leaseMs, windowMs)) + 1 },
          ReturnValues: "ALL_NEW",
        }),
      );
      this.remember(key, Attributes as AdmissionItem | undefined);
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Gives a lease back; nothing happens when it is already gone. */
  async release(key: string, leaseId: string): Promise<void> {
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { key },
          UpdateExpression: "REMOVE leases.#lease SET version = version + :one",
          ConditionExpression: "attribute_exists(leases.#lease)",
          ExpressionAttributeNames: { "#lease": leaseId },
          ExpressionAttributeValues: { ":one": 1 },
          ReturnValues: "ALL_NEW",
        }),
      );
      this.remember(key, Attributes as AdmissionItem | undefined);
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  /** Live leases of `key` (for tests and diagnostics). */
  async leases(key: string): Promise<string[]> {
    const now = this.now();
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { key }, ConsistentRead: true }));
    return Object.entries((Item as AdmissionItem | undefined)?.leases ?? {}).filter(([, until]) => until > now).map(([id]) => id);
  }

  /** Counts one hit in the current fixed window of `key`, unless the window already holds `limit`. */
  async hit(key: string, limit: number, windowMs: number): Promise<WindowHit> {
    const now = this.now();
    const window = Math.floor(now / windowMs);
    const windowEnd = (window + 1) * windowMs;
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { key: `${key}#${window}` },
          UpdateExpression: "ADD hits :one SET expiresAt = :expires",
          ConditionExpression: "attribute_not_exists(hits) OR hits < :limit",
          ExpressionAttributeValues: { ":one": 1, ":limit": limit, ":expires": toEpochSeconds(windowEnd) + 1 },
          ReturnValues: "UPDATED_NEW",
        }),
      );
      return { allowed: true, count: Number(Attributes?.hits ?? 1), retryAfterMs: windowEnd - now };
    } catch (error) {
      if (isConditionFailure(error)) return { allowed: false, count: limit, retryAfterMs: windowEnd - now };
      throw error;
    }
  }

  /** Adds `amount` to the fixed window of `key` that holds `at`, without a limit; answers the new total. */
  async add(key: string, window: number, windowMs: number, amount: number): Promise<number> {
    const { Attributes } = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { key: `${key}#${window}` },
        UpdateExpression: "ADD hits :amount SET expiresAt = :expires",
        ExpressionAttributeValues: { ":amount": amount, ":expires": toEpochSeconds((window + 1) * windowMs) + 1 },
        ReturnValues: "UPDATED_NEW",
      }),
    );
    return Number(Attributes?.hits ?? amount);
  }

  /** Milliseconds until `key` may try again: 0 unless `max` failures were recorded in its current window. */
  async blockedFor(key: string, max: number): Promise<number> {
    const now = this.now();
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { key }, ConsistentRead: true }));
    if (!Item || Number(Item.resetAt) <= now || Number(Item.failures) < max) return 0;
    return Number(Item.resetAt) - now;
  }

  /** Counts a failure; the first one after a window ended opens a new window of `windowMs`. */
  async recordFailure(key: string, windowMs: number): Promise<void> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const now = this.now();
      try {
        await this.client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: { key },
            UpdateExpression: "ADD failures :one",
            ConditionExpression: "resetAt > :now",
            ExpressionAttributeValues: { ":one": 1, ":now": now },
          }),
        );
        return;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
      try {
        await this.client.send(
          new PutCommand({
            TableName: this.tableName,
            Item: { key, failures: 1, resetAt: now + windowMs, expiresAt: toEpochSeconds(now + windowMs) + 1 },
            ConditionExpression: "attribute_not_exists(#key) OR resetAt <= :now",
            ExpressionAttributeNames: { "#key": "key" },
            ExpressionAttributeValues: { ":now": now },
          }),
        );
        return;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
    throw new LimitContentionError(`could not count a failure for ${key}`);
  }

  /** Forgets `key`'s failures. */
  async clear(key: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: { key } }));
  }
}
