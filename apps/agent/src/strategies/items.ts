import { DeleteCommand, GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { ConversationMessage, StrategyRecord, TokenUsage, VersionKind, VersionSummary } from "@strategist/schemas";
import { keepIfStanding, type StrategyHead } from "./standing";

/** Sort-key prefixes of the items under a strategy (see docs/conversations.md). */
export const ITEM_PREFIX = { version: "version#", message: "message#", session: "session#" } as const;

/** Zero-padded so that the sort key orders versions numerically. */
function versionKey(version: number): string {
  return `${ITEM_PREFIX.version}${String(version).padStart(6, "0")}`;
}

/** A message's sort key: the version its exchange produced, then 0 for the user's turn and 1 for the assistant's. */
function messageKey(version: number, turn: 0 | 1): string {
  return `${ITEM_PREFIX.message}${String(version).padStart(6, "0")}#${turn}`;
}

/** A version of a strategy as it was written, and why. */
interface VersionSnapshot {
  record: StrategyRecord;
  kind: VersionKind;
  /** The refine instruction that produced it. */
  message?: string;
  /** The id under which the request that wrote it ran (its Idempotency-Key's fixed id). */
  requestId: string;
}

interface VersionItem extends VersionSnapshot {
  strategyId: string;
  itemKey: string;
  version: number;
  createdAt: string;
  model: string;
}

interface MessageItem {
  strategyId: string;
  itemKey: string;
  id: string;
  role: "user" | "assistant";
  content: string;
  version: number;
  createdAt: string;
}

/** A page of the conversation and the key to continue from, if any. */
interface MessagePage {
  messages: ConversationMessage[];
  lastKey?: Record<string, unknown>;
}

/** Deletes in flight at once while a strategy's partition is removed. */
const DELETE_CONCURRENCY = 10;

/**
 * The strategy-items table: one partition per strategy holding its version snapshots, its conversation and its
 * agent session, and whatever other capabilities store under a strategy. Knows nothing of HTTP.
 */
export class StrategyItemsRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    readonly tableName: string,
    /** Every write is kept only while the strategy stands (strategies/standing.ts). */
    private readonly head?: StrategyHead,
  ) {}

  /**
   * Stores a version snapshot. A version is written once; writing the same version again keeps the first. Throws
   * StrategyDeletedError (and keeps nothing) when the strategy's delete has begun.
   */
  async putVersion(snapshot: VersionSnapshot): Promise<void> {
    const { record } = snapshot;
    const item: VersionItem = {
      strategyId: record.id,
      itemKey: versionKey(record.version),
      version: record.version,
      createdAt: record.updated_at,
      model: record.model,
      ...snapshot,
    };
    const key = { strategyId: item.strategyId, itemKey: item.itemKey };
    await keepIfStanding(
      this.head,
      item.strategyId,
      async () => {
        try {
          await this.client.send(new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: "attribute_not_exists(itemKey)" }));
        } catch (error) {
          if (!(error instanceof Error && error.name === "ConditionalCheckFailedException")) throw error;
        }
      },
      () => this.client.send(new DeleteCommand({ TableName: this.tableName, Key: key })),
    );
  }

  /** The snapshot of one version, if stored. */
  async getVersion(strategyId: string, version: number): Promise<VersionSnapshot | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { strategyId, itemKey: versionKey(version) }, ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { record, kind, message, requestId } = Item as VersionItem;
    return { record, kind, requestId, ...(message !== undefined ? { message } : {}) };
  }

  /** Every stored version's summary, newest first. */
  async listVersions(strategyId: string): Promise<(VersionSummary & { requestId: string })[]> {
    const items = await this.queryAll(strategyId, ITEM_PREFIX.version, {
      // Every name aliased: several (version, kind, message, model) may be DynamoDB reserved words.
      ProjectionExpression: "#version, #createdAt, #kind, #message, #model, #requestId, #record.#usage",
      ExpressionAttributeNames: {
        "#version": "version",
        "#createdAt": "createdAt",
        "#kind": "kind",
        "#message": "message",
        "#model": "model",
        "#requestId": "requestId",
        "#record": "record",
        "#usage": "usage",
      },
      ScanIndexForward: false,
    });
    return items.map((item) => ({
      version: item.version as number,
      created_at: item.createdAt as string,
      kind: item.kind as VersionKind,
      model: item.model as string,
      requestId: item.requestId as string,
      ...(typeof item.message === "string" ? { message: item.message } : {}),
      ...((item.record as { usage?: TokenUsage } | undefined)?.usage ? { usage: (item.record as { usage: TokenUsage }).usage } : {}),
    }));
  }

  /** Stores the two messages of one exchange; each key is written once, and kept only while the strategy stands. */
  async putMessages(strategyId: string, messages: ConversationMessage[]): Promise<void> {
    const items: MessageItem[] = messages.map((message, turn) => ({
      strategyId,
      itemKey: messageKey(message.version, turn === 0 ? 0 : 1),
      id: message.id,
      role: message.role,
      content: message.content,
      version: message.version,
      createdAt: message.created_at,
    }));
    await keepIfStanding(
      this.head,
      strategyId,
      () =>
        Promise.all(
          items.map((item) =>
            this.client.send(new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: "attribute_not_exists(itemKey)" })),
          ),
        ),
      () => Promise.all(items.map((item) => this.client.send(new DeleteCommand({ TableName: this.tableName, Key: { strategyId, itemKey: item.itemKey } })))),
    );
  }

  /** One page of the conversation, oldest first; keeps querying while DynamoDB returns short pages. */
  async listMessages(strategyId: string, limit: number, startKey?: Record<string, unknown>): Promise<MessagePage> {
    const messages: ConversationMessage[] = [];
    let exclusiveStartKey = startKey;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: "strategyId = :id AND begins_with(itemKey, :prefix)",
          ExpressionAttributeValues: { ":id": strategyId, ":prefix": ITEM_PREFIX.message },
          ConsistentRead: true,
          Limit: limit - messages.length,
          ExclusiveStartKey: exclusiveStartKey,
        }),
      );
      for (const item of (page.Items ?? []) as MessageItem[]) {
        messages.push({ id: item.id, role: item.role, content: item.content, version: item.version, created_at: item.createdAt });
      }
      exclusiveStartKey = page.LastEvaluatedKey;
    } while (exclusiveStartKey && messages.length < limit);
    return { messages, lastKey: exclusiveStartKey };
  }

  /**
   * Deletes every item under a strategy, whatever feature stored it. Single-item deletes, a few at a time: the
   * task role needs no batch action, and a partition is small (versions, messages, one session, a plan).
   */
  async deleteAll(strategyId: string): Promise<number> {
    const keys = await this.queryAll(strategyId, "", { ProjectionExpression: "strategyId, itemKey" });
    for (let start = 0; start < keys.length; start += DELETE_CONCURRENCY) {
      await Promise.all(
        keys
          .slice(start, start + DELETE_CONCURRENCY)
          .map((key) => this.client.send(new DeleteCommand({ TableName: this.tableName, Key: { strategyId, itemKey: key.itemKey } }))),
      );
    }
    return keys.length;
  }

  private async queryAll(
    strategyId: string,
    prefix: string,
    extra: { ProjectionExpression?: string; ExpressionAttributeNames?: Record<string, string>; ScanIndexForward?: boolean },
  ): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: prefix ? "strategyId = :id AND begins_with(itemKey, :prefix)" : "strategyId = :id",
          ExpressionAttributeValues: { ":id": strategyId, ...(prefix ? { ":prefix": prefix } : {}) },
          ConsistentRead: true,
          ExclusiveStartKey,
          ...extra,
        }),
      );
      items.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  }
}
