import { createHash, randomBytes } from "node:crypto";
import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/** How long a reset link works: long enough to reach a mailbox, short enough that an old mail is worthless. */
export const PASSWORD_RESET_TTL_MS = 30 * 60 * 1000;

/** The account a reset link was issued for. */
export interface ResetAccount {
  userId: string;
  email: string;
}

/** A reset token item: only the SHA-256 of the token is ever stored, in its key. */
interface ResetTokenItem extends ResetAccount {
  key: string;
  createdAt: string;
  /** Epoch seconds: DynamoDB's TTL removes the item some time after; `consume` checks it itself. */
  expiresAt: number;
}

/** The SHA-256 (hex) of a reset token: what the table holds instead of the token. */
export function resetTokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A fresh reset token: 32 random bytes, base64url (43 characters), and its hash. */
export function newResetToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: resetTokenHash(token) };
}

const tokenKey = (tokenHash: string) => `password-reset#${tokenHash}`;
/** The pointer to a user's newest unused token, so a new request can delete the one before. */
const userKey = (userId: string) => `password-reset-user#${userId}`;

function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === "ConditionalCheckFailedException";
}

/**
 * Password-reset tokens, kept in the limits table (short-lived items with the `expiresAt` TTL, which every web task
 * may already read and write) under `password-reset#<sha256(token)>`. A token is single-use: consuming it is one
 * conditional delete, so of any number of concurrent uses exactly one gets the account.
 */
export class PasswordResetStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Issues a token for an account and returns it (the only time it exists in clear). The user's previous unused
   * token, if any, is deleted: only the newest link works. Two requests racing may both leave theirs valid until
   * they expire.
   */
  async issue(account: ResetAccount, fresh = newResetToken()): Promise<{ token: string; expiresAt: Date }> {
    const now = this.now();
    const expiresAt = new Date(now.getTime() + PASSWORD_RESET_TTL_MS);
    const ttl = Math.ceil(expiresAt.getTime() / 1000);
    const { Attributes } = await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { key: userKey(account.userId), tokenHash: fresh.tokenHash, expiresAt: ttl },
        ReturnValues: "ALL_OLD",
      }),
    );
    const previous: unknown = Attributes?.tokenHash;
    if (typeof previous === "string") await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: { key: tokenKey(previous) } }));
    const item: ResetTokenItem = { key: tokenKey(fresh.tokenHash), userId: account.userId, email: account.email, createdAt: now.toISOString(), expiresAt: ttl };
    await this.client.send(
      new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: "attribute_not_exists(#key)", ExpressionAttributeNames: { "#key": "key" } }),
    );
    return { token: fresh.token, expiresAt };
  }

  /**
   * Uses a token up: deletes its item if it exists and has not expired, and answers the account it was issued for;
   * null for an unknown, expired or already used token. The delete is conditional, so it succeeds once.
   */
  async consume(token: string): Promise<ResetAccount | null> {
    try {
      const { Attributes } = await this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: { key: tokenKey(resetTokenHash(token)) },
          ConditionExpression: "attribute_exists(#key) AND expiresAt > :now",
          ExpressionAttributeNames: { "#key": "key" },
          ExpressionAttributeValues: { ":now": Math.floor(this.now().getTime() / 1000) },
          ReturnValues: "ALL_OLD",
        }),
      );
      const item = Attributes as ResetTokenItem | undefined;
      return item ? { userId: item.userId, email: item.email } : null;
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
  }
}
