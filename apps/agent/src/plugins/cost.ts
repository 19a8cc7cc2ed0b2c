import fp from "fastify-plugin";
import type { PriceTable } from "../agent/pricing";

declare module "fastify" {
  interface FastifyInstance {
    /** The payload with `usage.estimated_cost_usd` added, for answers written outside serialization (SSE events). */
    withCost(payload: unknown): unknown;
  }
}

interface Priced {
  model?: unknown;
  usage?: { input_tokens?: unknown; output_tokens?: unknown; cache_read_tokens?: unknown; estimated_cost_usd?: unknown };
}

function isUsage(usage: Priced["usage"]): usage is { input_tokens: number; output_tokens: number; cache_read_tokens: number } {
  return typeof usage === "object" && usage !== null && [usage.input_tokens, usage.output_tokens, usage.cache_read_tokens].every((n) => typeof n === "number");
}

/** Adds `usage.estimated_cost_usd` to every object in a payload that names its model and carries token usage. */
export function annotateCost(payload: unknown, prices: PriceTable, depth = 0): unknown {
  if (depth > 4 || typeof payload !== "object" || payload === null) return payload;
  if (Array.isArray(payload)) return payload.map((item) => annotateCost(item, prices, depth + 1));
  const record = payload as Priced & Record<string, unknown>;
  const annotated: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) annotated[key] = key === "usage" ? value : annotateCost(value, prices, depth + 1);
  if (typeof record.model === "string" && isUsage(record.usage)) {
    const cost = prices.estimate(record.model, record.usage);
    if (cost !== undefined) annotated.usage = { ...record.usage, estimated_cost_usd: cost };
  }
  return annotated;
}

/**
 * Estimated cost on every response that carries a model and its token usage (a strategy, its versions, a list of
 * them), computed when it is read: records stored before the price table existed get it too, and a price change
 * applies everywhere at once.
 */
export const costPlugin = fp<{ prices: PriceTable }>(
  async (app, { prices }) => {
    app.decorate("withCost", (payload: unknown) => annotateCost(payload, prices));
    app.addHook("preSerialization", async (_request, _reply, payload) => annotateCost(payload, prices));
  },
  { name: "cost" },
);
