import { cachedSystemText, type ConverseRequestBody } from "./converse-request";

/** Token usage in the shape of Bedrock's ConverseStream metadata event and Converse response. */
export interface BedrockUsage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  cacheReadInputTokens: number;
  cacheWriteInputTokens: number;
}

/** A rough token estimate (about four characters a token), never zero for non-empty text. */
function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * Remembers which system prompts were cached per model, so the first request with a cache point reports a cache
 * write and later ones a cache read, like Bedrock's prompt caching.
 */
export class PromptCache {
  #cached = new Set<string>();

  /** Usage for a request and the text the model wrote back. */
  usage(modelId: string, body: ConverseRequestBody, outputText: string): BedrockUsage {
    const promptTokens = estimateTokens(JSON.stringify({ system: body.system, messages: body.messages, toolConfig: body.toolConfig }));
    const outputTokens = Math.max(1, estimateTokens(outputText));
    const systemText = cachedSystemText(body);
    let cacheReadInputTokens = 0;
    let cacheWriteInputTokens = 0;
    if (systemText !== undefined) {
      const cachedTokens = Math.min(promptTokens - 1, estimateTokens(systemText));
      const key = `${modelId}\u0000${systemText}`;
      if (this.#cached.has(key)) cacheReadInputTokens = cachedTokens;
      else cacheWriteInputTokens = cachedTokens;
      this.#cached.add(key);
    }
    // Bedrock counts cached tokens apart from inputTokens; the total adds all four.
    const inputTokens = promptTokens - cacheReadInputTokens - cacheWriteInputTokens;
    return {
      inputTokens,
      outputTokens,
      totalTokens: inputTokens + outputTokens + cacheReadInputTokens + cacheWriteInputTokens,
      cacheReadInputTokens,
      cacheWriteInputTokens,
    };
  }

  /** Forgets every cached prompt. */
  clear(): void {
    this.#cached.clear();
  }
}
