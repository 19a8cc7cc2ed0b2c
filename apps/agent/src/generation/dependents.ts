import type { FastifyBaseLogger } from "fastify";

/**
 * Data another capability keeps about a strategy outside the strategy-items table (image jobs and their S3
 * objects, ...). Deleting a strategy calls each registered dependent after the items are gone and before the
 * strategy itself is, so a failed delete can be retried and finds the strategy still there.
 */
export interface StrategyDependent {
  /** Names the dependent in logs. */
  name: string;
  deleteFor(strategyId: string, log: FastifyBaseLogger): Promise<void>;
}
