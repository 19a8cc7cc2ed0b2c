import { randomUUID } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import {
  checkPost,
  PLATFORM_RULES,
  planOutputSchema,
  planPlatformOf,
  rewriteOutputSchema,
  type Plan,
  type PlanOutput,
  type PlanPost,
  type PlanRequest,
  type PlanPlatformId,
  type PostPatch,
  type RewriteOutput,
  type RewriteRequest,
  type StrategyRecord,
  type BulkApproveRequest,
  type BulkApproveResult,
} from "@strategist/schemas";
import { DateTime } from "luxon";
import { assertNoBannedWords, bannedWordErrors, withVoice } from "../generation/voice";
import { AppError } from "../core/errors";
import type { ModelCallResult } from "../models/model-call";
import type { Admitted, GenerationPipeline, ModelCallContext, UseCase } from "../generation/pipeline";
import type { StrategyService } from "../strategies/service";
import type { PlanBrief } from "./copywriter";
import { planPrompt, planSystemPrompt, rewritePrompt, rewriteSystemPrompt } from "./prompt";
import { inTimeOrder, PlanChangedError, type PlanRepository, type StoredPlan } from "./repository";
import { lastDay, nextMonday, zonedDateTime } from "./schedule";

interface PlanServiceDeps {
  strategies: StrategyService;
  /** Reads a strategy without an ownership check, for callers that made it already (image jobs). */
  strategyRecords: { findById(strategyId: string): Promise<StrategyRecord | undefined> };
  repository: PlanRepository;
  pipeline: GenerationPipeline;
  /** The pictures of posts: deleted when their post or plan goes. */
  postImages?: { deleteForPostsExcept(strategyId: string, keep: ReadonlySet<string>, log: FastifyBaseLogger): Promise<void> };
  /** The brand's default time zone, for a plan request that names none. */
  brands?: { defaultTimezone(userId: string, brandId: string): Promise<string | undefined> };
  clock?: () => Date;
}

/** The strategy's platforms that have rules, each once, highest priority first (their order kept within a priority). */
export function planPlatforms(strategy: StrategyRecord): PlanBrief["platforms"] {
  const rank = { high: 0, medium: 1, low: 2 } as const;
  const seen = new Set<PlanPlatformId>();
  const platforms: PlanBrief["platforms"] = [];
  for (const recommendation of [...strategy.strategy_output.platform_recommendations].sort((a, b) => rank[a.priority] - rank[b.priority])) {
    const id = planPlatformOf(recommendation.platform);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    platforms.push({ id, name: recommendation.platform, priority: recommendation.priority });
  }
  return platforms;
}

/** A post to draw: its id, platform and the prompt its picture is drawn from. */
export interface ImagePost {
  id: string;
  platform: PlanPlatformId;
  prompt: string;
}

/** The posts of a plan from `weekStart` to six days later, in the plan's zone. */
export function postsOfWeek(plan: Plan, weekStart: string): PlanPost[] {
  const first = DateTime.fromISO(weekStart, { zone: plan.timezone }).startOf("day");
  const end = first.plus({ days: 7 });
  return plan.posts.filter((post) => {
    const when = DateTime.fromISO(post.scheduled_at, { setZone: true });
    return when >= first && when < end;
  });
}

/** Longest start of a caption a picture's prompt quotes. */
const PROMPT_CAPTION_CHARS = 300;

/** A post's picture prompt: its visual brief, else the strategy's visual prompt it names and its caption's start. */
export function imagePrompt(post: PlanPost, visualPrompts: readonly string[]): string {
  if (post.visual_brief?.trim()) return post.visual_brief.trim();
  const visual = post.visual_prompt_index !== undefined ? visualPrompts[post.visual_prompt_index] : undefined;
  const caption = post.caption.slice(0, PROMPT_CAPTION_CHARS).replace(/\s+/gu, " ").trim();
  return [visual, `A picture for this ${PLATFORM_RULES[post.platform].name} post: ${caption}`].filter(Boolean).join(" ");
}

/** The content plan use cases: write (through the generation pipeline), read, edit a post, rewrite a post. */
export class PlanService {
  private readonly clock: () => Date;

  constructor(private readonly deps: PlanServiceDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /** Writes and stores a new plan in place of the current one. */
  async create(userId: string, strategyId: string, request: PlanRequest, context: ModelCallContext): Promise<Plan> {
    return (await this.admit(userId, strategyId, request, context)).execute();
  }

  /**
   * Checks ownership, then admits a plan request through the pipeline (model id, Idempotency-Key, limits): the
   * stream route opens its stream only after this.
   */
  async admit(userId: string, strategyId: string, request: PlanRequest, context: ModelCallContext): Promise<Admitted<Plan>> {
    const strategy = await this.deps.strategies.get(userId, strategyId, context.log);
    const platforms = planPlatforms(strategy);
    if (platforms.length === 0) {
      throw new AppError("validation", {
        fields: [{ field: "strategy", message: "The strategy recommends no platform a plan can be written for" }],
      });
    }
    // No time zone in the request: the strategy's brand's default, else UTC (docs/plans.md).
    const brandTimezone = request.timezone === undefined && strategy.brand_id ? await this.deps.brands?.defaultTimezone(userId, strategy.brand_id) : undefined;
    const timezone = request.timezone ?? brandTimezone ?? "UTC";
    const startDate = request.start_date ?? nextMonday(timezone, this.clock());
    const output = strategy.strategy_output;
    const brief: PlanBrief = {
      brand_name: strategy.brand_name,
      industry: strategy.industry,
      platforms,
      pillars: output.content_pillars,
      themes: output.content_themes,
      visual_prompts: output.visual_prompts.length,
      posting_schedule: output.posting_schedule,
      start_date: startDate,
      weeks: request.weeks,
    };
    const useCase: UseCase<PlanOutput, Plan> = {
      name: "plan generation",
      userId,
      log: context.log,
      signal: context.signal,
      idempotencyKey: context.idempotencyKey,
      request: { route: "plan", strategyId, body: { ...request, start_date: startDate, timezone } },
      // In the brand's voice stored with the strategy: its banned words are validation errors the model must fix.
      model: withVoice(
        {
          schema: planOutputSchema({
            platforms: platforms.map((platform) => platform.id),
            firstDate: startDate,
            lastDate: lastDay(startDate, request.weeks),
            visualPrompts: output.visual_prompts.length,
          }),
          systemPrompt: planSystemPrompt(platforms.map((platform) => platform.id)),
          prompt: planPrompt(brief),
          modelId: request.model,
        },
        strategy.voice,
      ),
      sections: ["posts"],
      findStored: async (planId) => {
        const stored = await this.deps.repository.find(strategyId);
        return stored?.planId === planId ? stored.plan : undefined;
      },
      store: async (generation, planId) => {
        const plan = await this.store(userId, strategy, { ...request, timezone }, startDate, generation, planId);
        // The replaced plan's posts are gone: so are their pictures.
        await this.deps.postImages?.deleteForPostsExcept(strategyId, new Set(plan.posts.map((post) => post.id)), context.log);
        return plan;
      },
      logged: (plan) => ({ message: "plan generated", fields: { strategy_id: strategyId, posts: plan.posts.length, weeks: plan.weeks } }),
    };
    return this.deps.pipeline.admit(useCase);
  }

  private async store(
    userId: string,
    strategy: StrategyRecord,
    request: PlanRequest & { timezone: string },
    startDate: string,
    generation: ModelCallResult<PlanOutput>,
    planId: string,
  ): Promise<Plan> {
    // The last check before anything is stored: no caption or hashtag uses one of the brand's banned words.
    if (bannedWordErrors(generation.output, strategy.voice).length > 0)
      throw new AppError("structured_output", { message: "banned word in the model's output" });
    const posts: PlanPost[] = generation.output.posts.map((post) => ({
      id: randomUUID(),
      platform: post.platform,
      scheduled_at: zonedDateTime(post.date, post.time, request.timezone),
      pillar: post.pillar,
      theme: post.theme,
      caption: post.caption,
      hashtags: post.hashtags,
      ...(post.visual_prompt_index !== undefined ? { visual_prompt_index: post.visual_prompt_index } : {}),
      status: "draft",
    }));
    const plan: Plan = {
      strategy_id: strategy.id,
      strategy_version: strategy.version,
      timezone: request.timezone,
      start_date: startDate,
      weeks: request.weeks,
      created_at: this.clock().toISOString(),
      model: generation.model,
      posts: inTimeOrder(posts),
    };
    try {
      await this.deps.repository.replace(userId, planId, plan);
    } catch (error) {
      if (error instanceof PlanChangedError) throw new AppError("conflict", { cause: error });
      throw error;
    }
    return plan;
  }

  /** The strategy's plan; 403/404 for the strategy first, then 404 "Plan not found". */
  async get(userId: string, strategyId: string, log: FastifyBaseLogger): Promise<Plan> {
    return (await this.current(userId, strategyId, log)).plan;
  }

  /** The strategy and its plan, for the plan's exports; 404 "Plan not found" without one. */
  async withStrategy(userId: string, strategyId: string, log: FastifyBaseLogger): Promise<{ strategy: StrategyRecord; plan: Plan }> {
    const { strategy, plan } = await this.forDocument(userId, strategyId, log);
    if (!plan) throw new AppError("plan_not_found");
    return { strategy, plan };
  }

  /** The strategy and its plan if it has one, for the strategy's document. */
  async forDocument(userId: string, strategyId: string, log: FastifyBaseLogger): Promise<{ strategy: StrategyRecord; plan?: Plan }> {
    const strategy = await this.deps.strategies.get(userId, strategyId, log);
    const stored = await this.deps.repository.find(strategyId);
    return { strategy, plan: stored?.plan };
  }

  /** Deletes one post of the current plan and its pictures; 404 "Post not found" when it is not there. */
  async deletePost(userId: string, strategyId: string, postId: string, log: FastifyBaseLogger): Promise<void> {
    const { planId, plan } = await this.current(userId, strategyId, log).catch((error: unknown) => {
      throw error instanceof AppError && error.code === "plan_not_found" ? new AppError("post_not_found") : error;
    });
    if (!(await this.deps.repository.deletePost(strategyId, planId, postId))) throw new AppError("post_not_found");
    const keep = new Set(plan.posts.map((post) => post.id).filter((id) => id !== postId));
    await this.deps.postImages?.deleteForPostsExcept(strategyId, keep, log);
    log.info({ strategy_id: strategyId, post_id: postId }, "post deleted");
  }

  /** Deletes the strategy's plan, its posts and their pictures; 404 "Plan not found" without one. */
  async deletePlan(userId: string, strategyId: string, log: FastifyBaseLogger): Promise<void> {
    await this.current(userId, strategyId, log);
    await this.deps.repository.deletePlan(strategyId);
    await this.deps.postImages?.deleteForPostsExcept(strategyId, new Set(), log);
    log.info({ strategy_id: strategyId }, "plan deleted");
  }

  /** Changes a post; the result must meet its platform's rules, or nothing is stored and the 400 names the limit. */
  async patchPost(userId: string, strategyId: string, postId: string, patch: PostPatch, log: FastifyBaseLogger): Promise<PlanPost> {
    const { planId, post } = await this.post(userId, strategyId, postId, log);
    // A user's own edit may not use the brand's banned words either: 400 naming the word and the field.
    assertNoBannedWords(patch, (await this.deps.strategies.get(userId, strategyId, log)).voice);
    const changed: PlanPost = { ...post, ...patch };
    const violations = checkPost(changed.platform, changed);
    if (violations.length > 0) throw new AppError("validation", { fields: violations });
    const stored = await this.update(strategyId, planId, changed);
    log.info({ strategy_id: strategyId, post_id: postId, fields: Object.keys(patch) }, "post edited");
    return stored;
  }

  /**
   * Gives a selection of posts, or every post of a week (in the plan's zone), one status. Idempotent: posts that
   * already have it stay as they are. Every id must name a post of the current plan, or nothing is written.
   */
  async setStatus(userId: string, strategyId: string, request: BulkApproveRequest, log: FastifyBaseLogger): Promise<BulkApproveResult> {
    const { planId, plan } = await this.current(userId, strategyId, log);
    let postIds: string[];
    if (request.post_ids) {
      const known = new Set(plan.posts.map((post) => post.id));
      const unknown = request.post_ids.flatMap((id, index) => (known.has(id) ? [] : [{ field: `post_ids.${index}`, message: "No post of the current plan has this id" }]));
      if (unknown.length > 0) throw new AppError("validation", { fields: unknown });
      postIds = [...new Set(request.post_ids)];
    } else {
      postIds = postsOfWeek(plan, request.week_start!).map((post) => post.id);
    }
    let changed: number;
    try {
      changed = await this.deps.repository.setStatus(strategyId, planId, postIds, request.status);
    } catch (error) {
      if (error instanceof PlanChangedError) throw new AppError("conflict", { cause: error });
      throw error;
    }
    log.info({ strategy_id: strategyId, posts: postIds.length, changed, status: request.status }, "post statuses set");
    return { status: request.status, post_ids: postIds, changed };
  }

  /** A new caption and hashtags for one post, through the generation pipeline; the rest of the post stays. */
  async rewrite(userId: string, strategyId: string, postId: string, request: RewriteRequest, context: ModelCallContext): Promise<PlanPost> {
    const strategy = await this.deps.strategies.get(userId, strategyId, context.log);
    const { planId, post } = await this.post(userId, strategyId, postId, context.log);
    const useCase: UseCase<RewriteOutput, PlanPost> = {
      name: "post rewrite",
      userId,
      log: context.log,
      signal: context.signal,
      idempotencyKey: context.idempotencyKey,
      request: { route: "rewrite", strategyId, postId, body: request },
      model: withVoice(
        {
          schema: rewriteOutputSchema(post.platform),
          systemPrompt: rewriteSystemPrompt(post.platform),
          prompt: rewritePrompt({
            brand_name: strategy.brand_name,
            platform: post.platform,
            pillar: post.pillar,
            theme: post.theme,
            caption: post.caption,
            hashtags: post.hashtags,
            ...(request.instruction ? { instruction: request.instruction } : {}),
          }),
          modelId: request.model,
        },
        strategy.voice,
      ),
      findStored: async (rewriteId) => {
        const stored = await this.deps.repository.findPost(strategyId, planId, postId);
        if (stored?.rewriteId !== rewriteId) return undefined;
        const { rewriteId: _, ...rest } = stored;
        return rest;
      },
      store: (generation, rewriteId) => {
        if (bannedWordErrors(generation.output, strategy.voice).length > 0)
          throw new AppError("structured_output", { message: "banned word in the model's output" });
        return this.update(strategyId, planId, { ...post, ...generation.output }, rewriteId);
      },
      logged: () => ({ message: "post rewritten", fields: { strategy_id: strategyId, post_id: postId } }),
    };
    return this.deps.pipeline.run(useCase);
  }

  /**
   * Posts of the current plan to draw, for image jobs their caller already authorised: named by id, or every post of
   * the week from `week_start`. Each comes with its platform and its prompt: the post's visual brief when it has
   * one, else the strategy's visual prompt it names and the start of its caption. `unknown` lists the positions of
   * ids that name no post of the current plan.
   */
  async imagePosts(strategyId: string, selection: { post_ids?: string[]; week_start?: string }): Promise<{ posts: ImagePost[]; unknown: number[] }> {
    const stored = await this.deps.repository.find(strategyId);
    if (!stored) return { posts: [], unknown: (selection.post_ids ?? []).map((_, index) => index) };
    const byId = new Map(stored.plan.posts.map((post) => [post.id, post]));
    const unknown = (selection.post_ids ?? []).flatMap((id, index) => (byId.has(id) ? [] : [index]));
    const chosen = selection.post_ids
      ? [...new Set(selection.post_ids)].flatMap((id) => byId.get(id) ?? [])
      : postsOfWeek(stored.plan, selection.week_start ?? stored.plan.start_date);
    const visualPrompts = chosen.length > 0 ? ((await this.deps.strategyRecords.findById(strategyId))?.strategy_output.visual_prompts ?? []) : [];
    return { posts: chosen.map((post) => ({ id: post.id, platform: post.platform, prompt: imagePrompt(post, visualPrompts) })), unknown };
  }

  private async current(userId: string, strategyId: string, log: FastifyBaseLogger): Promise<StoredPlan> {
    await this.deps.strategies.get(userId, strategyId, log);
    const stored = await this.deps.repository.find(strategyId);
    if (!stored) throw new AppError("plan_not_found");
    return stored;
  }

  private async post(userId: string, strategyId: string, postId: string, log: FastifyBaseLogger): Promise<{ planId: string; post: PlanPost }> {
    await this.deps.strategies.get(userId, strategyId, log);
    const stored = await this.deps.repository.find(strategyId);
    const post = stored && (await this.deps.repository.findPost(strategyId, stored.planId, postId));
    if (!stored || !post) throw new AppError("post_not_found");
    const { rewriteId: _, ...rest } = post;
    return { planId: stored.planId, post: rest };
  }

  private async update(strategyId: string, planId: string, post: PlanPost, rewriteId?: string): Promise<PlanPost> {
    try {
      return await this.deps.repository.updatePost(strategyId, planId, post, rewriteId);
    } catch (error) {
      if (error instanceof PlanChangedError) throw new AppError("conflict", { cause: error });
      throw error;
    }
  }
}
