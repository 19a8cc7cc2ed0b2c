import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { queryNewestByUser } from "@strategist/dynamo";
import type { StrategyOutput, StrategyRecord, StrategySummary, TokenUsage } from "@strategist/schemas";
import { voiceFromItem, voiceToItem, type VoiceItem } from "../brands/repository";
import { StrategyDeletedError, type StrategyHead } from "./standing";

/** The strategies table item: the original attribute names, plus the model that wrote it and its usage. */
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
  /** Absent on records stored before strategies had versions: they are version 1. */
  version?: number;
  updatedAt?: string;
  /** Set when a delete of the strategy began: from then on it reads as gone and nothing new is kept under it. */
  deleting?: string;
}

/** A page of a user's strategies (whole or summaries) and the key to continue from, if any. */
interface StrategyPage<T = StrategyRecord> {
  records: T[];
  lastKey?: Record<string, unknown>;
}

/** The attributes a summary needs (plus the index keys, which a cursor is made of). */
const SUMMARY_PROJECTION = {
  ProjectionExpression: "#id, #user, #brand, #industry, #created, #updated, #model, #version, #deleting",
  ExpressionAttributeNames: {
    "#id": "strategyId",
    "#user": "userId",
    "#brand": "brandName",
    "#industry": "industry",
    "#created": "createdAt",
    "#updated": "updatedAt",
    "#model": "modelId",
    "#version": "version",
    "#deleting": "deleting",
  },
};

/** A strategy whose delete has begun is no longer listed. */
const standingItem = (item: Record<string, unknown>) => item.deleting === undefined;

function toSummary(item: Record<string, unknown>): StrategySummary {
  return {
    id: item.strategyId as string,
    brand_name: item.brandName as string,
    industry: item.industry as string,
    created_at: item.createdAt as string,
    ...(typeof item.updatedAt === "string" ? { updated_at: item.updatedAt } : {}),
    model: (item.modelId as string | undefined) ?? "unknown",
    version: typeof item.version === "number" ? item.version : 1,
  };
}

export class StrategyAlreadyExistsError extends Error {
  override name = "StrategyAlreadyExistsError";
}

/** The head item is no longer at the version a write was based on (or is gone). */
export class StrategyChangedError extends Error {
  override name = "StrategyChangedError";
}

function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === "ConditionalCheckFailedException";
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
    version: record.version,
    updatedAt: record.updated_at,
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
    version: row.version ?? 1,
    updated_at: row.updatedAt ?? row.createdAt,
  };
}

/** Strategy storage in DynamoDB (one item per strategy, listed by user through a GSI); knows nothing of HTTP. */
export class StrategyRepository implements StrategyHead {
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
      if (isConditionFailure(error)) {
        throw new StrategyAlreadyExistsError(`strategy ${record.id} already exists`, { cause: error });
      }
      throw error;
    }
    return record;
  }

  /**
   * Replaces the head item with the next version, only if it is still at `basedOn` and owned by the same user:
   * of two writes based on the same version exactly one succeeds, the other gets StrategyChangedError.
   */
  async replace(record: StrategyRecord, basedOn: number): Promise<StrategyRecord> {
    // Records from before versions have no version attribute and count as version 1.
    const current = basedOn === 1 ? "(#version = :basedOn OR attribute_not_exists(#version))" : "#version = :basedOn";
    const condition = `userId = :user AND ${current} AND attribute_not_exists(deleting)`;
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: toItem(record),
          ConditionExpression: condition,
          ExpressionAttributeNames: { "#version": "version" },
          ExpressionAttributeValues: { ":user": record.user_id, ":basedOn": basedOn },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      if (!(await this.standing(record.id))) throw new StrategyDeletedError(record.id);
      throw new StrategyChangedError(`strategy ${record.id} is no longer at version ${basedOn}`, { cause: error });
    }
    return record;
  }

  /**
   * Marks the head as being deleted (only while it exists and is the user's); from then on the strategy reads as gone
   * and every writer under it undoes its write. False when there was no such strategy to mark.
   */
  async markDeleting(strategyId: string, userId: string, at: string): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { strategyId },
          UpdateExpression: "SET deleting = if_not_exists(deleting, :at)",
          ConditionExpression: "attribute_exists(strategyId) AND userId = :user",
          ExpressionAttributeValues: { ":at": at, ":user": userId },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Deletes the head item (the strategy as listed); its items are the items repository's. */
  async delete(strategyId: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: { strategyId } }));
  }

  /** Whether the strategy exists and no delete of it has begun (strongly consistent). */
  async standing(strategyId: string): Promise<boolean> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { strategyId }, ConsistentRead: true, ProjectionExpression: "userId, deleting" }),
    );
    return typeof Item?.userId === "string" && Item.deleting === undefined;
  }

  /** Reads one record from the base table (strongly consistent), whoever owns it; a strategy being deleted reads as gone. */
  async findById(strategyId: string): Promise<StrategyRecord | undefined> {
    const head = await this.findHead(strategyId);
    return head && !head.deleting ? head.record : undefined;
  }

  /** The head item with its deletion mark, for the delete itself (which may finish a delete that stopped half-way). */
  async findHead(strategyId: string): Promise<{ record: StrategyRecord; deleting: boolean } | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { strategyId }, ConsistentRead: true }));
    // Idempotency bookkeeping shares the table but has no owner: it is never a strategy.
    return Item && typeof Item.userId === "string" ? { record: toRecord(Item), deleting: Item.deleting !== undefined } : undefined;
  }

  /** One page of a user's strategies, newest first, through the UserIdIndex. */
  async listByUser(userId: string, limit: number, startKey?: Record<string, unknown>): Promise<StrategyPage> {
    const page = await queryNewestByUser(this.client, this.tableName, userId, limit, startKey);
    return { records: page.items.filter(standingItem).map(toRecord), lastKey: page.lastKey };
  }

  /** The same page as listByUser, reading only the attributes of a summary. */
  async listSummariesByUser(userId: string, limit: number, startKey?: Record<string, unknown>): Promise<StrategyPage<StrategySummary>> {
    const page = await queryNewestByUser(this.client, this.tableName, userId, limit, startKey, SUMMARY_PROJECTION);
    return { records: page.items.filter(standingItem).map(toSummary), lastKey: page.lastKey };
  }
}
