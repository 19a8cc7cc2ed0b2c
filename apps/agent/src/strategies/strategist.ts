import { StrategyOutput, type BrandVoice, type StrategyInput } from "@strategist/schemas";
import { schemaForVoice } from "../generation/voice";
import type { ModelCallSpec } from "../models/model-call";
import { buildUserPrompt, SYSTEM_PROMPT } from "./prompt";
import type { ResultsEvidence } from "./results";

/**
 * The strategist's model call: a whole strategy written from a brief, through the shared model call. With a brand
 * voice the prompt carries it and the schema refuses the brand's banned words, so the model corrects them; with the
 * brand's results the prompt carries their summary and evidence.
 */
export function strategyCall(input: StrategyInput, modelId?: string, voice?: BrandVoice, results?: ResultsEvidence): ModelCallSpec<StrategyOutput> {
  return {
    schema: schemaForVoice(StrategyOutput, voice),
    systemPrompt: SYSTEM_PROMPT,
    prompt: buildUserPrompt(input, voice, results),
    ...(modelId ? { modelId } : {}),
  };
}
