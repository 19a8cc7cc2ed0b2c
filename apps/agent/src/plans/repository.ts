import { DeleteCommand, GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Plan, PlanPost, PlanPlatformId, PostStatus } from "@strategist/schemas";
import { instant } from "./schedule";

/** Sort keys of a plan's items in the strategy-items table. */
const PLAN_KEY = "plan";
const POST_PREFIX = "post#";

/** A plan and the id its posts carry; posts of an earlier plan (left by a crash mid-replace) never show. */
export interface StoredPlan {
  planId: string;
  userId: string;
  plan: Plan;
}

interface PlanItem {
  strategyId: string;
  itemKey: typeof PLAN_KEY;
  planId: string;
  userId: string;
  strategyVersion: number;
  timezone: string;
  startDate: string;
  weeks: number;
  createdAt: string;
  modelId: string;
  country?: string;
  unsupportedPlatforms?: string[];
}

interface PostItem {
  strategyId: string;
  itemKey: string;
  planId: string;
  postId: string;
  platform: PlanPlatformId;
  scheduledAt: string;
  pillar: string;
  theme: string;
  caption: string;
  hashtags: string[];
  visualPromptIndex?: number;
  /** What the post carries beyond its text, stored as the API names it: goal, visual_brief, format, script, cta_type, holiday. */
  copy?: Pick<PlanPost, (typeof COPY_FIELDS)[number]>;
  status: PostStatus;
  /** The request id of the rewrite that wrote the current caption, so a retry under its Idempotency-Key finds it. */
  rewriteId?: string;
}

/** Another request replaced the plan or changed the post first. */
export class PlanChangedError extends Error {
  override name = "PlanChangedError";
}

const WRITE_CONCURRENCY = 16;
/** A post's optional fields kept together in its item's `copy` attribute. */
const COPY_FIELDS = ["goal", "visual_brief", "format", "script", "cta_type", "holiday"] as const;

function copyOf(post: PlanPost): PostItem["copy"] | undefined {
  const copy = Object.fromEntries(COPY_FIELDS.filter((field) => post[field] !== undefined).map((field) => [field, post[field]]));
  return Object.keys(copy).length > 0 ? copy : undefined;
}

function postItem(strategyId: string, planId: string, post: PlanPost, rewriteId?: string): PostItem {
  return {
    strategyId,
    itemKey: `${POST_PREFIX}${post.id}`,
    planId,
    postId: post.id,
    platform: post.platform,
    scheduledAt: post.scheduled_at,
    pillar: post.pillar,
    theme: post.theme,
    caption: post.caption,
    hashtags: post.hashtags,
    ...(post.visual_prompt_index !== undefined ? { visualPromptIndex: post.visual_prompt_index } : {}),
    ...(copyOf(post) ? { copy: copyOf(post) } : {}),
    status: post.status,
    ...(rewriteId ? { rewriteId } : {}),
  };
}

function toPost(item: PostItem): PlanPost {
  return {
    id: item.postId,
    platform: item.platform,
    scheduled_at: item.scheduledAt,
    pillar: item.pillar,
    theme: item.theme,
    caption: item.caption,
    hashtags: item.hashtags ?? [],
    ...(item.visualPromptIndex !== undefined ? { visual_prompt_index: item.visualPromptIndex } : {}),
    ...item.copy,
    status: item.status,
  };
}

/** Posts in publishing order; ties (the same minute) keep a stable order by id. */
export function inTimeOrder(posts: PlanPost[]): PlanPost[] {
  return [...posts].sort((a, b) => instant(a.scheduled_at) - instant(b.scheduled_at) || a.id.localeCompare(b.id));
}

/**
 * A strategy's content plan in the strategy-items table: a `plan` item naming the current plan id, and one
 * `post#<postId>` item per post carrying that id. Knows nothing of HTTP.
 */
export class PlanRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The strategy's current plan with its posts in time order, if it has one. */
  async find(strategyId: string): Promise<StoredPlan | undefined> {
    const head = await this.head(strategyId);
    if (!head) return undefined;
    const posts = (await this.posts(strategyId)).filter((item) => item.planId === head.planId).map(toPost);
    return {
      planId: head.planId,
      userId: head.userId,
      plan: {
        strategy_id: strategyId,
        strategy_version: head.strategyVersion,
        timezone: head.timezone,
        start_date: head.startDate,
        weeks: head.weeks,
        created_at: head.createdAt,
        model: head.modelId,
        ...(head.country ? { country: head.country } : {}),
        ...(head.unsupportedPlatforms?.length ? { unsupported_platforms: head.unsupportedPlatforms } : {}),
        posts: inTimeOrder(posts),
      },
    };
  }

  /**
   * Stores a new plan in place of the current one. The posts are written first and the `plan` item last, on the
   * condition that the plan it replaces is still current, so a reader sees the old plan or the new one, never a mix;
   * the old plan's posts are deleted afterwards. Throws PlanChangedError when another plan got there first.
   */
  async replace(userId: string, planId: string, plan: Plan): Promise<void> {
    const strategyId = plan.strategy_id;
    const previous = await this.head(strategyId);
    await this.inParallel(plan.posts, (post) => this.client.send(new PutCommand({ TableName: this.tableName, Item: postItem(strategyId, planId, post) })));
    const item: PlanItem = {
      strategyId,
      itemKey: PLAN_KEY,
      planId,
      userId,
      strategyVersion: plan.strategy_version,
      timezone: plan.timezone,
      startDate: plan.start_date,
      weeks: plan.weeks,
      createdAt: plan.created_at,
      modelId: plan.model,
      ...(plan.country ? { country: plan.country } : {}),
      ...(plan.unsupported_platforms?.length ? { unsupportedPlatforms: plan.unsupported_platforms } : {}),
    };
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ...(previous
            ? { ConditionExpression: "planId = :previous", ExpressionAttributeValues: { ":previous": previous.planId } }
            : { ConditionExpression: "attribute_not_exists(itemKey)" }),
        }),
      );
    } catch (error) {
      if (error instanceof Error && error.name === "ConditionalCheckFailedException") {
        await this.deletePosts(strategyId, (post) => post.planId === planId);
        throw new PlanChangedError("the plan was replaced by another request", { cause: error });
      }
      throw error;
    }
    await this.deletePosts(strategyId, (post) => post.planId !== planId);
  }

  /** One post of the current plan. */
  async findPost(strategyId: string, planId: string, postId: string): Promise<(PlanPost & { rewriteId?: string }) | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { strategyId, itemKey: `${POST_PREFIX}${postId}` }, ConsistentRead: true }),
    );
    const item = Item as PostItem | undefined;
    if (!item || item.planId !== planId) return undefined;
    return { ...toPost(item), ...(item.rewriteId ? { rewriteId: item.rewriteId } : {}) };
  }

  /** Overwrites a post of the current plan; PlanChangedError when the post or its plan is gone. */
  async updatePost(strategyId: string, planId: string, post: PlanPost, rewriteId?: string): Promise<PlanPost> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: postItem(strategyId, planId, post, rewriteId),
          ConditionExpression: "planId = :planId",
          ExpressionAttributeValues: { ":planId": planId },
        }),
      );
    } catch (error) {
      if (error instanceof Error && error.name === "ConditionalCheckFailedException") {
        throw new PlanChangedError("the post's plan was replaced", { cause: error });
      }
      throw error;
    }
    return post;
  }

  private async head(strategyId: string): Promise<PlanItem | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { strategyId, itemKey: PLAN_KEY }, ConsistentRead: true }));
    return Item as PlanItem | undefined;
  }

  private async posts(strategyId: string): Promise<PostItem[]> {
    const items: PostItem[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: "strategyId = :strategyId AND begins_with(itemKey, :prefix)",
          ExpressionAttributeValues: { ":strategyId": strategyId, ":prefix": POST_PREFIX },
          ConsistentRead: true,
          ExclusiveStartKey,
        }),
      );
      items.push(...((page.Items ?? []) as PostItem[]));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  }

  private async deletePosts(strategyId: string, which: (post: PostItem) => boolean): Promise<void> {
    const doomed = (await this.posts(strategyId)).filter(which);
    await this.inParallel(doomed, (post) => this.client.send(new DeleteCommand({ TableName: this.tableName, Key: { strategyId, itemKey: post.itemKey } })));
  }

  /** Runs one single-item write per element, a few at a time (single-item writes keep the IAM policy to Put/Delete). */
  private async inParallel<T>(items: T[], write: (item: T) => Promise<unknown>): Promise<void> {
    for (let start = 0; start < items.length; start += WRITE_CONCURRENCY) {
      await Promise.all(items.slice(start, start + WRITE_CONCURRENCY).map(write));
    }
  }
}
