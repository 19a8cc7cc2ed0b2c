import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Plan, PlanPost, PlanPlatformId, PostStatus } from "@strategist/schemas";
import { keepIfStanding, StrategyDeletedError, type StrategyHead } from "../strategies/standing";
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
  /** What the results changed, one sentence each. */
  insightsUsed?: string[];
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
  /** The article the post was written from, with its UTM tags. */
  link?: string;
  /** What the post carries beyond its text, stored as the API names it: goal, visual_brief, format, script, cta_type, holiday. */
  copy?: Pick<PlanPost, (typeof COPY_FIELDS)[number]>;
  status: PostStatus;
  /** The request id of the rewrite that wrote the current caption, so a retry under its Idempotency-Key finds it. */
  rewriteId?: string;
  /** Bumped by every edit; an edit is conditional on the revision it read (absent: 0). */
  revision?: number;
}

/** Another request replaced the plan or changed the post first. */
export class PlanChangedError extends Error {
  override name = "PlanChangedError";
}

/** Another edit of the same post was stored since this one read it. */
export class PostChangedError extends Error {
  override name = "PostChangedError";
}

/** A stored post with what a conditional edit needs: the revision it is at and the rewrite that wrote it. */
export type StoredPost = PlanPost & { rewriteId?: string; revision: number };

const WRITE_CONCURRENCY = 16;
/** A post's optional fields kept together in its item's `copy` attribute. */
const COPY_FIELDS = ["goal", "visual_brief", "format", "script", "cta_type", "holiday"] as const;

function copyOf(post: PlanPost): PostItem["copy"] | undefined {
  const copy = Object.fromEntries(COPY_FIELDS.filter((field) => post[field] !== undefined).map((field) => [field, post[field]]));
  return Object.keys(copy).length > 0 ? copy : undefined;
}

function postItem(strategyId: string, planId: string, post: PlanPost, rewriteId?: string, revision?: number): PostItem {
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
    ...(post.link !== undefined ? { link: post.link } : {}),
    ...(copyOf(post) ? { copy: copyOf(post) } : {}),
    status: post.status,
    ...(rewriteId ? { rewriteId } : {}),
    ...(revision ? { revision } : {}),
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
    ...(item.link !== undefined ? { link: item.link } : {}),
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
    /** Every write is kept only while the strategy stands (strategies/standing.ts). */
    private readonly strategyHead?: StrategyHead,
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
        insights_used: head.insightsUsed ?? [],
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
    await keepIfStanding(
      this.strategyHead,
      strategyId,
      () => this.write(userId, planId, plan),
      () => this.discard(strategyId, planId),
    );
  }

  private async write(userId: string, planId: string, plan: Plan): Promise<void> {
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
      ...(plan.insights_used?.length ? { insightsUsed: plan.insights_used } : {}),
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
        await this.unlessGone(strategyId);
        throw new PlanChangedError("the plan was replaced by another request", { cause: error });
      }
      throw error;
    }
    await this.deletePosts(strategyId, (post) => post.planId !== planId);
  }

  /** Removes a plan this request wrote under a strategy that is being deleted: its posts, and its `plan` item if current. */
  private async discard(strategyId: string, planId: string): Promise<void> {
    await this.deletePosts(strategyId, (post) => post.planId === planId);
    await this.client
      .send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: { strategyId, itemKey: PLAN_KEY },
          ConditionExpression: "planId = :planId",
          ExpressionAttributeValues: { ":planId": planId },
        }),
      )
      .catch((error: unknown) => {
        if (!(error instanceof Error && error.name === "ConditionalCheckFailedException")) throw error;
      });
  }

  /** Throws StrategyDeletedError when the strategy's delete has begun (a lost write is then a 404, not a conflict). */
  private async unlessGone(strategyId: string): Promise<void> {
    if (this.strategyHead && !(await this.strategyHead.standing(strategyId))) throw new StrategyDeletedError(strategyId);
  }

  /**
   * Adds posts to the current plan `planId`, whose weeks become `weeks` (so the plan covers the new posts). The
   * posts are written first, then the `plan` item on the condition that `planId` is still current; when another
   * request replaced the plan meanwhile, the new posts are deleted and PlanChangedError is thrown.
   */
  async addPosts(strategyId: string, planId: string, posts: PlanPost[], weeks: number): Promise<void> {
    const added = new Set(posts.map((post) => post.id));
    await keepIfStanding(
      this.strategyHead,
      strategyId,
      () => this.writeAdded(strategyId, planId, posts, weeks),
      () => this.deletePosts(strategyId, (post) => added.has(post.postId)),
    );
  }

  private async writeAdded(strategyId: string, planId: string, posts: PlanPost[], weeks: number): Promise<void> {
    const head = await this.head(strategyId);
    if (!head || head.planId !== planId) throw new PlanChangedError("the plan was replaced by another request");
    await this.inParallel(posts, (post) => this.client.send(new PutCommand({ TableName: this.tableName, Item: postItem(strategyId, planId, post) })));
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...head, weeks: Math.max(head.weeks, weeks) },
          ConditionExpression: "planId = :planId",
          ExpressionAttributeValues: { ":planId": planId },
        }),
      );
    } catch (error) {
      if (error instanceof Error && error.name === "ConditionalCheckFailedException") {
        const added = new Set(posts.map((post) => post.id));
        await this.deletePosts(strategyId, (post) => added.has(post.postId));
        throw new PlanChangedError("the plan was replaced by another request", { cause: error });
      }
      throw error;
    }
  }

  /** One post of the current plan. */
  async findPost(strategyId: string, planId: string, postId: string): Promise<StoredPost | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { strategyId, itemKey: `${POST_PREFIX}${postId}` }, ConsistentRead: true }),
    );
    const item = Item as PostItem | undefined;
    if (!item || item.planId !== planId) return undefined;
    return { ...toPost(item), ...(item.rewriteId ? { rewriteId: item.rewriteId } : {}), revision: item.revision ?? 0 };
  }

  /**
   * Overwrites a post of the current plan, only if it is still at `basedOn` (the revision read before the edit):
   * of concurrent edits of one post exactly one is stored, the others get PostChangedError. PlanChangedError when the
   * post or its plan is gone; StrategyDeletedError when the strategy's delete has begun.
   */
  async updatePost(strategyId: string, planId: string, post: PlanPost, basedOn: number, rewriteId?: string): Promise<PlanPost> {
    const key = { strategyId, itemKey: `${POST_PREFIX}${post.id}` };
    const write = async () => {
      try {
        await this.client.send(
          new PutCommand({
            TableName: this.tableName,
            Item: postItem(strategyId, planId, post, rewriteId, basedOn + 1),
            ConditionExpression: basedOn === 0 ? "planId = :planId AND attribute_not_exists(revision)" : "planId = :planId AND revision = :basedOn",
            ExpressionAttributeValues: { ":planId": planId, ...(basedOn === 0 ? {} : { ":basedOn": basedOn }) },
          }),
        );
      } catch (error) {
        if (!(error instanceof Error && error.name === "ConditionalCheckFailedException")) throw error;
        await this.unlessGone(strategyId);
        const current = await this.findPost(strategyId, planId, post.id);
        if (!current) throw new PlanChangedError("the post's plan was replaced", { cause: error });
        throw new PostChangedError("the post was changed by another request", { cause: error });
      }
    };
    await keepIfStanding(this.strategyHead, strategyId, write, () => this.client.send(new DeleteCommand({ TableName: this.tableName, Key: key })));
    return post;
  }

  /**
   * Sets one status on posts of the current plan, each by a conditional update (still of plan `planId`), so a post of
   * a replaced plan is never written. Returns how many posts had another status before; PlanChangedError when the plan
   * was replaced meanwhile.
   */
  async setStatus(strategyId: string, planId: string, postIds: string[], status: PostStatus): Promise<number> {
    let changed = 0;
    try {
      await this.inParallel(postIds, async (postId) => {
        const { Attributes } = await this.client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: { strategyId, itemKey: `${POST_PREFIX}${postId}` },
            // A bulk change is an edit too: it moves the revision, so a PATCH read before it gets 409.
            UpdateExpression: "SET #status = :status, revision = if_not_exists(revision, :zero) + :one",
            ConditionExpression: "planId = :planId",
            ExpressionAttributeNames: { "#status": "status" },
            ExpressionAttributeValues: { ":status": status, ":planId": planId, ":zero": 0, ":one": 1 },
            ReturnValues: "UPDATED_OLD",
          }),
        );
        if (Attributes?.status !== status) changed++;
      });
    } catch (error) {
      if (error instanceof Error && error.name === "ConditionalCheckFailedException") {
        throw new PlanChangedError("the posts' plan was replaced", { cause: error });
      }
      throw error;
    }
    return changed;
  }

  /** Deletes one post of the current plan; false when it is not there. */
  async deletePost(strategyId: string, planId: string, postId: string): Promise<boolean> {
    try {
      await this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: { strategyId, itemKey: `${POST_PREFIX}${postId}` },
          ConditionExpression: "planId = :planId",
          ExpressionAttributeValues: { ":planId": planId },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === "ConditionalCheckFailedException") return false;
      throw error;
    }
  }

  /** Deletes the plan: its `plan` item first (so it stops showing at once), then every post. */
  async deletePlan(strategyId: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: { strategyId, itemKey: PLAN_KEY } }));
    await this.deletePosts(strategyId, () => true);
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
