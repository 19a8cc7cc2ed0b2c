import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import type { FastifyBaseLogger } from "fastify";
import { context, propagation } from "@opentelemetry/api";
import type { Metrics } from "@strategist/telemetry";
import {
  maxImagesPerPost,
  type ImageJob,
  type ImageJobAccepted,
  type ImageJobRequest,
  type PostImagesAccepted,
  type PostImagesRequest,
} from "@strategist/schemas";
import { AppError } from "../core/errors";
import { invalidCursor, type CursorCodec } from "../core/cursor";
import type { StrategyService } from "../strategies/service";
import { keepIfStanding, type StrategyHead } from "../strategies/standing";
import type { ImageModelCatalog } from "../models/image-models";
import type { ImageJobQueue } from "./queue";
import { queuedJob, type ImageJobItem, type ImageJobRepository } from "./repository";
import { imageKey, type ImageStore } from "./storage";

/** A planned post to draw: its id, platform and prompt. */
export interface PostToDraw {
  id: string;
  platform: string;
  prompt: string;
}

/** Planned posts to draw, from the content plan: by id or every post of a week; `unknown` holds the positions of ids that name none. */
export interface PostPrompts {
  imagePosts(strategyId: string, selection: { post_ids?: string[]; week_start?: string }): Promise<{ posts: PostToDraw[]; unknown: number[] }>;
}

/** Admission shared with every model-calling route: rate and global cap (the limits may be async). */
export interface GenerationAdmission {
  acquire(userId: string): (() => void | Promise<void>) | Promise<() => void | Promise<void>>;
}

interface ImageServiceDeps {
  repository: ImageJobRepository;
  store: ImageStore;
  models: ImageModelCatalog;
  strategies: Pick<StrategyService, "get">;
  queue: ImageJobQueue;
  cursors: CursorCodec;
  limits: GenerationAdmission;
  /** Queued and running jobs one user may have (IMAGE_JOBS_MAX_ACTIVE_PER_USER); past it, 429. */
  maxActivePerUser: number;
  posts?: PostPrompts;
  /** A job is kept, and readable, only while its strategy stands (strategies/standing.ts). */
  head?: StrategyHead;
  clock?: () => Date;
  /** Counts queued jobs (`strategist_image_jobs_total{state="queued"}`). */
  metrics?: Pick<Metrics, "countImageJob">;
}

/** Seconds a user is asked to wait when they have too many image jobs running. */
const BUSY_RETRY_AFTER_SECONDS = 5;

/**
 * The image use cases: queue a job for a strategy's visual prompt, read a job (with a presigned link once done),
 * list a strategy's jobs, stream an image to its owner, and delete a strategy's jobs and objects.
 */
export class ImageService {
  /** As a StrategyDependent: deleting a strategy deletes its image jobs and their objects. */
  readonly name = "images";
  private readonly clock: () => Date;

  constructor(private readonly deps: ImageServiceDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  async enqueue(userId: string, strategyId: string, request: ImageJobRequest, log: FastifyBaseLogger): Promise<ImageJobAccepted> {
    const strategy = await this.deps.strategies.get(userId, strategyId, log);
    const modelId = request.model ?? this.deps.models.defaultId;
    if (!this.deps.models.has(modelId)) throw new AppError("validation", { fields: [{ field: "model", message: "Unknown or disabled image model" }] });
    let prompt: string | undefined;
    let source: string;
    if (request.prompt_index !== undefined) {
      prompt = strategy.strategy_output.visual_prompts[request.prompt_index];
      source = `prompt_index:${request.prompt_index}`;
      if (!prompt) throw new AppError("validation", { fields: [{ field: "prompt_index", message: "The strategy has no visual prompt at this index" }] });
    } else {
      const { posts } = (await this.deps.posts?.imagePosts(strategyId, { post_ids: [request.post_id!] })) ?? { posts: [] };
      const post = posts[0];
      if (!post) throw new AppError("validation", { fields: [{ field: "post_id", message: "No post of the current plan has this id" }] });
      const pictures = (await this.postJobs(strategyId)).get(post.id)?.filter((job) => job.status !== "failed").length ?? 0;
      if (pictures >= maxImagesPerPost(post.platform)) {
        throw new AppError("validation", {
          fields: [{ field: "post_id", message: `The post already has ${pictures} picture${pictures === 1 ? "" : "s"}, the most its platform takes` }],
        });
      }
      prompt = post.prompt;
      source = `post:${post.id}`;
    }
    await this.admitActive(userId);
    const [job] = await this.queueJobs(userId, strategyId, modelId, [{ prompt, source, ...(request.post_id ? { postId: request.post_id } : {}) }], log);
    return { job_id: job!.jobId, status: "queued", created_at: job!.createdAt };
  }

  /**
   * A picture for each chosen post, or for every post of a week, in one call: posts that already carry as many
   * pictures as their platform takes are skipped. The batch counts as one request against the user's active-job
   * limit and the generation admission.
   */
  async enqueueForPosts(userId: string, strategyId: string, request: PostImagesRequest, log: FastifyBaseLogger): Promise<PostImagesAccepted> {
    await this.deps.strategies.get(userId, strategyId, log);
    const modelId = request.model ?? this.deps.models.defaultId;
    if (!this.deps.models.has(modelId)) throw new AppError("validation", { fields: [{ field: "model", message: "Unknown or disabled image model" }] });
    const selection = request.post_ids ? { post_ids: request.post_ids } : { week_start: request.week_start! };
    const { posts, unknown } = (await this.deps.posts?.imagePosts(strategyId, selection)) ?? {
      posts: [],
      unknown: (request.post_ids ?? []).map((_, index) => index),
    };
    if (unknown.length > 0) {
      throw new AppError("validation", {
        fields: unknown.map((index) => ({ field: `post_ids.${index}`, message: "No post of the current plan has this id" })),
      });
    }
    const existing = await this.postJobs(strategyId);
    const wanted = posts.filter((post) => (existing.get(post.id)?.filter((job) => job.status !== "failed").length ?? 0) === 0);
    const skipped = posts.filter((post) => !wanted.includes(post)).map((post) => post.id);
    if (wanted.length === 0) return { jobs: [], skipped };
    await this.admitActive(userId);
    const jobs = await this.queueJobs(
      userId,
      strategyId,
      modelId,
      wanted.map((post) => ({ prompt: post.prompt, source: `post:${post.id}`, postId: post.id })),
      log,
    );
    return { jobs: jobs.map((job) => ({ post_id: job.postId!, job_id: job.jobId })), skipped };
  }

  /** Every job of one post of the strategy, newest first (the strategy must be the user's). */
  async listForPost(userId: string, strategyId: string, postId: string, log: FastifyBaseLogger): Promise<ImageJob[]> {
    await this.deps.strategies.get(userId, strategyId, log);
    const jobs = (await this.postJobs(strategyId)).get(postId) ?? [];
    return Promise.all(jobs.map((job) => this.toApi(job)));
  }

  /** Deletes the jobs and objects of the strategy's posts that are not in `keep` (a post or a plan gone). */
  async deleteForPostsExcept(strategyId: string, keep: ReadonlySet<string>, log: FastifyBaseLogger): Promise<void> {
    let deleted = 0;
    for (const [postId, jobs] of await this.postJobs(strategyId)) {
      if (keep.has(postId)) continue;
      for (const job of jobs) {
        await this.deps.store.delete(imageKey(job.strategyId, job.jobId));
        await this.deps.repository.delete(job.jobId);
        deleted++;
      }
    }
    if (deleted > 0) log.info({ strategy_id: strategyId, image_jobs_deleted: deleted }, "image jobs of removed posts deleted");
  }

  private async admitActive(userId: string): Promise<void> {
    if ((await this.deps.repository.countActive(userId)) >= this.deps.maxActivePerUser) {
      throw new AppError("image_jobs_busy", { retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS, limit: "image_jobs_active_per_user" });
    }
  }

  /** Stores queued jobs under one generation admission, then wakes a worker for each. */
  private async queueJobs(
    userId: string,
    strategyId: string,
    modelId: string,
    sources: { prompt: string; source: string; postId?: string }[],
    log: FastifyBaseLogger,
  ): Promise<ImageJobItem[]> {
    const release = await this.deps.limits.acquire(userId);
    const now = this.clock();
    // The request's trace context (none when tracing is off), so the worker's span links back to this request.
    const carrier: { traceparent?: string } = {};
    propagation.inject(context.active(), carrier);
    const jobs = sources.map((source) => queuedJob({ jobId: randomUUID(), userId, strategyId, modelId, traceparent: carrier.traceparent, ...source }, now));
    try {
      await keepIfStanding(
        this.deps.head,
        strategyId,
        async () => {
          for (const job of jobs) await this.deps.repository.create(job);
        },
        () => Promise.all(jobs.map((job) => this.deps.repository.delete(job.jobId))),
      );
    } finally {
      await release();
    }
    for (const job of jobs) {
      await this.deps.queue
        .send(job.jobId)
        .catch((error) => log.warn({ err: error, job_id: job.jobId }, "image job wake-up not sent; the sweep picks the job up"));
      this.deps.metrics?.countImageJob("queued");
      log.info({ job_id: job.jobId, strategy_id: strategyId, model: modelId, source: job.source }, "image job queued");
    }
    return jobs;
  }

  /** The strategy's jobs made for posts, by post id, newest first. */
  private async postJobs(strategyId: string): Promise<Map<string, ImageJobItem[]>> {
    const byPost = new Map<string, ImageJobItem[]>();
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.deps.repository.listByStrategy(strategyId, 100, startKey);
      for (const job of page.jobs) if (job.postId) byPost.set(job.postId, [...(byPost.get(job.postId) ?? []), job]);
      startKey = page.lastKey;
    } while (startKey);
    return byPost;
  }

  /** One job of the user's; 404 when missing, 403 when someone else's. */
  async get(userId: string, jobId: string, log: FastifyBaseLogger): Promise<ImageJob> {
    return this.toApi(await this.owned(userId, jobId, log));
  }

  /** The finished image's bytes, for the owner only (the web shows images through this route). */
  async content(userId: string, jobId: string, log: FastifyBaseLogger): Promise<{ body: Readable; contentType: string; contentLength?: number }> {
    const job = await this.owned(userId, jobId, log);
    if (job.status !== "completed" || !job.imageKey) throw new AppError("job_not_found", { message: "the job has no image yet" });
    const object = await this.deps.store.read(job.imageKey);
    return { body: object.body, contentType: job.contentType ?? object.contentType ?? "image/png", contentLength: object.contentLength };
  }

  /** A strategy's jobs, newest first, one page at a time (the strategy must be the user's). */
  async list(
    userId: string,
    strategyId: string,
    limit: number,
    cursor: string | undefined,
    log: FastifyBaseLogger,
  ): Promise<{ jobs: ImageJob[]; nextCursor?: string }> {
    await this.deps.strategies.get(userId, strategyId, log);
    const startKey = this.deps.cursors.startKey(userId, cursor, "images");
    if (startKey && startKey.strategyId !== strategyId) throw invalidCursor();
    const page = await this.deps.repository.listByStrategy(strategyId, limit, startKey);
    return {
      jobs: await Promise.all(page.jobs.map((job) => this.toApi(job))),
      nextCursor: page.lastKey ? this.deps.cursors.encode(userId, page.lastKey, "images") : undefined,
    };
  }

  /** The completed jobs of a strategy's posts, by post id, oldest first (for the plan's calendar links). */
  async completedByPost(strategyId: string): Promise<Record<string, string[]>> {
    const byPost: Record<string, string[]> = {};
    for (const [postId, jobs] of await this.postJobs(strategyId)) {
      const completed = jobs.filter((job) => job.status === "completed").map((job) => job.jobId);
      if (completed.length > 0) byPost[postId] = completed.reverse();
    }
    return byPost;
  }

  /** A completed job's picture when the job belongs to the strategy (for a feed, whose token the caller checked). */
  async contentOf(strategyId: string, jobId: string): Promise<{ body: Readable; contentType: string; contentLength?: number } | undefined> {
    const job = await this.deps.repository.get(jobId);
    if (!job || job.strategyId !== strategyId || job.status !== "completed" || !job.imageKey) return undefined;
    const object = await this.deps.store.read(job.imageKey);
    return { body: object.body, contentType: job.contentType ?? object.contentType ?? "image/png", contentLength: object.contentLength };
  }

  /**
   * Deletes every job of a strategy and its object (called when the strategy is deleted). Each job is first retired
   * (failed, its lease taken away) so a worker still drawing it cannot complete it and removes what it stored.
   */
  async deleteFor(strategyId: string, log: FastifyBaseLogger): Promise<void> {
    let startKey: Record<string, unknown> | undefined;
    let deleted = 0;
    do {
      const page = await this.deps.repository.listByStrategy(strategyId, 100, startKey);
      for (const job of page.jobs) {
        // The object first: a crash in between leaves a job pointing at nothing, never an object nobody knows.
        await this.deps.repository.retire(job.jobId, this.clock());
        await this.deps.store.delete(imageKey(job.strategyId, job.jobId));
        await this.deps.repository.delete(job.jobId);
        deleted++;
      }
      startKey = page.lastKey;
    } while (startKey);
    log.info({ strategy_id: strategyId, image_jobs_deleted: deleted }, "image jobs deleted with their strategy");
  }

  private async owned(userId: string, jobId: string, log: FastifyBaseLogger): Promise<ImageJobItem> {
    const job = await this.deps.repository.get(jobId);
    if (!job) throw new AppError("job_not_found");
    if (job.userId !== userId) {
      log.warn({ job_id: jobId, strategy_id: job.strategyId }, "access to another user's image job denied");
      throw new AppError("access_denied");
    }
    // A job whose strategy is being deleted is about to go with it.
    if (this.deps.head && !(await this.deps.head.standing(job.strategyId))) throw new AppError("job_not_found");
    return job;
  }

  private async toApi(job: ImageJobItem): Promise<ImageJob> {
    const answer: ImageJob = {
      job_id: job.jobId,
      strategy_id: job.strategyId,
      ...(job.postId ? { post_id: job.postId } : {}),
      prompt: job.prompt,
      model: job.modelId,
      status: job.status,
      progress: job.progress,
      attempts: job.attempts,
      created_at: job.createdAt,
      updated_at: job.updatedAt,
    };
    if (job.status === "completed" && job.imageKey) {
      const link = await this.deps.store.presign(job.imageKey, this.clock());
      answer.image = { url: link.url, width: job.width!, height: job.height!, content_type: job.contentType!, expires_at: link.expiresAt.toISOString() };
    }
    if (job.status === "failed") answer.error = { detail: job.errorDetail ?? "The image could not be generated" };
    return answer;
  }
}
