import { DeleteCommand, GetCommand, PutCommand, QueryCommand, ScanCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { ACTIVE_JOBS_INDEX, STRATEGY_ID_INDEX } from "@strategist/dynamo";
import type { ImageJobStatus } from "@strategist/schemas";

/** An image job as stored in the image-jobs table. */
export interface ImageJobItem {
  jobId: string;
  userId: string;
  strategyId: string;
  prompt: string;
  /** Where the prompt came from: `prompt_index:<n>` or `post:<postId>`. */
  source: string;
  /** The planned post the picture is for, when it is for one. */
  postId?: string;
  modelId: string;
  status: ImageJobStatus;
  progress: number;
  /** Claims so far: each claim is one attempt at the model. */
  attempts: number;
  /** Bumped by every write; a claim is conditional on the version it read. */
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Epoch ms before which a queued job is not claimed (retry backoff). */
  availableAt: number;
  /** The claim token of the worker running the job, while processing. */
  leaseOwner?: string;
  /** Epoch ms when the running worker's lease lapses; past it the job may be claimed again. */
  leaseExpiresAt?: number;
  /** Set only while queued or processing: the sparse ActiveJobsIndex key. */
  activeUserId?: string;
  imageKey?: string;
  width?: number;
  height?: number;
  contentType?: string;
  /** Why a failed job failed, in words the user can act on. */
  errorDetail?: string;
  /** The last model failure, kept while the job waits for a retry. */
  lastError?: string;
  /** The W3C trace context of the request that queued the job, when it was traced: the worker's span links to it. */
  traceparent?: string;
}

/** A new job, queued now: the one shape every job starts from. */
export function queuedJob(
  fields: Pick<ImageJobItem, "jobId" | "userId" | "strategyId" | "prompt" | "source" | "modelId" | "postId" | "traceparent">,
  now: Date,
): ImageJobItem {
  return {
    ...fields,
    status: "queued",
    progress: 0,
    attempts: 0,
    version: 0,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    availableAt: now.getTime(),
    activeUserId: fields.userId,
  };
}

/** A page of a strategy's jobs and the key to continue from, if any. */
interface ImageJobPage {
  jobs: ImageJobItem[];
  lastKey?: Record<string, unknown>;
}

const isConditionFailure = (error: unknown) => error instanceof Error && error.name === "ConditionalCheckFailedException";

/** Image jobs in DynamoDB; every state change is a conditional write, so concurrent workers never both win. */
export class ImageJobRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(job: ImageJobItem): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: job, ConditionExpression: "attribute_not_exists(jobId)" }));
  }

  async get(jobId: string): Promise<ImageJobItem | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { jobId }, ConsistentRead: true }));
    return Item as ImageJobItem | undefined;
  }

  /** Jobs of a user still queued or processing (the sparse index holds only those). */
  async countActive(userId: string): Promise<number> {
    let count = 0;
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: ACTIVE_JOBS_INDEX,
          KeyConditionExpression: "activeUserId = :userId",
          ExpressionAttributeValues: { ":userId": userId },
          Select: "COUNT",
          ExclusiveStartKey,
        }),
      );
      count += page.Count ?? 0;
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return count;
  }

  /** Id and creation time of every job not yet completed or failed, for the sweep and the queue gauges. */
  async activeJobs(): Promise<{ jobId: string; createdAt: string }[]> {
    const jobs: { jobId: string; createdAt: string }[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(new ScanCommand({ TableName: this.tableName, IndexName: ACTIVE_JOBS_INDEX, ExclusiveStartKey }));
      jobs.push(...(page.Items ?? []).map((item) => ({ jobId: item.jobId as string, createdAt: item.createdAt as string })));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return jobs;
  }

  /** Ids of every job not yet completed or failed, for the sweep. */
  async activeJobIds(): Promise<string[]> {
    return (await this.activeJobs()).map((job) => job.jobId);
  }

  /** One page of a strategy's jobs, newest first. */
  async listByStrategy(strategyId: string, limit: number, startKey?: Record<string, unknown>): Promise<ImageJobPage> {
    const jobs: ImageJobItem[] = [];
    let exclusiveStartKey = startKey;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: STRATEGY_ID_INDEX,
          KeyConditionExpression: "strategyId = :strategyId",
          ExpressionAttributeValues: { ":strategyId": strategyId },
          ScanIndexForward: false,
          Limit: limit - jobs.length,
          ExclusiveStartKey: exclusiveStartKey,
        }),
      );
      jobs.push(...((page.Items ?? []) as ImageJobItem[]));
      exclusiveStartKey = page.LastEvaluatedKey;
    } while (exclusiveStartKey && jobs.length < limit);
    return { jobs, lastKey: exclusiveStartKey };
  }

  async delete(jobId: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: { jobId } }));
  }

  /**
   * Takes a job out of the running for good, whatever its state (its strategy is being deleted): failed, without a
   * lease, so a worker still drawing it can no longer complete it.
   */
  async retire(jobId: string, now: Date): Promise<void> {
    await this.transition(
      jobId,
      { expression: "attribute_exists(#status)", values: {} },
      { status: "failed", errorDetail: "The strategy was deleted" },
      ["leaseOwner", "leaseExpiresAt", "activeUserId"],
      now,
    );
  }

  /**
   * Applies a change only if `guard` still holds; returns the job after it, or undefined when another writer got
   * there first. Every change bumps the version and the update time.
   */
  private async transition(
    jobId: string,
    guard: { expression: string; values: Record<string, unknown> },
    set: Record<string, unknown>,
    remove: string[],
    now: Date,
  ): Promise<ImageJobItem | undefined> {
    const names: Record<string, string> = { "#status": "status", "#version": "version" };
    const values: Record<string, unknown> = { ...guard.values, ":one": 1, ":updatedAt": now.toISOString() };
    const assignments = ["#version = #version + :one", "updatedAt = :updatedAt"];
    for (const [field, value] of Object.entries(set)) {
      if (field === "attempts") {
        assignments.push("attempts = attempts + :one");
        continue;
      }
      names[`#${field}`] = field;
      values[`:${field}`] = value;
      assignments.push(`#${field} = :${field}`);
    }
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { jobId },
          UpdateExpression: `SET ${assignments.join(", ")}${remove.length ? ` REMOVE ${remove.join(", ")}` : ""}`,
          ConditionExpression: `attribute_exists(jobId) AND ${guard.expression}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: "ALL_NEW",
        }),
      );
      return Attributes as ImageJobItem;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  private static readonly unchanged = (job: ImageJobItem) => ({ expression: "#version = :seen", values: { ":seen": job.version } });
  private static readonly heldBy = (owner: string) => ({
    expression: "#status = :processing AND leaseOwner = :owner",
    values: { ":processing": "processing", ":owner": owner },
  });

  /** Takes a job the caller saw claimable, as long as nobody changed it since: status processing under a lease. */
  claim(job: ImageJobItem, owner: string, leaseExpiresAt: number, now: Date): Promise<ImageJobItem | undefined> {
    return this.transition(
      job.jobId,
      ImageJobRepository.unchanged(job),
      { status: "processing", progress: 10, leaseOwner: owner, leaseExpiresAt, attempts: 1 },
      [],
      now,
    );
  }

  /** Records progress of the running worker; undefined when it no longer holds the job. */
  progress(jobId: string, owner: string, progress: number, now: Date): Promise<ImageJobItem | undefined> {
    return this.transition(jobId, ImageJobRepository.heldBy(owner), { progress }, [], now);
  }

  complete(
    jobId: string,
    owner: string,
    image: { imageKey: string; width: number; height: number; contentType: string },
    now: Date,
  ): Promise<ImageJobItem | undefined> {
    return this.transition(
      jobId,
      ImageJobRepository.heldBy(owner),
      { status: "completed", progress: 100, ...image },
      ["leaseOwner", "leaseExpiresAt", "activeUserId", "lastError"],
      now,
    );
  }

  /** Puts a failed attempt back in the queue until `availableAt`. */
  requeue(jobId: string, owner: string, availableAt: number, lastError: string, now: Date): Promise<ImageJobItem | undefined> {
    return this.transition(
      jobId,
      ImageJobRepository.heldBy(owner),
      { status: "queued", progress: 0, availableAt, lastError },
      ["leaseOwner", "leaseExpiresAt"],
      now,
    );
  }

  /** Fails the job: held by `owner`, or (for a job whose workers kept dying) unchanged since `seen` was read. */
  fail(jobId: string, by: { owner: string } | { seen: ImageJobItem }, errorDetail: string, now: Date): Promise<ImageJobItem | undefined> {
    const guard = "owner" in by ? ImageJobRepository.heldBy(by.owner) : ImageJobRepository.unchanged(by.seen);
    return this.transition(jobId, guard, { status: "failed", errorDetail }, ["leaseOwner", "leaseExpiresAt", "activeUserId"], now);
  }
}
