import { randomBytes } from "node:crypto";
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { SESSION_USER_INDEX } from "./tables";

/** A web log-in as stored in the sessions table; the item's absence means logged out (or never logged in). */
interface SessionItem {
  sessionId: string;
  userId: string;
  createdAt: string;
  /** Epoch seconds: DynamoDB's TTL removes the item some time after; reads check it themselves. */
  expiresAt: number;
}

/**
 * The sessions table, read by the agent and the web app alike: a token's `sid` claim names an item here,
 * and a token whose item is gone (logged out, revoked, expired) no longer authenticates anyone.
 */
export class SessionStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Opens a session for a user until `expiresAt`; the id is 128 random bits, never derived from the user. */
  async create(userId: string, expiresAt: Date): Promise<SessionItem> {
    const item: SessionItem = {
      sessionId: randomBytes(16).toString("base64url"),
      userId,
      createdAt: this.now().toISOString(),
      expiresAt: Math.floor(expiresAt.getTime() / 1000),
    };
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: "attribute_not_exists(sessionId)" }));
    return item;
  }

  /** True when the session exists, belongs to this user and has not expired: a strongly consistent read. */
  async isActive(sessionId: string, userId: string): Promise<boolean> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { sessionId }, ConsistentRead: true }));
    const item = Item as SessionItem | undefined;
    return item !== undefined && item.userId === userId && item.expiresAt * 1000 > this.now().getTime();
  }

  /** Ends one session (log-out); ending one that is already gone is not an error. */
  async revoke(sessionId: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: { sessionId } }));
  }

  /**
   * Ends every session of a user except `keep` (a password change keeps the session that made it).
   * The index is eventually consistent: a session opened in the same instant may survive; returns how many ended.
   */
  async revokeOthers(userId: string, keep?: string): Promise<number> {
    let revoked = 0;
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: SESSION_USER_INDEX,
          KeyConditionExpression: "userId = :userId",
          ExpressionAttributeValues: { ":userId": userId },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const sessionId = String(item.sessionId);
        if (sessionId === keep) continue;
        await this.revoke(sessionId);
        revoked++;
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return revoked;
  }
}
