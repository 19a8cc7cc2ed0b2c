import { DeleteCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { ImportRow } from "@strategist/schemas";

/** Sort-key prefix of result items, in a strategy's partition and in its brand's. */
const RESULT_PREFIX = "result#";
const WRITE_CONCURRENCY = 16;

/** One stored result: the row as imported (with the pillar and post id of the plan post it matched). */
export interface StoredResult {
  /** `post#<postId>` for a plan post's result, `row#<hash of its dedupe key>` for an earlier post. */
  key: string;
  row: ImportRow;
}

interface ResultItem {
  strategyId: string;
  itemKey: string;
  userId: string;
  row: ImportRow;
  updatedAt: string;
}

/** The partition that indexes a brand's results, across its strategies, in the strategy-items table. */
export function brandPartition(brandId: string): string {
  return `brand#${brandId}`;
}

/**
 * Results in the strategy-items table: each under its strategy's partition (`result#<key>`, deleted with the strategy),
 * and a copy under its brand's partition (`result#<strategyId>#<key>`), so a brand's insights read one partition and
 * keep the brand's history when a strategy goes. Knows nothing of HTTP.
 */
export class ResultRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Every result of a strategy. */
  async forStrategy(strategyId: string): Promise<StoredResult[]> {
    return (await this.query(strategyId)).map((item) => ({ key: item.itemKey.slice(RESULT_PREFIX.length), row: item.row }));
  }

  /** Every result indexed for a brand, from all its strategies. */
  async forBrand(brandId: string): Promise<ImportRow[]> {
    return (await this.query(brandPartition(brandId))).map((item) => item.row);
  }

  /** Stores results of a strategy (and their brand copies), replacing those with the same keys; removes `removed`. */
  async write(
    scope: { userId: string; strategyId: string; brandId?: string },
    results: readonly StoredResult[],
    removed: readonly string[],
    now: string,
  ): Promise<void> {
    const { userId, strategyId, brandId } = scope;
    const partitions = (key: string) => [
      { strategyId, itemKey: `${RESULT_PREFIX}${key}` },
      ...(brandId ? [{ strategyId: brandPartition(brandId), itemKey: `${RESULT_PREFIX}${strategyId}#${key}` }] : []),
    ];
    await this.inParallel(
      results.flatMap((result) => partitions(result.key).map((keys): ResultItem => ({ ...keys, userId, row: result.row, updatedAt: now }))),
      (Item) => this.client.send(new PutCommand({ TableName: this.tableName, Item })),
    );
    await this.inParallel(
      removed.flatMap((key) => partitions(key)),
      (Key) => this.client.send(new DeleteCommand({ TableName: this.tableName, Key })),
    );
  }

  private async query(partition: string): Promise<ResultItem[]> {
    const items: ResultItem[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: "strategyId = :partition AND begins_with(itemKey, :prefix)",
          ExpressionAttributeValues: { ":partition": partition, ":prefix": RESULT_PREFIX },
          ConsistentRead: true,
          ExclusiveStartKey,
        }),
      );
      items.push(...((page.Items ?? []) as ResultItem[]));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  }

  /** Single-item writes, a few at a time (they keep the IAM policy to Put/Delete). */
  private async inParallel<T>(items: T[], write: (item: T) => Promise<unknown>): Promise<void> {
    for (let start = 0; start < items.length; start += WRITE_CONCURRENCY) {
      await Promise.all(items.slice(start, start + WRITE_CONCURRENCY).map(write));
    }
  }
}
