import { DateTime } from "luxon";
import type { PlatformId } from "@strategist/schemas";
import { ENGAGEMENT_METRICS, type ImportRow } from "./schemas";
import {
  CREDIBILITY,
  fitPrior,
  pooledEstimate,
  postRate,
  PRIOR_POSTS,
  quantile,
  RHO_CEILING,
  RHO_FLOOR,
  shrunkEstimate,
  shrunkPosterior,
  weightedRate,
  type Estimate,
  type Observation,
  type Prior,
} from "./stats";

/** A post's results as the insights read them: an import row, with the pillar of the plan post it matched. */
export type ResultRecord = ImportRow & { pillar?: string };

/** The evidence a claim needs; docs/results.md explains each. */
export const THRESHOLDS = {
  /** Posts a weekday-hour slot needs before it can be named a best time. */
  minSlotPosts: 5,
  /** Posts with results a platform needs before any of its slots can be named. */
  minPlatformPosts: 10,
  /** Posts a pillar needs before its rate counts as evidence. */
  minPillarPosts: 5,
  /** How many posts top_posts and bottom_posts each list. */
  listedPosts: 5,
} as const;

export interface Interval {
  low: number;
  high: number;
}

export interface PlatformInsight {
  platform: PlatformId;
  /** Posts with results on the platform (with or without impressions or reach). */
  posts: number;
  /** Posts with neither impressions nor reach: they have no rate and are left out of every rate. */
  posts_without_reach: number;
  /** The posts' mean rate, each post weighing its effective trials; the interval is its Beta posterior's. */
  engagement_rate: number;
  interval: Interval;
  enough_evidence: boolean;
}

export interface PillarInsight {
  pillar: string;
  posts: number;
  /** Platform-adjusted: each post's rate is scaled by (overall mean / its platform's mean) before pooling. */
  engagement_rate: number;
  interval: Interval;
  /** engagement_rate over the mean of every other pillar's posts. */
  lift: number;
  enough_evidence: boolean;
}

export interface SlotInsight {
  /** ISO weekday, Monday = 1, in the insights' time zone. */
  weekday: number;
  /** Hour of the day, 0-23, in the insights' time zone. */
  hour: number;
  engagement_rate: number;
  posts: number;
  interval: Interval;
  /** engagement_rate over the platform's other posts' mean rate. */
  lift: number;
}

export interface PostInsight {
  platform: PlatformId;
  published_at: string;
  url?: string;
  text?: string;
  post_id?: string;
  pillar?: string;
  /** The post's own rate (engagements over impressions, else reach). */
  engagement_rate: number;
  /** Its rate shrunk toward the platform mean, over that mean: what the ranking uses. */
  lift: number;
}

export interface Insights {
  timezone: string;
  credibility: number;
  platforms: PlatformInsight[];
  pillars: PillarInsight[];
  /** Per platform, the slots with enough evidence, best first; empty where there is none (the platform keeps its defaults). */
  best_times: Partial<Record<PlatformId, SlotInsight[]>>;
  /** Per platform, every weekday-hour slot with posts (for a heatmap), evidence or not. */
  slots: Partial<Record<PlatformId, SlotInsight[]>>;
  top_posts: PostInsight[];
  bottom_posts: PostInsight[];
  thresholds: typeof THRESHOLDS & { credibility: number; prior_posts: number; rho_floor: number; rho_ceiling: number };
}

/** Engagements (likes + comments + shares + saves + clicks; an unknown count adds 0) over impressions, else reach. */
export function observationOf(record: Pick<ImportRow, (typeof ENGAGEMENT_METRICS)[number] | "impressions" | "reach">): Observation | undefined {
  const trials = record.impressions || record.reach;
  if (!trials) return undefined;
  const engagements = ENGAGEMENT_METRICS.reduce((sum, metric) => sum + (record[metric] ?? 0), 0);
  return { engagements: Math.min(engagements, trials), trials };
}

interface Scored {
  record: ResultRecord;
  observation: Observation;
  weekday: number;
  hour: number;
}

const interval = (estimate: Estimate): Interval => estimate.interval;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function slotInsights(scored: readonly Scored[], prior: Prior): { all: SlotInsight[]; claimed: SlotInsight[] } {
  const groups = [...groupBy(scored, (s) => `${s.weekday} ${s.hour}`).values()];
  // Every slot with enough posts is a comparison; the claim's one-sided level is split among them (Bonferroni).
  const candidates = groups.filter((group) => group.length >= THRESHOLDS.minSlotPosts).length;
  const claimLevel = (1 - CREDIBILITY) / 2 / Math.max(1, candidates);
  const all: SlotInsight[] = [];
  const claimed: SlotInsight[] = [];
  for (const group of groups) {
    const { weekday, hour } = group[0]!;
    const observations = group.map((s) => s.observation);
    const estimate = shrunkEstimate(observations, prior);
    const rest = weightedRate(
      scored.filter((s) => s.weekday !== weekday || s.hour !== hour).map((s) => s.observation),
      prior,
    );
    const slot: SlotInsight = {
      weekday,
      hour,
      engagement_rate: estimate.rate,
      posts: group.length,
      interval: interval(estimate),
      lift: rest ? estimate.rate / rest : 1,
    };
    all.push(slot);
    const enough = scored.length >= THRESHOLDS.minPlatformPosts && group.length >= THRESHOLDS.minSlotPosts && rest !== undefined;
    if (enough && quantile(shrunkPosterior(observations, prior), claimLevel) > rest) claimed.push(slot);
  }
  const best = (a: SlotInsight, b: SlotInsight) => b.engagement_rate - a.engagement_rate || a.weekday - b.weekday || a.hour - b.hour;
  return { all: all.sort(best), claimed: claimed.sort(best) };
}

function pillarInsights(scored: readonly Scored[], platformMeans: Map<PlatformId, number>): PillarInsight[] {
  const withPillar = scored.filter((s) => s.record.pillar !== undefined);
  const overall = weightedRate(
    withPillar.map((s) => s.observation),
    fitPrior(withPillar.map((s) => s.observation)),
  );
  if (overall === undefined) return [];
  const adjusted = withPillar.map((s) => {
    const platformMean = platformMeans.get(s.record.platform) ?? overall;
    const scale = platformMean > 0 ? overall / platformMean : 1;
    const engagements = Math.min(s.observation.trials, s.observation.engagements * scale);
    return { pillar: s.record.pillar!, observation: { engagements, trials: s.observation.trials } };
  });
  const prior = fitPrior(adjusted.map((a) => a.observation));
  const pillars: PillarInsight[] = [];
  for (const [pillar, group] of groupBy(adjusted, (a) => a.pillar)) {
    const estimate = shrunkEstimate(
      group.map((a) => a.observation),
      prior,
    );
    const rest = weightedRate(
      adjusted.filter((a) => a.pillar !== pillar).map((a) => a.observation),
      prior,
    );
    pillars.push({
      pillar,
      posts: group.length,
      engagement_rate: estimate.rate,
      interval: interval(estimate),
      lift: rest ? estimate.rate / rest : 1,
      enough_evidence: group.length >= THRESHOLDS.minPillarPosts,
    });
  }
  return pillars.sort((a, b) => b.engagement_rate - a.engagement_rate || a.pillar.localeCompare(b.pillar));
}

/**
 * What worked, with honest confidence: per platform, pillar and weekday-hour slot (in `timezone`, DST included), rates
 * shrunk toward the platform mean with a stated credible interval, and best times only where the evidence is enough.
 */
export function computeInsights(records: readonly ResultRecord[], timezone: string): Insights {
  const scored: Scored[] = [];
  const withoutReach = new Map<PlatformId, number>();
  const postsOf = new Map<PlatformId, number>();
  for (const record of records) {
    postsOf.set(record.platform, (postsOf.get(record.platform) ?? 0) + 1);
    const observation = observationOf(record);
    if (!observation) {
      withoutReach.set(record.platform, (withoutReach.get(record.platform) ?? 0) + 1);
      continue;
    }
    const local = DateTime.fromISO(record.published_at, { setZone: true }).setZone(timezone);
    scored.push({ record, observation, weekday: local.weekday, hour: local.hour });
  }

  const platforms: PlatformInsight[] = [];
  const best_times: Insights["best_times"] = {};
  const slots: Insights["slots"] = {};
  const priors = new Map<PlatformId, Prior>();
  const platformMeans = new Map<PlatformId, number>();
  const byPlatform = groupBy(scored, (s) => s.record.platform);
  for (const platform of [...postsOf.keys()].sort()) {
    const group = byPlatform.get(platform) ?? [];
    const prior = fitPrior(group.map((s) => s.observation));
    priors.set(platform, prior);
    const estimate = pooledEstimate(
      group.map((s) => s.observation),
      prior,
    );
    const mean = weightedRate(
      group.map((s) => s.observation),
      prior,
    );
    platformMeans.set(platform, mean ?? 0);
    platforms.push({
      platform,
      posts: postsOf.get(platform) ?? 0,
      posts_without_reach: withoutReach.get(platform) ?? 0,
      engagement_rate: mean ?? 0,
      interval: group.length > 0 ? interval(estimate) : { low: 0, high: 1 },
      enough_evidence: group.length >= THRESHOLDS.minPlatformPosts,
    });
    const { all, claimed } = slotInsights(group, prior);
    slots[platform] = all;
    best_times[platform] = claimed;
  }

  const ranked: PostInsight[] = scored.map((s) => {
    const prior = priors.get(s.record.platform)!;
    const mean = platformMeans.get(s.record.platform) ?? 0;
    const { platform, published_at, url, text, post_id, pillar } = s.record;
    return {
      platform,
      published_at,
      ...(url === undefined ? {} : { url }),
      ...(text === undefined ? {} : { text }),
      ...(post_id === undefined ? {} : { post_id }),
      ...(pillar === undefined ? {} : { pillar }),
      engagement_rate: s.observation.engagements / s.observation.trials,
      lift: mean > 0 ? postRate(s.observation, prior) / mean : 1,
    };
  });
  ranked.sort((a, b) => b.lift - a.lift || a.published_at.localeCompare(b.published_at));
  const listed = Math.min(THRESHOLDS.listedPosts, Math.floor(ranked.length / 2));

  return {
    timezone,
    credibility: CREDIBILITY,
    platforms,
    pillars: pillarInsights(scored, platformMeans),
    best_times,
    slots,
    top_posts: ranked.slice(0, listed),
    bottom_posts: ranked.slice(ranked.length - listed).reverse(),
    thresholds: { ...THRESHOLDS, credibility: CREDIBILITY, prior_posts: PRIOR_POSTS, rho_floor: RHO_FLOOR, rho_ceiling: RHO_CEILING },
  };
}
