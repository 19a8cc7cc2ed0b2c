import { GetCommand, PutCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { queryNewestByUser } from "@strategist/dynamo";
import type { StrategyOutput, StrategyRecord, TokenUsage } from "@strategist/schemas";
import { voiceFromItem, voiceToItem, type VoiceItem } from "../brands/repository";

/** The strategies table item: the seed's attribute names, plus the model that wrote it and its usage. */
interface StrategyItem {
  strategyId: string;
  userId: string;
  brandName: string;
  industry: string;
  targetAudience: string;
  goals: string;
  strategyOutput: StrategyOutput;
  createdAt: string;
  modelId: string;
  usage?: { inputTokens: number; outputTokens: number; cacheReadTokens: number };
  brandId?: string;
  /** The brand's voice when the strategy was written. */
  voice?: VoiceItem;
}

/** A page of a user's strategies and the key to continue from, if any. */
export interface StrategyPage {
  records: StrategyRecord[];
  lastKey?: Record<string, unknown>;
}

export class StrategyAlreadyExistsError extends Error {
  override name = "StrategyAlreadyExistsError";
}

function toItem(record: StrategyRecord): StrategyItem {
  return {
    strategyId: record.id,
    userId: record.user_id,
    brandName: record.brand_name,
    industry: record.industry,
    targetAudience: record.target_audience,
    goals: record.goals,
    strategyOutput: record.strategy_output,
    createdAt: record.created_at,
    modelId: record.model,
    ...(record.usage
      ? { usage: { inputTokens: record.usage.input_tokens, outputTokens: record.usage.output_tokens, cacheReadTokens: record.usage.cache_read_tokens } }
      : {}),
    ...(record.brand_id ? { brandId: record.brand_id } : {}),
    ...(record.voice ? { voice: voiceToItem(record.voice) } : {}),
  };
}

function toRecord(item: Record<string, unknown>): StrategyRecord {
  const row = item as unknown as StrategyItem;
  const usage: TokenUsage | undefined = row.usage
    ? { input_tokens: row.usage.inputTokens, output_tokens: row.usage.outputTokens, cache_read_tokens: row.usage.cacheReadTokens }
    : undefined;
  return {
    id: row.strategyId,
    user_id: row.userId,
    brand_name: row.brandName,
    industry: row.industry,
    target_audience: row.targetAudience,
    goals: row.goals,
    strategy_output: row.strategyOutput,
    created_at: row.createdAt,
    model: row.modelId ?? "unknown",
    ...(usage ? { usage } : {}),
    ...(row.brandId ? { brand_id: row.brandId } : {}),
    ...(row.voice ? { voice: voiceFromItem(row.voice) } : {}),
  };
}

/** Strategy storage in DynamoDB (the seed's layout); knows nothing of HTTP. */
export class StrategyRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Stores a new record; never overwrites an existing id. */
  async create(record: StrategyRecord): Promise<StrategyRecord> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: toItem(record),
          ConditionExpression: "attribute_not_exists(strategyId)",
        }),
      );
    } catch (error) {
      if (error instanceof Error && error.name === "ConditionalCheckFailedException") {
        throw new StrategyAlreadyExistsError(`strategy ${record.id} already exists`, { cause: error });
      }
      throw error;
    }
    return record;
  }

  /** Reads one record from the base table (strongly consistent), whoever owns it. */
  async findById(strategyId: string): Promise<StrategyRecord | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { strategyId }, ConsistentRead: true }),
    );
    // Idempotency bookkeeping shares the table but has no owner: it is never a strategy.
    return Item && typeof Item.userId === "string" ? toRecord(Item) : undefined;
  }

  /** One page of a user's strategies, newest first, through the UserIdIndex. */
  async listByUser(userId: string, limit: number, startKey?: Record<string, unknown>): Promise<StrategyPage> {
    const page = await queryNewestByUser(this.client, this.tableName, userId, limit, startKey);
    return { records: page.items.map(toRecord), lastKey: page.lastKey };
  }
}
