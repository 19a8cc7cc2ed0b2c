import { createHash } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import { computeInsights, dedupeKey, matchRows, normaliseUrl, parseImportRows, parseResultsCsv, type Insights, type MatchablePost } from "@strategist/insights";
import type { ImportRow, PlanPost, PlatformId, PostResult, PostResultRecord, ResultImportResponse, StrategyRecord } from "@strategist/schemas";
import { AppError } from "../core/errors";
import type { ResultRepository, StoredResult } from "./repository";

/** The current plan of a strategy, as results read it (the plans capability provides it). */
export interface PlanSource {
  find(strategyId: string): Promise<{ timezone: string; posts: PlanPost[] } | undefined>;
}

interface ResultServiceDeps {
  /** Reads a strategy of the user's: 404 when missing, 403 when another user's. */
  strategies: { get(userId: string, strategyId: string, log: FastifyBaseLogger): Promise<StrategyRecord> };
  /** Reads a brand of the user's (404, 403) and its default time zone. */
  brands: {
    get(userId: string, brandId: string, log: FastifyBaseLogger): Promise<{ default_timezone?: string }>;
    defaultTimezone(userId: string, brandId: string): Promise<string | undefined>;
  };
  plans: PlanSource;
  repository: ResultRepository;
  clock?: () => Date;
}

/** What an import reads: a CSV's text, or the items of JSON `rows`. */
export type ImportInput = { csv: string } | { rows: unknown[] };

export interface ImportOptions {
  dryRun: boolean;
  /** The platform of a CSV without a platform column. */
  platform?: PlatformId;
}

/** The key a result is stored under: its plan post's id, else a hash of its dedupe key (url, else platform, time and text). */
function storageKey(row: ImportRow, postId: string | undefined): string {
  if (postId !== undefined) return `post#${postId}`;
  return `row#${createHash("sha256").update(dedupeKey(row)).digest("hex").slice(0, 40)}`;
}

/** Two rows alike whatever the order of their fields. */
function sameRow(a: ImportRow, b: ImportRow): boolean {
  const text = (row: ImportRow) => JSON.stringify(Object.entries(row).sort(([x], [y]) => x.localeCompare(y)));
  return text(a) === text(b);
}

/**
 * Results in, insights out: one post's numbers, imports of many (matched to the plan's posts, the rest kept as earlier
 * posts, deduplicated), and insights for a strategy or a brand. Every use case checks ownership before any work.
 */
export class ResultService {
  private readonly clock: () => Date;

  constructor(private readonly deps: ResultServiceDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /** 404 when the strategy is missing, 403 when it is another user's. */
  async assertOwner(userId: string, strategyId: string, log: FastifyBaseLogger): Promise<void> {
    await this.deps.strategies.get(userId, strategyId, log);
  }

  /** Stores one plan post's results, replacing what an earlier PUT or import stored for it. */
  async putPostResult(userId: string, strategyId: string, postId: string, result: PostResult, log: FastifyBaseLogger): Promise<PostResultRecord> {
    const strategy = await this.deps.strategies.get(userId, strategyId, log);
    const post = (await this.deps.plans.find(strategyId))?.posts.find((candidate) => candidate.id === postId);
    if (!post) throw new AppError("post_not_found");
    const row: ImportRow = { platform: post.platform, text: post.caption, post_id: post.id, pillar: post.pillar, ...result };
    const stored = await this.deps.repository.forStrategy(strategyId);
    const superseded = stored.filter((result) => result.key === storageKey(row, undefined)).map((result) => result.key);
    await this.deps.repository.write(this.scope(userId, strategy), [{ key: storageKey(row, post.id), row }], superseded, this.clock().toISOString());
    log.info({ strategy_id: strategyId, post_id: postId }, "post results stored");
    return { ...result, post_id: post.id, platform: post.platform, pillar: post.pillar };
  }

  /**
   * Imports many results: rows are checked one by one (a bad row is listed by line, never blocking the others),
   * matched to plan posts by post_id, url, then platform and time, and stored by key, so importing the same rows
   * again adds nothing. A dry run answers the same and stores nothing.
   */
  async import(userId: string, strategyId: string, input: ImportInput, options: ImportOptions, log: FastifyBaseLogger): Promise<ResultImportResponse> {
    const strategy = await this.deps.strategies.get(userId, strategyId, log);
    const plan = await this.deps.plans.find(strategyId);
    const timezone = plan?.timezone ?? (strategy.brand_id ? await this.deps.brands.defaultTimezone(userId, strategy.brand_id) : undefined);
    const parsed =
      "csv" in input
        ? parseResultsCsv(input.csv, { platform: options.platform, timezone })
        : { ...parseImportRows(input.rows), ignored_columns: [] as string[] };
    const stored = await this.deps.repository.forStrategy(strategyId);
    const byKey = new Map(stored.map((result) => [result.key, result.row]));

    const publishedUrls = new Map<string, string>();
    for (const result of stored) if (result.key.startsWith("post#") && result.row.url) publishedUrls.set(result.key.slice(5), result.row.url);
    const posts: MatchablePost[] = (plan?.posts ?? []).map((post) => ({
      id: post.id,
      platform: post.platform,
      scheduled_at: post.scheduled_at,
      ...(publishedUrls.has(post.id) ? { url: normaliseUrl(publishedUrls.get(post.id)!) } : {}),
    }));
    const planPosts = new Map((plan?.posts ?? []).map((post) => [post.id, post]));
    const { matched, earlier } = matchRows(parsed.rows, posts);

    // Within one import the last row of a key wins.
    const incoming = new Map<string, ImportRow>();
    for (const { row, post_id } of matched) {
      const post = planPosts.get(post_id)!;
      incoming.set(storageKey(row, post_id), { ...row, post_id, pillar: post.pillar, ...(row.text === undefined ? { text: post.caption } : {}) });
    }
    for (const row of earlier) incoming.set(storageKey(row, undefined), row);

    const changed: StoredResult[] = [];
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    for (const [key, row] of incoming) {
      const before = byKey.get(key);
      if (!before) added += 1;
      else if (sameRow(before, row)) {
        unchanged += 1;
        continue;
      } else updated += 1;
      changed.push({ key, row });
    }
    // A row stored as an earlier post that now matches a plan post moves to the post's key.
    const superseded = matched.map(({ row }) => storageKey(row, undefined)).filter((key) => byKey.has(key) && !incoming.has(key));

    if (!options.dryRun && (changed.length > 0 || superseded.length > 0)) {
      await this.deps.repository.write(this.scope(userId, strategy), changed, superseded, this.clock().toISOString());
    }
    log.info(
      { strategy_id: strategyId, dry_run: options.dryRun, matched: matched.length, earlier: earlier.length, added, updated, rejected: parsed.rejected.length },
      options.dryRun ? "results import previewed" : "results imported",
    );
    return {
      dry_run: options.dryRun,
      matched: matched.map(({ row, post_id, by }) => ({ post_id, by, platform: row.platform, published_at: row.published_at })),
      earlier: earlier.length,
      added,
      updated,
      unchanged,
      rejected: parsed.rejected,
      ignored_columns: parsed.ignored_columns,
    };
  }

  /** A strategy's insights in its plan's time zone (else its brand's, else UTC). */
  async strategyInsights(userId: string, strategyId: string, log: FastifyBaseLogger): Promise<Insights> {
    const strategy = await this.deps.strategies.get(userId, strategyId, log);
    const plan = await this.deps.plans.find(strategyId);
    const timezone = plan?.timezone ?? (strategy.brand_id ? await this.deps.brands.defaultTimezone(userId, strategy.brand_id) : undefined) ?? "UTC";
    return this.insightsOf(strategy, timezone);
  }

  /** A brand's insights across every strategy written for it, in the brand's time zone (else UTC). */
  async brandInsights(userId: string, brandId: string, log: FastifyBaseLogger): Promise<Insights> {
    const brand = await this.deps.brands.get(userId, brandId, log);
    return computeInsights(await this.deps.repository.forBrand(brandId), brand.default_timezone ?? "UTC");
  }

  /** A strategy's insights for a caller that checked ownership already (the next plan, a refine). */
  async insightsOf(strategy: Pick<StrategyRecord, "id">, timezone: string): Promise<Insights> {
    return computeInsights(
      (await this.deps.repository.forStrategy(strategy.id)).map((result) => result.row),
      timezone,
    );
  }

  /** A strategy's insights in its plan's time zone (else its brand's, else UTC), for a caller that checked ownership (a refine). */
  async insightsFor(strategy: StrategyRecord): Promise<Insights> {
    const plan = await this.deps.plans.find(strategy.id);
    const timezone = plan?.timezone ?? (strategy.brand_id ? await this.deps.brands.defaultTimezone(strategy.user_id, strategy.brand_id) : undefined) ?? "UTC";
    return this.insightsOf(strategy, timezone);
  }

  /** A brand's insights for a caller that checked ownership already (a new strategy for the brand). */
  async insightsOfBrand(brandId: string, timezone: string): Promise<Insights> {
    return computeInsights(await this.deps.repository.forBrand(brandId), timezone);
  }

  private scope(userId: string, strategy: StrategyRecord) {
    return { userId, strategyId: strategy.id, ...(strategy.brand_id ? { brandId: strategy.brand_id } : {}) };
  }
}
