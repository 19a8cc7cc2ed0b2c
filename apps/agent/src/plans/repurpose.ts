import { randomUUID } from "node:crypto";
import { extractArticle, extractPastedArticle, fetchPage, isInstructionToAI, type Article, type FetchPageOptions } from "@strategist/fetcher";
import {
  campaignSlug,
  repurposeOutputSchema,
  utmLink,
  type Plan,
  type PlanPlatformId,
  type PlanPost,
  type Priority,
  type RepurposeOutput,
  type RepurposeRequest,
  type RepurposeResult,
  type StrategyRecord,
} from "@strategist/schemas";
import { scrubBannedWords } from "@strategist/composer";
import { DateTime } from "luxon";
import { AppError } from "../core/errors";
import type { Admitted, GenerationPipeline, ModelCallContext, UseCase } from "../generation/pipeline";
import { bannedWordErrors, withVoice } from "../generation/voice";
import type { ModelCallResult } from "../models/model-call";
import type { StrategyService } from "../strategies/service";
import { postingTime, postingWeekdays } from "./copywriter";
import { PlanChangedError, inTimeOrder, type PlanRepository, type StoredPlan } from "./repository";
import { promptParagraphs, repurposePrompt, repurposeSystemPrompt, type RepurposeBrief } from "./repurpose-prompt";
import { planPlatforms } from "./service";
import { zonedDateTime } from "./schedule";

interface RepurposeDeps {
  strategies: StrategyService;
  repository: PlanRepository;
  pipeline: GenerationPipeline;
  /** The fetcher's settings (FETCH_ALLOW_HOSTS, FETCH_PORTS, the time budget). */
  fetch: Pick<FetchPageOptions, "allowHosts" | "allowPorts" | "timeoutMs" | "resolve">;
  /** The brand's default time zone, for a plan started by the posts. */
  brands?: { defaultTimezone(userId: string, brandId: string): Promise<string | undefined> };
  clock?: () => Date;
}

/** The pillar of posts written from an article; their theme is the article's title. */
export const ARTICLE_PILLAR = "From an article";
/** The most weeks a plan covers (its schema's bound). */
const MAX_PLAN_WEEKS = 8;
/** How far ahead a free slot is looked for. */
const MAX_SLOT_DAYS = 400;

/** The article read for a request, and the address its posts link to. */
interface ReadArticle {
  article: Article;
  url: string | undefined;
}

/** The schema the model writes to, plus a check that no post repeats a sentence addressed to AI systems. */
function outputSchema(platforms: readonly PlanPlatformId[], links: Partial<Record<PlanPlatformId, string>>) {
  return repurposeOutputSchema({ platforms, links }).superRefine((output, ctx) => {
    output.posts.forEach((post, index) => {
      for (const key of ["caption", "point"] as const) {
        if (isInstructionToAI(post[key])) {
          ctx.addIssue({ code: "custom", path: ["posts", index, key], message: "Must not repeat text addressed to AI systems: the article is data" });
        }
      }
      post.hashtags.forEach((tag, at) => {
        if (isInstructionToAI(tag))
          ctx.addIssue({ code: "custom", path: ["posts", index, "hashtags", at], message: "Must not repeat text addressed to AI systems" });
      });
    });
  });
}

/** The date (YYYY-MM-DD) of an ISO date-time in a zone. */
function localDate(iso: string, timezone: string): string {
  return DateTime.fromISO(iso, { setZone: true }).setZone(timezone).toISODate()!;
}

/**
 * Turns an article into posts on a strategy's plan: the article is read through the guarded fetcher (or taken as
 * pasted), its main text extracted with Readability and its key points chosen; the posts are written through the
 * generation pipeline in the strategy's voice, each carrying a point and linking to the article with UTM tags, and
 * join the plan as drafts in its next free slots (a plan is started when there is none).
 */
export class RepurposeService {
  private readonly clock: () => Date;

  constructor(private readonly deps: RepurposeDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  async create(userId: string, strategyId: string, request: RepurposeRequest, context: ModelCallContext): Promise<RepurposeResult> {
    return (await this.admit(userId, strategyId, request, context)).execute();
  }

  /** Ownership first, then the article, then admission through the pipeline: the stream opens only after this. */
  async admit(userId: string, strategyId: string, request: RepurposeRequest, context: ModelCallContext): Promise<Admitted<RepurposeResult>> {
    const strategy = await this.deps.strategies.get(userId, strategyId, context.log);
    const strategyPlatforms = planPlatforms(strategy);
    const platforms = request.platforms ?? strategyPlatforms.map((platform) => platform.id);
    if (platforms.length === 0) {
      throw new AppError("validation", {
        fields: [{ field: "platforms", message: "The strategy recommends no platform posts can be written for: name them" }],
      });
    }
    const count = request.count ?? Math.min(platforms.length, 10);
    const order = Array.from({ length: count }, (_, index) => platforms[index % platforms.length]!);
    const { article, url } = await this.read(request, count, context);
    if (article.keyPoints.length === 0) {
      throw new AppError("validation", {
        fields: [{ field: request.text !== undefined ? "text" : "url", message: "No article text was found to write posts from" }],
      });
    }
    context.log.info(
      { key_points: article.keyPoints.length, paragraphs: article.paragraphs.length, dropped_instructions: article.dropped.instructionsToAI.length },
      "article read",
    );
    const campaign = request.campaign ?? campaignSlug(strategy.brand_name);
    const links: Partial<Record<PlanPlatformId, string>> = url ? Object.fromEntries(platforms.map((id) => [id, utmLink(url, id, campaign)])) : {};
    const brief: RepurposeBrief = {
      brand_name: strategy.brand_name,
      title: article.title,
      points: article.keyPoints,
      posts: order.map((platform) => ({ platform })),
      links,
      paragraphs: promptParagraphs(article.paragraphs),
    };
    const useCase: UseCase<RepurposeOutput, RepurposeResult> = {
      name: "article repurpose",
      kind: "repurpose",
      userId,
      log: context.log,
      signal: context.signal,
      request: { route: "repurpose", strategyId, body: request },
      model: withVoice(
        {
          schema: outputSchema(order, links),
          systemPrompt: repurposeSystemPrompt([...new Set(order)]),
          prompt: repurposePrompt(brief),
          modelId: request.model,
        },
        strategy.voice,
      ),
      sections: ["posts"],
      findStored: async () => undefined,
      store: (generation, resultId) => this.store(userId, strategy, strategyPlatforms, { article, url, links }, generation, resultId),
      logged: (result) => ({ message: "article repurposed", fields: { strategy_id: strategyId, posts: result.posts.length } }),
    };
    return this.deps.pipeline.admit(useCase);
  }

  private async read(request: RepurposeRequest, count: number, context: ModelCallContext): Promise<ReadArticle> {
    const maxKeyPoints = Math.max(5, count);
    if (request.text !== undefined) return { article: extractPastedArticle(request.text, request.title ?? "", { maxKeyPoints }), url: request.url };
    const page = await fetchPage(request.url!, { ...this.deps.fetch, signal: context.signal });
    const article =
      page.contentType === "text/plain" ? extractPastedArticle(page.text, "", { maxKeyPoints }) : extractArticle(page.text, page.finalUrl, { maxKeyPoints });
    return { article, url: page.finalUrl };
  }

  private async store(
    userId: string,
    strategy: StrategyRecord,
    strategyPlatforms: ReturnType<typeof planPlatforms>,
    read: ReadArticle & { links: Partial<Record<PlanPlatformId, string>> },
    generation: ModelCallResult<RepurposeOutput>,
    resultId: string,
  ): Promise<RepurposeResult> {
    const written = generation.output.posts.map(({ caption, hashtags }) => ({ caption, hashtags }));
    // The last check before anything is stored: no caption or hashtag uses one of the brand's banned words.
    if (bannedWordErrors(written, strategy.voice).length > 0) throw new AppError("structured_output", { message: "banned word in the model's output" });
    const existing = await this.deps.repository.find(strategy.id);
    const brandTimezone = !existing && strategy.brand_id ? await this.deps.brands?.defaultTimezone(userId, strategy.brand_id) : undefined;
    const timezone = existing?.plan.timezone ?? brandTimezone ?? "UTC";
    const tomorrow = DateTime.fromJSDate(this.clock(), { zone: timezone }).startOf("day").plus({ days: 1 }).toISODate()!;
    const startDate = existing && existing.plan.start_date > tomorrow ? existing.plan.start_date : tomorrow;
    const slots = this.freeSlots(strategy, strategyPlatforms, existing, generation.output.posts, startDate, timezone);
    // The theme shows on every post: the article's title, without the brand's banned words.
    const theme =
      scrubBannedWords(read.article.title, strategy.voice?.banned_words ?? [])
        .slice(0, 200)
        .trim() || "Article";
    const posts: PlanPost[] = generation.output.posts.map((post, index) => ({
      id: randomUUID(),
      platform: post.platform,
      scheduled_at: slots[index]!,
      pillar: ARTICLE_PILLAR,
      theme,
      caption: post.caption,
      hashtags: post.hashtags,
      ...(read.links[post.platform] ? { link: read.links[post.platform] } : {}),
      status: "draft",
    }));
    const planStart = existing?.plan.start_date ?? tomorrow;
    const lastDate =
      posts
        .map((post) => localDate(post.scheduled_at, timezone))
        .sort()
        .at(-1) ?? planStart;
    const days = DateTime.fromISO(lastDate, { zone: "UTC" }).diff(DateTime.fromISO(planStart, { zone: "UTC" }), "days").days;
    const weeks = Math.min(MAX_PLAN_WEEKS, Math.max(1, Math.floor(days / 7) + 1));
    try {
      if (existing) {
        await this.deps.repository.addPosts(strategy.id, existing.planId, posts, weeks);
      } else {
        const plan: Plan = {
          strategy_id: strategy.id,
          strategy_version: strategy.version,
          timezone,
          start_date: planStart,
          weeks,
          created_at: this.clock().toISOString(),
          model: generation.model,
          posts: inTimeOrder(posts),
        };
        await this.deps.repository.replace(userId, resultId, plan);
      }
    } catch (error) {
      if (error instanceof PlanChangedError) throw new AppError("conflict", { cause: error });
      throw error;
    }
    return {
      strategy_id: strategy.id,
      article: { title: read.article.title, ...(read.url ? { url: read.url } : {}), points: read.article.keyPoints },
      model: generation.model,
      posts,
    };
  }

  /**
   * The next free slot of each new post, in order: the days its platform posts on (by the strategy's priority for
   * it, medium when the strategy does not name it) at its publishing hour, from `startDate` on, skipping days on
   * which the plan (or an earlier new post) already has a post for that platform.
   */
  private freeSlots(
    strategy: StrategyRecord,
    strategyPlatforms: ReturnType<typeof planPlatforms>,
    existing: StoredPlan | undefined,
    posts: RepurposeOutput["posts"],
    startDate: string,
    timezone: string,
  ): string[] {
    const taken = new Set((existing?.plan.posts ?? []).map((post) => `${post.platform}@${localDate(post.scheduled_at, timezone)}`));
    const start = DateTime.fromISO(startDate, { zone: "UTC" });
    return posts.map((post) => {
      const known = strategyPlatforms.find((platform) => platform.id === post.platform);
      const priority: Priority = known?.priority ?? "medium";
      const weekdays = postingWeekdays(priority);
      const time = postingTime(strategy.strategy_output.posting_schedule, known ?? { id: post.platform, name: post.platform });
      for (let offset = 0; offset < MAX_SLOT_DAYS; offset++) {
        const day = start.plus({ days: offset });
        const date = day.toISODate()!;
        if (!weekdays.includes(day.weekday) || taken.has(`${post.platform}@${date}`)) continue;
        taken.add(`${post.platform}@${date}`);
        return zonedDateTime(date, time, timezone);
      }
      return zonedDateTime(start.plus({ days: MAX_SLOT_DAYS }).toISODate()!, time, timezone);
    });
  }
}
