import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { keepIfStanding, type StrategyHead } from "../strategies/standing";

/** Sort key of a strategy's calendar feed in the strategy-items table (deleted with the strategy's partition). */
const FEED_KEY = "feed";
/** Random bytes in a feed token's secret: 256 bits, far past guessing. */
const SECRET_BYTES = 32;

/** A strategy's calendar feed as stored: only a hash of its secret, never the secret. */
export interface FeedItem {
  strategyId: string;
  itemKey: typeof FEED_KEY;
  userId: string;
  secretHash: string;
  approvedOnly: boolean;
  createdAt: string;
}

/** The sha-256 of a secret, hex: the secret has 256 random bits, so a fast hash is enough to keep it unrecoverable. */
function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** A new feed token, `<strategy id, base64url>~<secret>`, and the hash stored in its place. */
export function newFeedToken(strategyId: string): { token: string; secretHash: string } {
  const secret = randomBytes(SECRET_BYTES).toString("base64url");
  return { token: `${Buffer.from(strategyId, "utf8").toString("base64url")}~${secret}`, secretHash: hashSecret(secret) };
}

const TOKEN = /^([A-Za-z0-9_-]{1,300})~([A-Za-z0-9_-]{43})$/;

/** The strategy a token names and its secret, or undefined for anything that is not a feed token. */
export function parseFeedToken(token: string): { strategyId: string; secret: string } | undefined {
  const match = TOKEN.exec(token);
  if (!match) return undefined;
  return { strategyId: Buffer.from(match[1]!, "base64url").toString("utf8"), secret: match[2]! };
}

/** Whether a secret matches the stored hash (compared in constant time). */
export function secretMatches(secret: string, secretHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), "hex");
  const stored = Buffer.from(secretHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** Calendar feeds in the strategy-items table, one per strategy. Knows nothing of HTTP. */
export class FeedRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    /** A feed is kept only while its strategy stands (strategies/standing.ts). */
    private readonly head?: StrategyHead,
  ) {}

  async find(strategyId: string): Promise<FeedItem | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { strategyId, itemKey: FEED_KEY }, ConsistentRead: true }));
    return Item as FeedItem | undefined;
  }

  /** Stores the feed, replacing any earlier one: the earlier token stops working. */
  async put(item: Omit<FeedItem, "itemKey">): Promise<void> {
    await keepIfStanding(
      this.head,
      item.strategyId,
      () => this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...item, itemKey: FEED_KEY } })),
      () => this.client.send(new DeleteCommand({ TableName: this.tableName, Key: { strategyId: item.strategyId, itemKey: FEED_KEY } })),
    );
  }

  /** Changes whether the feed holds approved posts only; undefined when there is no feed. */
  async setApprovedOnly(strategyId: string, approvedOnly: boolean): Promise<FeedItem | undefined> {
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { strategyId, itemKey: FEED_KEY },
          UpdateExpression: "SET approvedOnly = :approvedOnly",
          ConditionExpression: "attribute_exists(itemKey)",
          ExpressionAttributeValues: { ":approvedOnly": approvedOnly },
          ReturnValues: "ALL_NEW",
        }),
      );
      return Attributes as FeedItem;
    } catch (error) {
      if (error instanceof Error && error.name === "ConditionalCheckFailedException") return undefined;
      throw error;
    }
  }

  async delete(strategyId: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: { strategyId, itemKey: FEED_KEY } }));
  }
}
