import fp from "fastify-plugin";
import type { PriceTable } from "../../models/pricing";

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

/**
 * Adds `usage.estimated_cost_usd` to every object in a payload that names its model and carries token usage. The
 * payload is never changed: objects on the way to an annotated usage are copied, and everything else (most of a
 * response, e.g. a page of summaries, which carry no usage) is returned as it is, without a copy.
 */
export function annotateCost(payload: unknown, prices: PriceTable, depth = 0): unknown {
  if (depth > 4 || typeof payload !== "object" || payload === null) return payload;
  if (Array.isArray(payload)) {
    let copy: unknown[] | undefined;
    for (let index = 0; index < payload.length; index++) {
      const item: unknown = payload[index];
      const annotated = annotateCost(item, prices, depth + 1);
      if (annotated !== item) (copy ??= payload.slice())[index] = annotated;
    }
    return copy ?? payload;
  }
  const record = payload as Priced & Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(record)) {
    if (key === "usage") continue;
    const value = record[key];
    const annotated = annotateCost(value, prices, depth + 1);
    if (annotated !== value) (copy ??= { ...record })[key] = annotated;
  }
  if (typeof record.model === "string" && isUsage(record.usage)) {
    const cost = prices.estimate(record.model, record.usage);
    if (cost !== undefined) (copy ??= { ...record }).usage = { ...record.usage, estimated_cost_usd: cost };
  }
  return copy ?? record;
}

/**
 * Estimated cost on every response that carries a model and its token usage (a strategy, its versions, a list of
 * them), computed when it is read: records stored before the price table existed get it too, and a price change
 * applies everywhere at once.
 */
export const costPlugin = fp<{ prices: PriceTable }>(
  async (app, { prices }) => {
    app.decorate("withCost", (payload: unknown) => annotateCost(payload, prices));
    app.addHook("preSerialization", (_request, _reply, payload, done) => done(null, annotateCost(payload, prices)));
  },
  { name: "cost" },
);

declare module "fastify" {
  interface FastifyInstance {
    /** The payload with `usage.estimated_cost_usd` added, for answers that bypass serialization (SSE events). */
    withCost(payload: unknown): unknown;
  }
}
