import { Agent, MaxTokensError, NullConversationManager, StructuredOutputError, type AgentStreamEvent, type SessionManager } from "@strands-agents/sdk";
import type { TokenUsage } from "@strategist/schemas";
import type { z } from "zod";
import { withPrebuiltJsonSchema } from "./structured-schema";
import type { ModelCatalog, ResolvedModel } from "./catalog";
import { describeAwsFailure, isUnavailableFailure, StructuredOutputFailure } from "./failures";
import { DeadlineRetryStrategy } from "./retry";

/** The model call was cancelled through its signal before the model finished. */
class GenerationCancelled extends Error {
  override name = "GenerationCancelled";
}

/**
 * How many model calls one attempt may make. Each invalid structured output costs one; the bound turns a
 * model that never produces valid output into a clear failure instead of an endless loop.
 */
export const MAX_MODEL_TURNS = 4;

/** The little of a logger a model call needs (pino and Fastify's logger fit). */
interface GenerationLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/**
 * Earlier turns of a conversation, kept in a Strands session. The model call attaches a fresh session manager
 * to each attempt's agent (which restores the saved turns before the first model call) and never saves on its
 * own: the caller saves through `ModelCallResult.saveConversation` once the result is stored.
 */
export interface PriorTurns {
  /** A session manager that restores the conversation and does not save automatically (`saveLatestOn: 'trigger'`). */
  sessionManager(): SessionManager;
  /** Appends the assistant's closing note to the agent's turns, bounds them, and saves the session. */
  save(agent: Agent, sessionManager: SessionManager, closingNote: string): Promise<void>;
}

/** What to ask a model: any structured-output schema, a system prompt, the user turn and optional prior turns. */
export interface ModelCallSpec<T> {
  /** The output the model must produce; also the structured-output tool's JSON schema. */
  schema: z.ZodType<T>;
  systemPrompt: string;
  /** The user turn. It starts with `<task>NAME</task>`, which tells the offline model which writer answers. */
  prompt: string;
  /** A model id from the catalog; the default when absent. */
  modelId?: string;
  conversation?: PriorTurns;
}

interface ModelCallOptions {
  /** Aborts the model call (timeout, client gone, shutdown). */
  signal: AbortSignal;
  /** Epoch ms by which the call must be done; retries and fallbacks stop in time for it. */
  deadline: number;
  /** Sees every agent event as it happens, with the model it came from. */
  onEvent?: (event: AgentStreamEvent, model: string) => void;
  log?: GenerationLog;
}

/** What the model wrote, which model wrote it and what it cost. */
export interface ModelCallResult<T> {
  output: T;
  model: string;
  usage: TokenUsage;
  /** Saves the conversation with the assistant's closing note (only for calls with prior turns). */
  saveConversation?: (closingNote: string) => Promise<void>;
}

interface RetryPolicy {
  /** Model calls per model, the first included (BEDROCK_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** First backoff step; later steps double, with full jitter (BEDROCK_RETRY_BASE_MS). */
  baseDelayMs: number;
}

const NO_RETRY: RetryPolicy = { maxAttempts: 1, baseDelayMs: 0 };

/**
 * Runs one structured-output model call on a catalog model: one Strands agent per attempt, sharing the catalog's
 * model instances. Throttled or unavailable models are retried with backoff within the deadline, then the
 * catalog's fallback chain is tried. Each attempt is bounded by MAX_MODEL_TURNS and the caller's signal.
 */
export class ModelCaller {
  constructor(
    private readonly catalog: ModelCatalog,
    private readonly retry: RetryPolicy = NO_RETRY,
  ) {}

  /** The model a call without a model id goes to. */
  get defaultModelId(): string {
    return this.catalog.defaultId;
  }

  /** Whether the id names an enabled model. */
  offers(modelId: string): boolean {
    return this.catalog.has(modelId);
  }

  async call<T>(spec: ModelCallSpec<T>, options: ModelCallOptions): Promise<ModelCallResult<T>> {
    const candidates = this.catalog.candidates(spec.modelId);
    for (const [index, candidate] of candidates.entries()) {
      try {
        return await this.attempt(candidate, spec, options);
      } catch (error) {
        const next = candidates[index + 1];
        if (!next || !isUnavailableFailure(error) || options.signal.aborted || Date.now() >= options.deadline) throw error;
        options.log?.warn({ model: candidate.id, fallback: next.id, ...describeAwsFailure(error) }, "model unavailable, falling back");
      }
    }
    throw new Error("no model to try");
  }

  private async attempt<T>({ id, model }: ResolvedModel, spec: ModelCallSpec<T>, options: ModelCallOptions): Promise<ModelCallResult<T>> {
    const budget = options.deadline - Date.now();
    const sessionManager = spec.conversation?.sessionManager();
    const agent = new Agent({
      model,
      systemPrompt: spec.systemPrompt,
      printer: false,
      // The schema's JSON Schema is built once per schema, not once per model call.
      structuredOutputSchema: withPrebuiltJsonSchema(spec.schema),
      conversationManager: new NullConversationManager(),
      ...(sessionManager ? { sessionManager } : {}),
      retryStrategy: new DeadlineRetryStrategy({
        ...this.retry,
        deadline: options.deadline,
        reserveMs: Math.min(10_000, Math.max(250, budget * 0.2)),
        onRetry: (attempt, waitMs, error) =>
          options.log?.warn({ model: id, attempt, wait_ms: Math.round(waitMs), ...describeAwsFailure(error) }, "model call failed, retrying"),
      }),
    });
    if (sessionManager) {
      // Restoring a session also restores the system prompt it was saved with; this call's prompt wins.
      await agent.initialize();
      agent.systemPrompt = spec.systemPrompt;
    }
    const events = agent.stream(spec.prompt, { cancelSignal: options.signal, limits: { turns: MAX_MODEL_TURNS } });

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
    // The structured-output tool parsed the model's input with this schema (`schema.parse`) before the agent returned
    // it, so it is not parsed a second time (about 0.3 ms for a strategy).
    if (result.structuredOutput === undefined) {
      throw new StructuredOutputFailure(`no valid structured output (stop reason ${result.stopReason})`);
    }
    const output = result.structuredOutput as T;
    const usage = result.metrics?.accumulatedUsage;
    const conversation = spec.conversation;
    return {
      output,
      model: id,
      usage: {
        input_tokens: usage?.inputTokens ?? 0,
        output_tokens: usage?.outputTokens ?? 0,
        cache_read_tokens: usage?.cacheReadInputTokens ?? 0,
      },
      ...(conversation && sessionManager ? { saveConversation: (note: string) => conversation.save(agent, sessionManager, note) } : {}),
    };
  }
}
