import type { TokenUsage } from "@strategist/schemas";
import { formatCost } from "./cost";

/** The estimated cost of the model call that wrote a strategy, with its token counts on hover. */
export function StrategyCost({ usage }: { usage?: TokenUsage }) {
  if (usage?.estimated_cost_usd === undefined) return null;
  const tokens = `${usage.input_tokens} input, ${usage.output_tokens} output, ${usage.cache_read_tokens} cached tokens`;
  return (
    <span className="strategy-cost" title={`Estimated from the deployment's price table: ${tokens}`}>
      Estimated cost {formatCost(usage.estimated_cost_usd)}
    </span>
  );
}
