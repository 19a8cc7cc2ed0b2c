import { StrategyOutput, type StrategyInput } from "@strategist/schemas";
import type { ModelCallSpec } from "../generation/model-call";
import { buildUserPrompt, SYSTEM_PROMPT } from "./prompt";

export { GenerationCancelled, MAX_MODEL_TURNS, StructuredOutputFailure } from "../generation/model-call";

/** The strategist's model call: a whole strategy written from a brief, through the shared model call. */
export function strategyCall(input: StrategyInput, modelId?: string): ModelCallSpec<StrategyOutput> {
  return { schema: StrategyOutput, systemPrompt: SYSTEM_PROMPT, prompt: buildUserPrompt(input), ...(modelId ? { modelId } : {}) };
}
