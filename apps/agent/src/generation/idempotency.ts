import { createHash, randomUUID } from "node:crypto";
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/** Prefix of idempotency items in the strategies table; they carry no userId, so the user index never sees them. */
const IDEMPOTENCY_PREFIX = "idempotency#";
/** How long a key is honoured. */
const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const POLL_MS = 100;

interface IdempotencyItem {
  strategyId: string;
  state: "in_progress" | "completed";
  requestHash: string;
  recordId: string;
  ownerToken: string;
  leaseUntil: number;
  /** Epoch seconds; also the table's TTL attribute. */
  expiresAt: number;
}

/** What a claim found: a finished request to replay, or the right (and duty) to run it. */
export type IdempotencyClaim = { kind: "replay"; recordId: string } | { kind: "owner"; recordId: string; complete(): Promise<void>; abandon(): Promise<void> };

export class IdempotencyConflict extends Error {
  constructor(readonly reason: "different_request" | "in_progress") {
    super(reason === "different_request" ? "Idempotency-Key reused with a different request" : "request with this Idempotency-Key still in progress");
    this.name = "IdempotencyConflict";
  }
}

/** The fingerprint of a request body, to tell a true retry from a reused key. */
export function requestFingerprint(body: unknown): string {
  return createHash("sha256").update(JSON.stringify(body)).digest("hex");
}

function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === "ConditionalCheckFailedException";
}

/**
 * Idempotency keys in DynamoDB, in the strategies table. A key (hashed with its user) names one item: whoever
 * claims it holds a lease for the length of one generation and a record id fixed at first claim. A crash leaves
 * the lease to expire; the next claimant keeps the record id, so a record the crashed request did store is found
 * and returned instead of generated twice.
 */
export class IdempotencyStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly leaseMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Claims a key for a request or finds its finished twin. Waits, until `deadline`, while another request holds
   * the lease. Throws IdempotencyConflict when the key was used for another body, or is still busy at the deadline.
   */
  async claim(userId: string, key: string, fingerprint: string, deadline: number): Promise<IdempotencyClaim> {
    const strategyId = `${IDEMPOTENCY_PREFIX}${createHash("sha256").update(userId).update("\u0000").update(key).digest("hex")}`;
    for (;;) {
      const now = this.now();
      const item = (await this.client.send(new GetCommand({ TableName: this.tableName, Key: { strategyId }, ConsistentRead: true }))).Item as
        IdempotencyItem | undefined;
      if (item && item.expiresAt * 1000 <= now) {
        await this.deleteIf(strategyId, "expiresAt = :seen", { ":seen": item.expiresAt });
        continue;
      }
      if (item && item.requestHash !== fingerprint) throw new IdempotencyConflict("different_request");
      if (item?.state === "completed") return { kind: "replay", recordId: item.recordId };
      if (item && item.leaseUntil > now) {
        if (now + POLL_MS > deadline) throw new IdempotencyConflict("in_progress");
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        continue;
      }
      const ownerToken = randomUUID();
      const claimed: IdempotencyItem = item
        ? { ...item, ownerToken, leaseUntil: now + this.leaseMs }
        : {
            strategyId,
            state: "in_progress",
            requestHash: fingerprint,
            recordId: randomUUID(),
            ownerToken,
            leaseUntil: now + this.leaseMs,
            expiresAt: Math.ceil((now + IDEMPOTENCY_TTL_MS) / 1000),
          };
      try {
        await this.client.send(
          new PutCommand({
            TableName: this.tableName,
            Item: claimed,
            ...(item
              ? {
                  ConditionExpression: "ownerToken = :seen AND leaseUntil = :lease",
                  ExpressionAttributeValues: { ":seen": item.ownerToken, ":lease": item.leaseUntil },
                }
              : { ConditionExpression: "attribute_not_exists(strategyId)" }),
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) continue;
        throw error;
      }
      return {
        kind: "owner",
        recordId: claimed.recordId,
        complete: () => this.complete(strategyId, ownerToken),
        abandon: () =>
          this.deleteIf(strategyId, "ownerToken = :token AND #state = :busy", { ":token": ownerToken, ":busy": "in_progress" }, { "#state": "state" }),
      };
    }
  }

  private async complete(strategyId: string, ownerToken: string): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { strategyId },
          UpdateExpression: "SET #state = :done",
          ConditionExpression: "ownerToken = :token",
          ExpressionAttributeNames: { "#state": "state" },
          ExpressionAttributeValues: { ":done": "completed", ":token": ownerToken },
        }),
      );
    } catch (error) {
      // Another request took the lease over; it will find the stored record by its id and complete the key.
      if (!isConditionFailure(error)) throw error;
    }
  }

  private async deleteIf(strategyId: string, condition: string, values: Record<string, unknown>, names?: Record<string, string>): Promise<void> {
    try {
      await this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: { strategyId },
          ConditionExpression: condition,
          ExpressionAttributeValues: values,
          ExpressionAttributeNames: names,
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
}
