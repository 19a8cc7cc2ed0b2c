import { strategyV1 } from "./strategy.v1";
import { strategyV2 } from "./strategy.v2";

/** Every version of the strategy prompt, oldest first; docs/eval.md records the scorecard of each. */
export const STRATEGY_PROMPTS = [strategyV1, strategyV2];
