import { Agent, MaxTokensError, NullConversationManager, StructuredOutputError, type AgentStreamEvent } from "@strands-agents/sdk";
import { StrategyOutput, type StrategyInput, type TokenUsage } from "@strategist/schemas";
import { withPrebuiltJsonSchema } from "./structured-schema";
import type { ModelCatalog, ResolvedModel } from "./catalog";
import { describeAwsFailure, isUnavailableFailure } from "./failures";
import { buildUserPrompt, SYSTEM_PROMPT } from "./prompt";
import { DeadlineRetryStrategy } from "./retry";

/** A strategy the model wrote, with the model that wrote it and what it cost. */
export interface Generation {
  output: StrategyOutput;
  model: string;
  usage: TokenUsage;
}

/** The little of a logger the strategist needs (pino and Fastify's logger fit). */
export interface GenerationLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface GenerateOptions {
  /** Aborts the model call (timeout, client gone, shutdown). */
  signal: AbortSignal;
  /** Epoch ms by which the generation must be done; retries and fallbacks stop in time for it. */
  deadline: number;
  /** A model id from the catalog; the default when absent. */
  modelId?: string;
  /** Sees every agent event as it happens (live generation), with the model it came from. */
  onEvent?: (event: AgentStreamEvent, model: string) => void;
  log?: GenerationLog;
}

export interface RetryPolicy {
  /** Model calls per model, the first included (BEDROCK_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** First backoff step; later steps double, with full jitter (BEDROCK_RETRY_BASE_MS). */
  baseDelayMs: number;
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
 * How many model calls one attempt may make. Each invalid structured output costs one; the bound turns a
 * model that never produces valid output into a clear failure instead of an endless loop.
 */
export const MAX_MODEL_TURNS = 4;

/** The strategy schema for the structured-output tool, its JSON Schema built once per process. */
const STRUCTURED_OUTPUT = withPrebuiltJsonSchema(StrategyOutput);

const NO_RETRY: RetryPolicy = { maxAttempts: 1, baseDelayMs: 0 };

/**
 * The strategist agent: one Strands agent per attempt, sharing the catalog's model instances. Throttled or
 * unavailable models are retried with backoff within the deadline, then the catalog's fallback chain is tried.
 */
export class Strategist {
  constructor(
    private readonly catalog: ModelCatalog,
    private readonly retry: RetryPolicy = NO_RETRY,
  ) {}

  async generate(input: StrategyInput, options: GenerateOptions): Promise<Generation> {
    const candidates = this.catalog.candidates(options.modelId);
    for (const [index, candidate] of candidates.entries()) {
      try {
        return await this.attempt(candidate, input, options);
      } catch (error) {
        const next = candidates[index + 1];
        if (!next || !isUnavailableFailure(error) || options.signal.aborted || Date.now() >= options.deadline) throw error;
        options.log?.warn({ model: candidate.id, fallback: next.id, ...describeAwsFailure(error) }, "model unavailable, falling back");
      }
    }
    throw new Error("no model to try");
  }

  private async attempt({ id, model }: ResolvedModel, input: StrategyInput, options: GenerateOptions): Promise<Generation> {
    const budget = options.deadline - Date.now();
    const agent = new Agent({
      model,
      systemPrompt: SYSTEM_PROMPT,
      printer: false,
      structuredOutputSchema: STRUCTURED_OUTPUT,
      conversationManager: new NullConversationManager(),
      retryStrategy: new DeadlineRetryStrategy({
        ...this.retry,
        deadline: options.deadline,
        reserveMs: Math.min(10_000, Math.max(250, budget * 0.2)),
        onRetry: (attempt, waitMs, error) =>
          options.log?.warn({ model: id, attempt, wait_ms: Math.round(waitMs), ...describeAwsFailure(error) }, "model call failed, retrying"),
      }),
    });
    const events = agent.stream(buildUserPrompt(input), { cancelSignal: options.signal, limits: { turns: MAX_MODEL_TURNS } });

    let step: IteratorResult<AgentStreamEvent, Awaited<ReturnType<Agent["invoke"]>>>;
    try {
      while (!(step = await events.next()).done) options.onEvent?.(step.value, id);
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
