import { Agent, MaxTokensError, NullConversationManager, StructuredOutputError, type AgentStreamEvent } from "@strands-agents/sdk";
import { StrategyOutput, type StrategyInput, type TokenUsage } from "@strategist/schemas";
import type { ModelCatalog } from "./catalog";
import { buildUserPrompt, SYSTEM_PROMPT } from "./prompt";

/** A strategy the model wrote, with the model that wrote it and what it cost. */
export interface Generation {
  output: StrategyOutput;
  model: string;
  usage: TokenUsage;
}

export interface GenerateOptions {
  /** Aborts the model call (timeout, client gone, shutdown). */
  signal: AbortSignal;
  /** A model id from the catalog; the default when absent. */
  modelId?: string;
  /** Sees every agent event as it happens (live generation). */
  onEvent?: (event: AgentStreamEvent) => void;
}

/** The model ended without valid structured output (invalid every time, cut off by max tokens, or turn limit). */
export class StructuredOutputFailure extends Error {
  override name = "StructuredOutputFailure";
}

/** The generation was cancelled through its signal before the model finished. */
export class GenerationCancelled extends Error {
  override name = "GenerationCancelled";
}

/**
 * How many model calls one generation may make. Each invalid structured output costs one; the bound turns a
 * model that never produces valid output into a clear failure instead of an endless loop.
 */
export const MAX_MODEL_TURNS = 4;

/** The strategist agent: one Strands agent per generation, sharing the catalog's model instances. */
export class Strategist {
  constructor(private readonly catalog: ModelCatalog) {}

  async generate(input: StrategyInput, options: GenerateOptions): Promise<Generation> {
    const { id, model } = this.catalog.resolve(options.modelId);
    const agent = new Agent({
      model,
      systemPrompt: SYSTEM_PROMPT,
      printer: false,
      structuredOutputSchema: StrategyOutput,
      conversationManager: new NullConversationManager(),
    });
    const events = agent.stream(buildUserPrompt(input), {
      cancelSignal: options.signal,
      limits: { turns: MAX_MODEL_TURNS },
    });

    let step: IteratorResult<AgentStreamEvent, Awaited<ReturnType<Agent["invoke"]>>>;
    try {
      while (!(step = await events.next()).done) options.onEvent?.(step.value);
    } catch (error) {
      if (options.signal.aborted) throw new GenerationCancelled("generation cancelled", { cause: error });
      if (error instanceof StructuredOutputError || error instanceof MaxTokensError) {
        throw new StructuredOutputFailure(error.message, { cause: error });
      }
      throw error;
    }
    const result = step.value;
    if (result.stopReason === "cancelled" || options.signal.aborted) throw new GenerationCancelled("generation cancelled");
    const parsed = StrategyOutput.safeParse(result.structuredOutput);
    if (!parsed.success) {
      throw new StructuredOutputFailure(`no valid structured output (stop reason ${result.stopReason})`);
    }
    const usage = result.metrics?.accumulatedUsage;
    return {
      output: parsed.data,
      model: id,
      usage: {
        input_tokens: usage?.inputTokens ?? 0,
        output_tokens: usage?.outputTokens ?? 0,
        cache_read_tokens: usage?.cacheReadInputTokens ?? 0,
      },
    };
  }
}
