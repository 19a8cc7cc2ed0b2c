import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { queryNewestByUser } from "@strategist/dynamo";
import type { Brand, BrandVoice } from "@strategist/schemas";

/** A voice as stored, in a brand item and as the snapshot on a strategy item. */
export interface VoiceItem {
  tone: string[];
  do: string[];
  dont: string[];
  bannedWords: string[];
  preferredHashtags: string[];
}

export function voiceToItem(voice: BrandVoice): VoiceItem {
  return { tone: voice.tone, do: voice.do, dont: voice.dont, bannedWords: voice.banned_words, preferredHashtags: voice.preferred_hashtags };
}

export function voiceFromItem(item: Partial<VoiceItem> | undefined): BrandVoice {
  return {
    tone: item?.tone ?? [],
    do: item?.do ?? [],
    dont: item?.dont ?? [],
    banned_words: item?.bannedWords ?? [],
    preferred_hashtags: item?.preferredHashtags ?? [],
  };
}

/** A brand profile as stored: the table's key and index attributes, the rest in camelCase like the strategies table. */
interface BrandItem {
  brandId: string;
  userId: string;
  name: string;
  industry: string;
  targetAudience: string;
  goals?: string;
  voice: VoiceItem;
  samplePosts: string[];
  defaultTimezone?: string;
  createdAt: string;
  updatedAt: string;
}

/** A brand with its owner, as the service handles it. */
export interface StoredBrand extends Brand {
  user_id: string;
}

/** A page of a user's brands and the key to continue from, if any. */
interface BrandPage {
  brands: StoredBrand[];
  lastKey?: Record<string, unknown>;
}

/** The write lost a race: the brand was created, changed or deleted by another request meanwhile. */
export class BrandWriteConflict extends Error {
  override name = "BrandWriteConflict";
}

function toItem(brand: StoredBrand): BrandItem {
  return {
    brandId: brand.id,
    userId: brand.user_id,
    name: brand.name,
    industry: brand.industry,
    targetAudience: brand.target_audience,
    ...(brand.goals !== undefined ? { goals: brand.goals } : {}),
    voice: voiceToItem(brand.voice),
    samplePosts: brand.sample_posts,
    ...(brand.default_timezone !== undefined ? { defaultTimezone: brand.default_timezone } : {}),
    createdAt: brand.created_at,
    updatedAt: brand.updated_at,
  };
}

function toBrand(item: Record<string, unknown>): StoredBrand {
  const row = item as unknown as BrandItem;
  return {
    id: row.brandId,
    user_id: row.userId,
    name: row.name,
    industry: row.industry,
    target_audience: row.targetAudience,
    ...(row.goals !== undefined ? { goals: row.goals } : {}),
    voice: voiceFromItem(row.voice),
    sample_posts: row.samplePosts ?? [],
    ...(row.defaultTimezone !== undefined ? { default_timezone: row.defaultTimezone } : {}),
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}

function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === "ConditionalCheckFailedException";
}

/** Brand profiles in DynamoDB; knows nothing of HTTP. */
export class BrandRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Stores a new brand; never overwrites an existing id. */
  async create(brand: StoredBrand): Promise<StoredBrand> {
    try {
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: toItem(brand), ConditionExpression: "attribute_not_exists(brandId)" }));
    } catch (error) {
      if (isConditionFailure(error)) throw new BrandWriteConflict(`brand ${brand.id} already exists`, { cause: error });
      throw error;
    }
    return brand;
  }

  /** Reads one brand from the base table (strongly consistent), whoever owns it. */
  async findById(brandId: string): Promise<StoredBrand | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { brandId }, ConsistentRead: true }));
    return Item ? toBrand(Item) : undefined;
  }

  /** Replaces a brand only if nobody changed it since `seenUpdatedAt` was read (optimistic concurrency). */
  async replace(brand: StoredBrand, seenUpdatedAt: string): Promise<StoredBrand> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: toItem(brand),
          ConditionExpression: "updatedAt = :seen AND userId = :owner",
          ExpressionAttributeValues: { ":seen": seenUpdatedAt, ":owner": brand.user_id },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new BrandWriteConflict(`brand ${brand.id} changed meanwhile`, { cause: error });
      throw error;
    }
    return brand;
  }

  /** Deletes a brand if it still belongs to `userId`; strategies written for it are kept. False when it was gone. */
  async delete(brandId: string, userId: string): Promise<boolean> {
    try {
      await this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: { brandId },
          ConditionExpression: "userId = :owner",
          ExpressionAttributeValues: { ":owner": userId },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** One page of a user's brands, newest first. */
  async listByUser(userId: string, limit: number, startKey?: Record<string, unknown>): Promise<BrandPage> {
    const page = await queryNewestByUser(this.client, this.tableName, userId, limit, startKey);
    return { brands: page.items.map(toBrand), lastKey: page.lastKey };
  }
}
