import { randomUUID } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import type { ZodType } from "zod";
import { briefCopy } from "@strategist/composer";
import {
  checkPost,
  PLATFORM_RULES,
  strategySchedule,
  type GbpCtaType,
  planOutputSchema,
  planPlatformOf,
  rewriteAlternativesSchema,
  rewriteOutputSchema,
  type Plan,
  type PlanOutput,
  type PlanPost,
  type PlanRequest,
  type PlanPlatformId,
  type PostPatch,
  type RewriteAlternativesOutput,
  type RewriteOutput,
  type RewrittenPost,
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
import type { Insights } from "@strategist/insights";
import type { PlanBrief } from "./copywriter";
import { planPrompt, planSystemPrompt, rewritePrompt, rewriteSystemPrompt } from "./prompt";
import { inTimeOrder, PlanChangedError, PostChangedError, type PlanRepository, type StoredPlan } from "./repository";
import { countryOfTimezone, publicHolidays } from "./holidays";
import { polishPosts, splitGoals, type PolishContext } from "./polish";
import { lastDay, nextMonday, zonedDateTime } from "./schedule";
import { guideBrief } from "./insights";

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
  /** The strategy's results, in the plan's time zone, for a caller that checked ownership (the results capability). */
  insights?: { insightsOf(strategy: StrategyRecord, timezone: string): Promise<Insights> };
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

/** A post's local day: `scheduled_at` carries the plan's offset, so its date part is the day in the plan's zone. */
const localDay = (post: PlanPost) => post.scheduled_at.slice(0, 10);

/** The new posts, less those on the platform and day of a kept post (a kept approved post takes that slot). */
export function withoutClashes(posts: PlanPost[], kept: PlanPost[]): PlanPost[] {
  const taken = new Set(kept.map((post) => `${post.platform} ${localDay(post)}`));
  return posts.filter((post) => !taken.has(`${post.platform} ${localDay(post)}`));
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
    const { brief: unguided, polish, country } = planBriefOf(strategy, { startDate, weeks: request.weeks, timezone });
    const lastDate = lastDay(startDate, request.weeks);
    // What worked moves the schedule and the pillar mix before the copywriter writes (plans/insights.ts).
    const { brief, insights_used } = guideBrief(unguided, await this.deps.insights?.insightsOf(strategy, timezone));
    const useCase: UseCase<PlanOutput, Plan> = {
      name: "plan generation",
      kind: "plan",
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
      store: async (generation, planId) => {
        const plan = await this.store(userId, strategy, { ...request, timezone }, startDate, generation, planId, insights_used, polish, country);
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
    insights_used: string[],
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
    const kept = request.keep_approved ? await this.approvedWithin(strategy.id, startDate, lastDay(startDate, request.weeks)) : [];
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
      posts: inTimeOrder([...kept, ...withoutClashes(posts, kept)]),
      insights_used,
    };
    try {
      await this.deps.repository.replace(userId, planId, plan);
    } catch (error) {
      if (error instanceof PlanChangedError) throw new AppError("conflict", { cause: error });
      throw error;
    }
    return plan;
  }

  /** The current plan's approved posts on the days from `first` to `last` (local days), each under a new id for the new plan. */
  private async approvedWithin(strategyId: string, first: string, last: string): Promise<PlanPost[]> {
    const current = await this.deps.repository.find(strategyId);
    return (current?.plan.posts ?? [])
      .filter((post) => post.status === "approved" && localDay(post) >= first && localDay(post) <= last)
      .map((post) => ({ ...post, id: randomUUID() }));
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
    const { planId, post, revision } = await this.post(userId, strategyId, postId, log);
    // A user's own edit may not use the brand's banned words either: 400 naming the word and the field.
    assertNoBannedWords(patch, (await this.deps.strategies.get(userId, strategyId, log)).voice);
    const changed: PlanPost = { ...post, ...patch };
    const violations = checkPost(changed.platform, changed);
    if (violations.length > 0) throw new AppError("validation", { fields: violations });
    const stored = await this.update(strategyId, planId, changed, revision);
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
      const unknown = request.post_ids.flatMap((id, index) =>
        known.has(id) ? [] : [{ field: `post_ids.${index}`, message: "No post of the current plan has this id" }],
      );
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

  /**
   * A new caption and hashtags for one post, through the generation pipeline; the rest of the post stays. Asked for
   * 2-3 alternatives, the model writes that many different ones: the first is stored and all come back to choose from.
   */
  async rewrite(userId: string, strategyId: string, postId: string, request: RewriteRequest, context: ModelCallContext): Promise<RewrittenPost> {
    const strategy = await this.deps.strategies.get(userId, strategyId, context.log);
    const { planId, post, revision } = await this.post(userId, strategyId, postId, context.log);
    const count = request.alternatives ?? 1;
    const useCase: UseCase<RewriteOutput | RewriteAlternativesOutput, RewrittenPost> = {
      name: "post rewrite",
      kind: "rewrite",
      userId,
      log: context.log,
      signal: context.signal,
      idempotencyKey: context.idempotencyKey,
      request: { route: "rewrite", strategyId, postId, body: request },
      model: withVoice(
        {
          schema: (count > 1 ? rewriteAlternativesSchema(post.platform, count) : rewriteOutputSchema(post.platform)) as ZodType<
            RewriteOutput | RewriteAlternativesOutput
          >,
          systemPrompt: rewriteSystemPrompt(post.platform),
          prompt: rewritePrompt({
            brand_name: strategy.brand_name,
            platform: post.platform,
            pillar: post.pillar,
            theme: post.theme,
            caption: post.caption,
            hashtags: post.hashtags,
            ...(request.instruction ? { instruction: request.instruction } : {}),
            ...(count > 1 ? { alternatives: count } : {}),
            ...rewriteCopy(strategy),
          }),
          modelId: request.model,
        },
        strategy.voice,
      ),
      findStored: async (rewriteId) => {
        const stored = await this.deps.repository.findPost(strategyId, planId, postId);
        if (stored?.rewriteId !== rewriteId) return undefined;
        const { rewriteId: _, revision: _revision, ...rest } = stored;
        return rest;
      },
      store: async (generation, rewriteId) => {
        if (bannedWordErrors(generation.output, strategy.voice).length > 0)
          throw new AppError("structured_output", { message: "banned word in the model's output" });
        const copy = rewriteCopy(strategy);
        const repairs: PolishContext = {
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
        };
        const written = "alternatives" in generation.output ? generation.output.alternatives : [generation.output];
        const alternatives = written.map((alternative) => {
          const [fixed] = polishPosts([{ ...post, date: "", time: "00:00", ...alternative }], repairs);
          return fixed ? { caption: fixed.caption, hashtags: fixed.hashtags } : alternative;
        });
        const stored = await this.update(strategyId, planId, { ...post, ...alternatives[0]! }, revision, rewriteId);
        return count > 1 ? { ...stored, alternatives } : stored;
      },
      logged: () => ({ message: "post rewritten", fields: { strategy_id: strategyId, post_id: postId, alternatives: count } }),
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

  private async post(
    userId: string,
    strategyId: string,
    postId: string,
    log: FastifyBaseLogger,
  ): Promise<{ planId: string; post: PlanPost; revision: number }> {
    await this.deps.strategies.get(userId, strategyId, log);
    const stored = await this.deps.repository.find(strategyId);
    const post = stored && (await this.deps.repository.findPost(strategyId, stored.planId, postId));
    if (!stored || !post) throw new AppError("post_not_found");
    const { rewriteId: _, revision, ...rest } = post;
    return { planId: stored.planId, post: rest, revision };
  }

  private async update(strategyId: string, planId: string, post: PlanPost, basedOn: number, rewriteId?: string): Promise<PlanPost> {
    try {
      return await this.deps.repository.updatePost(strategyId, planId, post, basedOn, rewriteId);
    } catch (error) {
      if (error instanceof PlanChangedError) throw new AppError("conflict", { cause: error });
      if (error instanceof PostChangedError) throw new AppError("post_conflict", { cause: error });
      throw error;
    }
  }
}

/** The brief's language, goal action and customers, for a rewrite. */
function rewriteCopy(strategy: StrategyRecord): { language: PlanBrief["language"]; goal_cta: string; customers: string } {
  const copy = briefCopy({ brand_name: strategy.brand_name, industry: strategy.industry, target_audience: strategy.target_audience, goals: strategy.goals });
  return { language: copy.language, goal_cta: copy.goal.cta, customers: copy.customers };
}
