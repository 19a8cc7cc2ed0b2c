import { randomUUID } from "node:crypto";
import { applyVoice, composeStrategy, parseBriefSlots, parseVoiceSlot } from "@strategist/composer";
import { INPUT_LIMITS, type StrategyInput, type StrategyOutput } from "@strategist/schemas";
import { offeredToolName, userText, type ConverseRequestBody } from "./converse-request";

/** What the model says, before it is framed as a stream or a JSON body. */
export type ModelAnswer =
  | { type: "toolUse"; toolUseId: string; name: string; inputJson: string; stopReason: "tool_use" | "max_tokens" }
  | { type: "text"; text: string; stopReason: "end_turn" | "max_tokens" };

/** What the answer should be; the transport-level faults (errors, stalls, cuts) never reach here. */
export type AnswerStyle = "answer" | "text" | "invalidOutput" | "maxTokens" | "bannedWord";

const DEFAULT_TEXT = "Here is a short answer from the local Bedrock.";

/**
 * The brief from the delimited slots of the user's message; without slots the whole text stands in for every field,
 * clipped to the input limits so the composed strategy stays within the output bounds.
 */
export function briefFromPrompt(prompt: string): StrategyInput {
  const fromSlots = parseBriefSlots(prompt);
  if (fromSlots) return fromSlots;
  const text = prompt.trim() || "Unnamed brand";
  return {
    brand_name: text.slice(0, INPUT_LIMITS.brand_name),
    industry: text.slice(0, INPUT_LIMITS.industry),
    target_audience: text.slice(0, INPUT_LIMITS.target_audience),
    goals: text.slice(0, INPUT_LIMITS.goals),
  };
}

/** A strategy that parses as JSON but breaks the schema: one content pillar where three are required. */
function withOnePillar(strategy: StrategyOutput): StrategyOutput {
  return { ...strategy, content_pillars: strategy.content_pillars.slice(0, 1) };
}

/** A strategy that names a banned word in its first content pillar, as a model ignoring the brand's rules would. */
function withBannedWord(strategy: StrategyOutput, word: string | undefined): StrategyOutput {
  if (!word) return strategy;
  const [first, ...rest] = strategy.content_pillars;
  return { ...strategy, content_pillars: [`${first} — ${word}`, ...rest] };
}

/**
 * Decides the model's answer to a request. The answer follows the brand voice the prompt carries in
 * <brand_voice>, like the offline model; `argument` is the text of a `text` answer or the word of a `bannedWord` one.
 */
export function composeAnswer(body: ConverseRequestBody, style: AnswerStyle, argument?: string): ModelAnswer {
  const toolName = offeredToolName(body);
  const text = (style === "text" ? argument : undefined) ?? DEFAULT_TEXT;
  if (style === "text" || toolName === undefined) {
    if (style === "maxTokens") return { type: "text", text: text.slice(0, Math.ceil(text.length / 2)), stopReason: "max_tokens" };
    return { type: "text", text, stopReason: "end_turn" };
  }
  const prompt = userText(body);
  const voice = parseVoiceSlot(prompt);
  const strategy = applyVoice(composeStrategy(briefFromPrompt(prompt)), voice);
  const output =
    style === "invalidOutput" ? withOnePillar(strategy) : style === "bannedWord" ? withBannedWord(strategy, argument ?? voice?.banned_words[0]) : strategy;
  const inputJson = JSON.stringify(output);
  const toolUseId = `tooluse_${randomUUID().replaceAll("-", "").slice(0, 22)}`;
  if (style === "maxTokens") {
    return { type: "toolUse", toolUseId, name: toolName, inputJson: inputJson.slice(0, Math.ceil(inputJson.length / 2)), stopReason: "max_tokens" };
  }
  return { type: "toolUse", toolUseId, name: toolName, inputJson, stopReason: "tool_use" };
}

/** A call of the offered tool with a scripted input; plain text when no tool is offered. */
export function toolInputAnswer(body: ConverseRequestBody, input: unknown): ModelAnswer {
  const toolName = offeredToolName(body);
  if (toolName === undefined) return { type: "text", text: DEFAULT_TEXT, stopReason: "end_turn" };
  return { type: "toolUse", toolUseId: `tooluse_${randomUUID().replaceAll("-", "").slice(0, 22)}`, name: toolName, inputJson: JSON.stringify(input), stopReason: "tool_use" };
}

/** The text the answer streams, used for chunking and the output token estimate. */
export function answerText(answer: ModelAnswer): string {
  return answer.type === "toolUse" ? answer.inputJson : answer.text;
}
