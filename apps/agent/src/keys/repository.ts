import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { KEY_HASH_INDEX, queryNewestByUser } from "@strategist/dynamo";
import type { ApiKeyScope } from "@strategist/schemas";

/** An API key as stored: the SHA-256 of its secret (hex), never the secret. */
export interface StoredKey {
  keyId: string;
  keyHash: string;
  userId: string;
  name: string;
  /** The secret's first characters, shown in the list. */
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  /** ISO date-time, absent for a key that never expires. */
  expiresAt?: string;
  lastUsedAt?: string;
}

function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === "ConditionalCheckFailedException";
}

/** The API keys table (packages/dynamo apiKeysTableDefinition). */
export class KeyRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Stores a new key; never overwrites one. */
  async create(key: StoredKey): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: key, ConditionExpression: "attribute_not_exists(keyId)" }));
  }

  /** One key by id, read from the table itself. */
  async get(keyId: string): Promise<StoredKey | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { keyId }, ConsistentRead: true }));
    return Item as StoredKey | undefined;
  }

  /**
   * The key whose secret hashes to `keyHash`: the hash index names its id, then the item is read from the table
   * (strongly consistent), so a key deleted a moment ago is never answered from a stale index entry.
   */
  async findByHash(keyHash: string): Promise<StoredKey | undefined> {
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: KEY_HASH_INDEX,
        KeyConditionExpression: "keyHash = :hash",
        ExpressionAttributeValues: { ":hash": keyHash },
        Limit: 1,
      }),
    );
    const keyId: unknown = Items?.[0]?.keyId;
    return typeof keyId === "string" ? this.get(keyId) : undefined;
  }

  /** A user's keys, newest first (at most `limit`). */
  async listByUser(userId: string, limit: number): Promise<StoredKey[]> {
    const { items } = await queryNewestByUser(this.client, this.tableName, userId, limit);
    return items as unknown as StoredKey[];
  }

  /** Deletes a key of this user; false when it was already gone. */
  async delete(keyId: string, userId: string): Promise<boolean> {
    try {
      await this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: { keyId },
          ConditionExpression: "userId = :userId",
          ExpressionAttributeValues: { ":userId": userId },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /**
   * Records a use, unless one was recorded since `notBefore`: at most one write a minute per key across every
   * process (the condition decides), and none for a key deleted meanwhile.
   */
  async touch(keyId: string, at: string, notBefore: string): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { keyId },
          UpdateExpression: "SET lastUsedAt = :at",
          ConditionExpression: "attribute_exists(keyId) AND (attribute_not_exists(lastUsedAt) OR lastUsedAt < :notBefore)",
          ExpressionAttributeValues: { ":at": at, ":notBefore": notBefore },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
}
