import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import type { FastifyBaseLogger } from "fastify";
import type { Plan, PlanFeed, StrategyRecord } from "@strategist/schemas";
import { AppError } from "../core/errors";
import type { StrategyService } from "../strategies/service";
import type { ExportPool } from "./export-pool";
import type { FeedLinks } from "./exports";
import { FeedRepository, newFeedToken, parseFeedToken, secretMatches } from "./feed";
import type { PlanRepository } from "./repository";

/** The finished pictures of a strategy's posts, from the image jobs (wired in main). */
export interface PostImages {
  /** Completed image job ids by post id, oldest first. */
  completedByPost(strategyId: string): Promise<Record<string, string[]>>;
  /** A completed job's picture, when the job belongs to the strategy; undefined otherwise. */
  content(strategyId: string, jobId: string): Promise<{ body: Readable; contentType: string; contentLength?: number } | undefined>;
}

interface FeedServiceDeps {
  strategies: Pick<StrategyService, "get">;
  /** Reads a strategy without an ownership check: the feed's token is the authority. */
  strategyRecords: { findById(strategyId: string): Promise<StrategyRecord | undefined> };
  plans: PlanRepository;
  feeds: FeedRepository;
  images?: PostImages;
  exports: ExportPool;
  /** The web origin every link of a feed points at (the first FRONTEND_URL). */
  webUrl: string;
}

/**
 * The plan's calendar: links for the downloaded ICS, and the subscription feed (create, rotate, revoke, and the
 * token-authorised feed and pictures). The token is shown once and only its hash is stored.
 */
export class PlanFeedService {
  constructor(private readonly deps: FeedServiceDeps) {}

  /** Links for an export: each post's page, each post's pictures (through the feed's token when one is given). */
  async links(strategyId: string, plan: Plan, feedToken?: string): Promise<FeedLinks> {
    const web = this.deps.webUrl.replace(/\/+$/u, "");
    const completed = (await this.deps.images?.completedByPost(strategyId)) ?? {};
    const posts: Record<string, string> = {};
    const images: Record<string, string[]> = {};
    for (const post of plan.posts) {
      posts[post.id] = `${web}/strategies/${encodeURIComponent(strategyId)}/plan?post=${encodeURIComponent(post.id)}`;
      const jobs = completed[post.id] ?? [];
      if (jobs.length === 0) continue;
      images[post.id] = jobs.map((jobId) =>
        feedToken ? `${web}/api/plan-feeds/${feedToken}/images/${encodeURIComponent(jobId)}` : `${web}/api/images/jobs/${encodeURIComponent(jobId)}/content`,
      );
    }
    return { posts, images, ...(feedToken ? { subscription: true } : {}) };
  }

  /** Creates the feed, or rotates its token: the answer holds the only copy of the new links. */
  async create(userId: string, strategyId: string, approvedOnly: boolean, log: FastifyBaseLogger): Promise<PlanFeed> {
    await this.deps.strategies.get(userId, strategyId, log);
    const { token, secretHash } = newFeedToken(strategyId);
    const createdAt = new Date().toISOString();
    await this.deps.feeds.put({ strategyId, userId, secretHash, approvedOnly, createdAt });
    log.info({ strategy_id: strategyId, approved_only: approvedOnly }, "plan feed token issued");
    const feedUrl = `${this.deps.webUrl.replace(/\/+$/u, "")}/api/plan-feeds/${token}.ics`;
    return { approved_only: approvedOnly, created_at: createdAt, feed_url: feedUrl, webcal_url: feedUrl.replace(/^https?:\/\//u, "webcal://") };
  }

  async get(userId: string, strategyId: string, log: FastifyBaseLogger): Promise<PlanFeed> {
    await this.deps.strategies.get(userId, strategyId, log);
    const feed = await this.deps.feeds.find(strategyId);
    if (!feed) throw new AppError("feed_not_found");
    return { approved_only: feed.approvedOnly, created_at: feed.createdAt };
  }

  async setApprovedOnly(userId: string, strategyId: string, approvedOnly: boolean, log: FastifyBaseLogger): Promise<PlanFeed> {
    await this.deps.strategies.get(userId, strategyId, log);
    const feed = await this.deps.feeds.setApprovedOnly(strategyId, approvedOnly);
    if (!feed) throw new AppError("feed_not_found");
    return { approved_only: feed.approvedOnly, created_at: feed.createdAt };
  }

  /** Revokes the feed: its token answers 404 from now on. */
  async revoke(userId: string, strategyId: string, log: FastifyBaseLogger): Promise<void> {
    await this.deps.strategies.get(userId, strategyId, log);
    await this.deps.feeds.delete(strategyId);
    log.info({ strategy_id: strategyId }, "plan feed revoked");
  }

  /** The feed's calendar and its ETag; 404 for a wrong, revoked or malformed token. */
  async calendar(token: string): Promise<{ body: Buffer; etag: string }> {
    const { strategy, plan, approvedOnly } = await this.authorised(token);
    const posts = plan ? (approvedOnly ? plan.posts.filter((post) => post.status === "approved") : plan.posts) : [];
    const shown: Plan = plan
      ? { ...plan, posts }
      : {
          strategy_id: strategy.id,
          strategy_version: strategy.version,
          timezone: "UTC",
          start_date: "1970-01-01",
          weeks: 1,
          created_at: strategy.created_at,
          model: "",
          posts,
        };
    const links = await this.links(strategy.id, shown, token);
    // The stamp is the plan's own time, so an unchanged plan gives the same bytes, and the same ETag.
    const body = await this.deps.exports.render({ kind: "ics", strategy, plan: shown, now: shown.created_at, links });
    return { body, etag: `"${createHash("sha256").update(body).digest("base64url")}"` };
  }

  /** A picture of one of the feed's posts; 404 unless the token is current and the job is the strategy's. */
  async image(token: string, jobId: string): Promise<{ body: Readable; contentType: string; contentLength?: number }> {
    const { strategy } = await this.authorised(token);
    const image = await this.deps.images?.content(strategy.id, jobId);
    if (!image) throw new AppError("job_not_found");
    return image;
  }

  private async authorised(token: string): Promise<{ strategy: StrategyRecord; plan?: Plan; approvedOnly: boolean }> {
    const parsed = parseFeedToken(token);
    const feed = parsed && (await this.deps.feeds.find(parsed.strategyId));
    if (!parsed || !feed || !secretMatches(parsed.secret, feed.secretHash)) throw new AppError("feed_not_found");
    const strategy = await this.deps.strategyRecords.findById(parsed.strategyId);
    // A feed never outlives its strategy or serves another user's.
    if (!strategy || strategy.user_id !== feed.userId) throw new AppError("feed_not_found");
    const stored = await this.deps.plans.find(strategy.id);
    return { strategy, approvedOnly: feed.approvedOnly, ...(stored ? { plan: stored.plan } : {}) };
  }
}
