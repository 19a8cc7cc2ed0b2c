import { formatBriefSlots } from "@strategist/composer";
import type { BrandVoice, StrategyInput } from "@strategist/schemas";
import { voicePrompt } from "../generation/voice";
import { taskLine } from "../models/offline/protocol";
import { STRATEGY_PROMPTS } from "./prompts";
import { resultsPrompt, type ResultsEvidence } from "./results";

/** The strategy prompt in use: the newest version (older ones stay in prompts/ so their scorecards can be compared). */
export const STRATEGY_PROMPT = STRATEGY_PROMPTS.at(-1)!;

/** The strategist's system prompt (the current version's text). */
export const SYSTEM_PROMPT = STRATEGY_PROMPT.system;

/** The user turn: the request with the brief in delimited slots, then the brand's voice and its results when it has them. */
export function buildUserPrompt(input: StrategyInput, voice?: BrandVoice, results?: ResultsEvidence): string {
  const prompt = `${taskLine("strategy")}
Generate a comprehensive social media strategy for this brand. The brief:

${formatBriefSlots(input)}

Include content pillars, a posting schedule, platform recommendations, content themes, engagement tactics and visual prompts that fit this strategy.`;
  return [prompt, ...(voice ? [voicePrompt(voice)] : []), ...(results ? [resultsPrompt(results)] : [])].join("\n\n");
}
