import { DeleteCommand, GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Storage } from "@strands-agents/sdk/storage";
import { ITEM_PREFIX } from "../strategies/items";
import { keepIfStanding, type StrategyHead } from "../strategies/standing";

/**
 * The Strands SDK's Storage interface on DynamoDB, scoped to one strategy: each key is an item
 * `session#<key>` in the strategy's partition of the strategy-items table, its bytes in the `body` attribute.
 * Deleting the strategy deletes its partition, and with it the session.
 */
export class StrategySessionStorage implements Storage {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly strategyId: string,
    /** A write is kept only while the strategy stands (strategies/standing.ts). */
    private readonly head?: StrategyHead,
  ) {}

  private key(key: string) {
    return { strategyId: this.strategyId, itemKey: `${ITEM_PREFIX.session}${key}` };
  }

  async write(key: string, data: Uint8Array): Promise<void> {
    await keepIfStanding(
      this.head,
      this.strategyId,
      () => this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...this.key(key), body: data } })),
      () => this.delete(key),
    );
  }

  async read(key: string): Promise<Uint8Array | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: this.key(key), ConsistentRead: true }));
    return Item?.body instanceof Uint8Array ? Item.body : null;
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: this.key(key) }));
  }

  /** Keys starting with the prefix, sorted ascending (DynamoDB sorts the range key). */
  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: "strategyId = :id AND begins_with(itemKey, :prefix)",
          ExpressionAttributeValues: { ":id": this.strategyId, ":prefix": `${ITEM_PREFIX.session}${prefix}` },
          ProjectionExpression: "itemKey",
          ConsistentRead: true,
          ExclusiveStartKey,
        }),
      );
      for (const item of page.Items ?? []) keys.push(String(item.itemKey).slice(ITEM_PREFIX.session.length));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return keys;
  }
}
