/// <reference path="./jstat.d.ts" />
import jStat from "jstat";

/** The credible mass of every interval the insights state. */
export const CREDIBILITY = 0.9;
/** The least between-post correlation assumed (a floor on the spread the prior may claim; caps a post's weight). */
export const RHO_FLOOR = 0.001;
/** The most between-post correlation assumed (and the value taken when fewer than 3 posts give no estimate). */
export const RHO_CEILING = 0.5;
/** How many average posts of evidence the platform mean is worth when a slot or pillar is shrunk toward it. */
export const PRIOR_POSTS = 3;

/** One post's engagements out of its trials (impressions, else reach). */
export interface Observation {
  engagements: number;
  trials: number;
}

/** A group's estimate: posterior mean and its central credible interval. */
export interface Estimate {
  rate: number;
  interval: { low: number; high: number };
}

/**
 * The platform's spread of post rates, fitted by the method of moments to a beta-binomial: `mean` is the mean post
 * rate, `rho` = 1 / (alpha + beta + 1) the between-post correlation, once the binomial noise of each post is taken out.
 */
export interface Prior {
  mean: number;
  rho: number;
  /** The trials a typical post is worth once its spread is counted (median effective trials). */
  typicalWeight: number;
}

const rateOf = (observation: Observation) => observation.engagements / observation.trials;

/** The trials a post is worth under the prior: n / (1 + (n - 1) rho), at most 1 / rho however many impressions it had. */
export function effectiveTrials(trials: number, rho: number): number {
  return trials / (1 + (trials - 1) * rho);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? 0 : sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Fits the platform prior from its posts (method of moments, rho kept within [RHO_FLOOR, RHO_CEILING]). */
export function fitPrior(observations: readonly Observation[]): Prior {
  const rates = observations.map(rateOf);
  const count = rates.length;
  const mean = count === 0 ? 0 : rates.reduce((sum, rate) => sum + rate, 0) / count;
  let rho = RHO_CEILING;
  const spread = mean * (1 - mean);
  if (count >= 3 && spread > 0) {
    const variance = rates.reduce((sum, rate) => sum + (rate - mean) ** 2, 0) / (count - 1);
    const binomial = (spread * observations.reduce((sum, { trials }) => sum + 1 / trials, 0)) / count;
    const share = observations.reduce((sum, { trials }) => sum + (trials - 1) / trials, 0) / count;
    rho = share > 0 ? (variance - binomial) / (spread * share) : RHO_CEILING;
  }
  rho = Math.min(RHO_CEILING, Math.max(RHO_FLOOR, rho));
  return { mean, rho, typicalWeight: median(observations.map(({ trials }) => effectiveTrials(trials, rho))) };
}

/** The weighted mean rate of some posts under the prior (each post weighs its effective trials); undefined for none. */
export function weightedRate(observations: readonly Observation[], prior: Prior): number | undefined {
  let weight = 0;
  let sum = 0;
  for (const observation of observations) {
    const w = effectiveTrials(observation.trials, prior.rho);
    weight += w;
    sum += w * rateOf(observation);
  }
  return weight > 0 ? sum / weight : undefined;
}

function betaEstimate(alpha: number, beta: number): Estimate {
  const tail = (1 - CREDIBILITY) / 2;
  return { rate: alpha / (alpha + beta), interval: { low: jStat.beta.inv(tail, alpha, beta), high: jStat.beta.inv(1 - tail, alpha, beta) } };
}

/** A Beta posterior: its two parameters. */
export interface Posterior {
  alpha: number;
  beta: number;
}

/**
 * A group's (slot's, pillar's) posterior shrunk toward the prior mean: Beta(m W0 + sum w_i p_i, (1 - m) W0 + sum w_i (1 - p_i))
 * with w_i a post's effective trials and W0 = PRIOR_POSTS typical posts. Few posts stay near the mean, with a wide interval.
 */
export function shrunkPosterior(observations: readonly Observation[], prior: Prior): Posterior {
  const priorWeight = PRIOR_POSTS * Math.max(prior.typicalWeight, 1);
  const mean = Math.min(1 - 1e-9, Math.max(1e-9, prior.mean));
  let alpha = mean * priorWeight;
  let beta = (1 - mean) * priorWeight;
  for (const observation of observations) {
    const w = effectiveTrials(observation.trials, prior.rho);
    alpha += w * rateOf(observation);
    beta += w * (1 - rateOf(observation));
  }
  return { alpha, beta };
}

/** The shrunk posterior's mean and CREDIBILITY interval. */
export function shrunkEstimate(observations: readonly Observation[], prior: Prior): Estimate {
  const { alpha, beta } = shrunkPosterior(observations, prior);
  return betaEstimate(alpha, beta);
}

/** The p-quantile of a posterior (e.g. a lower bound at a stricter level than the stated interval). */
export function quantile(posterior: Posterior, p: number): number {
  return jStat.beta.inv(p, posterior.alpha, posterior.beta);
}

/** A whole platform's rate with no shrinkage: the weighted posts under a Jeffreys Beta(1/2, 1/2) prior. */
export function pooledEstimate(observations: readonly Observation[], prior: Prior): Estimate {
  let alpha = 0.5;
  let beta = 0.5;
  for (const observation of observations) {
    const w = effectiveTrials(observation.trials, prior.rho);
    alpha += w * rateOf(observation);
    beta += w * (1 - rateOf(observation));
  }
  return betaEstimate(alpha, beta);
}

/** One post's rate shrunk toward the prior (the beta-binomial posterior mean), so 3 likes on 5 impressions do not top the list. */
export function postRate(observation: Observation, prior: Prior): number {
  const concentration = 1 / prior.rho - 1;
  return (prior.mean * concentration + observation.engagements) / (concentration + observation.trials);
}
