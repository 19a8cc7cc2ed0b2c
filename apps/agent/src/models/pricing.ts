import type { TokenUsage } from "@strategist/schemas";
import type { ModelPrice } from "../core/config";
import { OFFLINE_MODEL_ID } from "./offline/model";

/**
 * Published on-demand prices of the allow-listed models (USD per million tokens, us-east-1, at the time of writing).
 * Prices change: a deployment overrides or adds entries with MODEL_PRICES. The offline model costs nothing.
 */
export const DEFAULT_PRICES: Record<string, ModelPrice> = {
  "us.anthropic.claude-sonnet-4-20250514-v1:0": { input: 3, output: 15, cacheRead: 0.3 },
  "us.amazon.nova-pro-v1:0": { input: 0.8, output: 3.2, cacheRead: 0.2 },
  "qwen.qwen3-32b-v1:0": { input: 0.15, output: 0.6, cacheRead: 0.15 },
  "gpt-4o-mini": { input: 0.15, output: 0.6, cacheRead: 0.075 },
  "gpt-4o": { input: 2.5, output: 10, cacheRead: 1.25 },
  [OFFLINE_MODEL_ID]: { input: 0, output: 0, cacheRead: 0 },
};

/** The price table of a deployment: the defaults, overridden by MODEL_PRICES. */
export class PriceTable {
  private readonly prices: Record<string, ModelPrice>;

  constructor(overrides: Record<string, ModelPrice> = {}) {
    this.prices = { ...DEFAULT_PRICES, ...overrides };
  }

  /** Estimated USD cost of one model call's usage; undefined for a model without a price. */
  estimate(modelId: string, usage: Pick<TokenUsage, "input_tokens" | "output_tokens" | "cache_read_tokens">): number | undefined {
    const price = this.prices[modelId];
    if (!price) return undefined;
    const cost = (usage.input_tokens * price.input + usage.output_tokens * price.output + usage.cache_read_tokens * price.cacheRead) / 1_000_000;
    return Math.round(cost * 1e8) / 1e8;
  }
}
