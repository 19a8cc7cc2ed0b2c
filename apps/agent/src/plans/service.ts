import { randomUUID } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import { briefCopy } from "@strategist/composer";
import {
  checkPost,
  strategySchedule,
  type GbpCtaType,
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
} from "@strategist/schemas";
import { assertNoBannedWords, bannedWordErrors, withVoice } from "../generation/voice";
import { AppError } from "../core/errors";
import type { ModelCallResult } from "../models/model-call";
import type { Admitted, GenerationPipeline, ModelCallContext, UseCase } from "../generation/pipeline";
import type { StrategyService } from "../strategies/service";
import type { PlanBrief } from "./copywriter";
import { planPrompt, planSystemPrompt, rewritePrompt, rewriteSystemPrompt } from "./prompt";
import { inTimeOrder, PlanChangedError, type PlanRepository, type StoredPlan } from "./repository";
import { countryOfTimezone, publicHolidays } from "./holidays";
import { polishPosts, splitGoals, type PolishContext } from "./polish";
import { lastDay, nextMonday, zonedDateTime } from "./schedule";

interface PlanServiceDeps {
  strategies: StrategyService;
  /** Reads a strategy without an ownership check, for callers that made it already (image jobs). */
  strategyRecords: { findById(strategyId: string): Promise<StrategyRecord | undefined> };
  repository: PlanRepository;
  pipeline: GenerationPipeline;
  /** The brand's default time zone, for a plan request that names none. */
  brands?: { defaultTimezone(userId: string, brandId: string): Promise<string | undefined> };
  clock?: () => Date;
}

/**
 * The strategy's platforms that have rules, each once, highest priority first (their order kept within a priority),
 * each with its structured schedule (the strategy's, or read from its schedule text).
 */
export function planPlatforms(strategy: StrategyRecord): PlanBrief["platforms"] {
  const rank = { high: 0, medium: 1, low: 2 } as const;
  const schedule = strategySchedule(strategy.strategy_output);
  const seen = new Set<PlanPlatformId>();
  const platforms: PlanBrief["platforms"] = [];
  for (const recommendation of [...strategy.strategy_output.platform_recommendations].sort((a, b) => rank[a.priority] - rank[b.priority])) {
    const id = planPlatformOf(recommendation.platform);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    const entry = schedule.find((item) => item.platform === recommendation.platform)!;
    platforms.push({
      id,
      name: recommendation.platform,
      priority: recommendation.priority,
      posts_per_week: entry.posts_per_week,
      times: entry.times,
      ...(entry.weekdays ? { weekdays: entry.weekdays } : {}),
    });
  }
  return platforms;
}

/** The platforms a strategy recommends that a plan cannot write for: the plan names them instead of dropping them. */
export function unsupportedPlatforms(strategy: StrategyRecord): string[] {
  return strategy.strategy_output.platform_recommendations.filter((entry) => !planPlatformOf(entry.platform)).map((entry) => entry.platform);
}

const CTA_TYPES: Record<string, GbpCtaType> = {
  bookings: "BOOK",
  sales: "SHOP",
  downloads: "SIGN_UP",
  leads: "CALL",
  visits: "LEARN_MORE",
  donations: "SIGN_UP",
  community: "LEARN_MORE",
  awareness: "LEARN_MORE",
};

/**
 * What a plan is written from, for a strategy and the plan's dates and zone: the brief the model gets, the context
 * the repairs need, and the country whose public holidays the plan respects (the one its time zone belongs to).
 */
export function planBriefOf(
  strategy: StrategyRecord,
  dates: { startDate: string; weeks: number; timezone: string },
): { brief: PlanBrief; polish: PolishContext; country?: string } {
  const output = strategy.strategy_output;
  const copy = briefCopy({ brand_name: strategy.brand_name, industry: strategy.industry, target_audience: strategy.target_audience, goals: strategy.goals });
  const startDate = dates.startDate;
  const lastDate = lastDay(startDate, dates.weeks);
  const country = countryOfTimezone(dates.timezone);
  const brief: PlanBrief = {
    brand_name: strategy.brand_name,
    industry: strategy.industry,
    language: copy.language,
    platforms: planPlatforms(strategy),
    pillars: output.content_pillars,
    themes: output.content_themes,
    goals: splitGoals(strategy.goals),
    goal_cta: copy.goal.cta,
    cta_type: CTA_TYPES[copy.goal.kind] ?? "LEARN_MORE",
    customers: copy.customers,
    visual_prompts: output.visual_prompts.length,
    posting_schedule: output.posting_schedule,
    start_date: startDate,
    weeks: dates.weeks,
    holidays: country ? publicHolidays(country, startDate, lastDate, copy.language) : [],
  };
  const polish: PolishContext = {
    brand: strategy.brand_name,
    language: copy.language,
    sources: [strategy.brand_name, strategy.industry, strategy.target_audience, strategy.goals, ...output.content_pillars, ...output.content_themes],
    goals: brief.goals,
    cta_type: brief.cta_type,
    holidays: brief.holidays,
  };
  return { brief, polish, ...(country ? { country } : {}) };
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
    const { brief, polish, country } = planBriefOf(strategy, { startDate, weeks: request.weeks, timezone });
    const lastDate = lastDay(startDate, request.weeks);
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
            lastDate,
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
      store: (generation, planId) => this.store(userId, strategy, { ...request, timezone }, startDate, generation, planId, polish, country),
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
    polish: PolishContext,
    country: string | undefined,
  ): Promise<Plan> {
    // The last check before anything is stored: no caption or hashtag uses one of the brand's banned words.
    if (bannedWordErrors(generation.output, strategy.voice).length > 0)
      throw new AppError("structured_output", { message: "banned word in the model's output" });
    // Every model's posts meet the same rules: repaired here where a repair keeps the meaning.
    const posts: PlanPost[] = polishPosts(generation.output.posts, polish).map(({ date, time, ...post }) => ({
      id: randomUUID(),
      ...post,
      scheduled_at: zonedDateTime(date, time, request.timezone),
      status: "draft",
    }));
    if (posts.length === 0) throw new AppError("structured_output", { message: "no post of the model's plan met the rules" });
    const unsupported = unsupportedPlatforms(strategy);
    const plan: Plan = {
      strategy_id: strategy.id,
      strategy_version: strategy.version,
      timezone: request.timezone,
      start_date: startDate,
      weeks: request.weeks,
      created_at: this.clock().toISOString(),
      model: generation.model,
      ...(country ? { country } : {}),
      ...(unsupported.length > 0 ? { unsupported_platforms: unsupported } : {}),
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
            ...rewriteCopy(strategy),
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
        const copy = rewriteCopy(strategy);
        const [fixed] = polishPosts([{ ...post, date: "", time: "00:00", ...generation.output }], {
          brand: strategy.brand_name,
          language: copy.language,
          sources: [
            strategy.brand_name,
            strategy.industry,
            strategy.target_audience,
            strategy.goals,
            ...strategy.strategy_output.content_pillars,
            ...strategy.strategy_output.content_themes,
          ],
          goals: [],
          cta_type: post.cta_type ?? "LEARN_MORE",
          holidays: [],
        });
        const output = fixed ? { caption: fixed.caption, hashtags: fixed.hashtags } : generation.output;
        return this.update(strategyId, planId, { ...post, ...output }, rewriteId);
      },
      logged: () => ({ message: "post rewritten", fields: { strategy_id: strategyId, post_id: postId } }),
    };
    return this.deps.pipeline.run(useCase);
  }

  /** The visual prompt a post of the current plan names, for an image job its caller already authorised. */
  async visualPrompt(strategyId: string, postId: string): Promise<string | undefined> {
    const stored = await this.deps.repository.find(strategyId);
    const post = stored && (await this.deps.repository.findPost(strategyId, stored.planId, postId));
    if (post?.visual_prompt_index === undefined) return undefined;
    return (await this.deps.strategyRecords.findById(strategyId))?.strategy_output.visual_prompts[post.visual_prompt_index];
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

/** The brief's language, goal action and customers, for a rewrite. */
function rewriteCopy(strategy: StrategyRecord): { language: PlanBrief["language"]; goal_cta: string; customers: string } {
  const copy = briefCopy({ brand_name: strategy.brand_name, industry: strategy.industry, target_audience: strategy.target_audience, goals: strategy.goals });
  return { language: copy.language, goal_cta: copy.goal.cta, customers: copy.customers };
}
