import { randomUUID } from "node:crypto";
import type { AgentStreamEvent } from "@strands-agents/sdk";
import { STRATEGY_SECTIONS } from "@strategist/schemas";
import type { FastifyBaseLogger } from "fastify";
import type { GenerationOutcome, Metrics, ModelCallKind } from "@strategist/telemetry";
import { UnknownModelError } from "../models/catalog";
import { classifyModelFailure, describeAwsFailure } from "../models/failures";
import { AppError } from "../core/errors";
import { unbound } from "../core/logging";
import { IdempotencyConflict, requestFingerprint, type IdempotencyClaim, type IdempotencyStore } from "./idempotency";
import { LiveSections } from "./live-sections";
import type { ModelCaller, ModelCallResult, ModelCallSpec } from "../models/model-call";
import type { Release } from "./limits";
import { EventLoopTurns } from "./turns";

/** Admission control: rate, per-user and global concurrency. Throws the matching AppError (429/503) when full. */
interface Admission {
  acquire(userId: string): Release | Promise<Release>;
}

/** What every model-calling request hands its use case: the client-gone signal, the request's log, its Idempotency-Key. */
export interface ModelCallContext {
  /** Aborts when the client goes away or the server shuts down. */
  signal: AbortSignal;
  log: FastifyBaseLogger;
  /** The client's Idempotency-Key: the same key from the same user for the same request gets the same result. */
  idempotencyKey?: string;
}

/**
 * What a running use case reports, in the product's words; routes never see the SDK's event names. A run ends
 * with exactly one `completed` or `error`.
 */
export type Progress<R> =
  | { type: "started"; model: string }
  | { type: "section"; section: string; value: unknown; complete: boolean }
  | { type: "reset"; model: string; reason: string }
  | { type: "completed"; result: R }
  | { type: "error"; error: AppError };

/** One model-calling use case (generate, refine, regenerate, plan, ...), as the pipeline runs it. */
export interface UseCase<T, R> {
  /** Names the use case in logs. */
  name: string;
  /** What the model call is for (the `kind` label of the model call metrics). */
  kind: ModelCallKind;
  userId: string;
  log: FastifyBaseLogger;
  /** Aborts when the client goes away (or the server shuts down). */
  signal: AbortSignal;
  /** The client's Idempotency-Key: the same key from the same user for the same request gets the same result. */
  idempotencyKey?: string;
  /** What makes two requests the same under one Idempotency-Key: include the route and its path parameters. */
  request: unknown;
  model: ModelCallSpec<T>;
  /** The output's top-level keys streamed as `section` progress (the strategy's sections by default). */
  sections?: readonly string[];
  /**
   * The result a request under the same Idempotency-Key already stored under `resultId`, if any: a finished
   * twin, or one that crashed after storing. Needed only with an Idempotency-Key.
   */
  findStored(resultId: string): Promise<R | undefined>;
  /**
   * Stores the model's output under `resultId`. Called only when the model produced valid output in time and the
   * client is still there; a conditional write that loses a race throws its AppError (e.g. 409 conflict).
   */
  store(generation: ModelCallResult<T>, resultId: string): Promise<R>;
  /** The success log line: its message and the ids it names. */
  logged(result: R): { message: string; fields: Record<string, unknown> };
}

/** A change that calls no model (a restore), run once per Idempotency-Key like a use case. */
export type IdempotentWrite<R> = Pick<UseCase<unknown, R>, "name" | "userId" | "log" | "idempotencyKey" | "request" | "findStored" | "logged"> & {
  /** Stores the change under `resultId`; a conditional write that loses a race throws its AppError. */
  store(resultId: string): Promise<R>;
};

/** A request that passed admission: run it once; the slot and the Idempotency-Key are settled however it ends. */
export interface Admitted<R> {
  execute(onProgress?: (progress: Progress<R>) => void): Promise<R>;
}

interface PipelineDeps {
  models: ModelCaller;
  limits: Admission;
  idempotency: IdempotencyStore;
  /** The wall-clock budget of one model-calling request (AGENT_TIMEOUT_SECONDS). */
  timeoutMs: number;
  /** Spreads the start of generations over turns of the event loop (one per turn); a fresh one when absent. */
  turns?: EventLoopTurns;
  /** Where outcomes, model call durations, tokens, cost and replays are counted; nothing is counted when absent. */
  metrics?: GenerationMetrics;
  /** Estimated USD cost of a model call's usage (undefined for a model without a price). */
  estimateCost?: (modelId: string, usage: ModelCallResult<unknown>["usage"]) => number | undefined;
}

/** The part of the metrics registry the pipeline feeds. */
export type GenerationMetrics = Pick<Metrics, "countGeneration" | "observeModelCall" | "countTokens" | "addCost" | "countIdempotentReplay">;

/** The `outcome` label of a failed run, from the error it ended with. */
function outcomeOf(error: AppError): GenerationOutcome {
  switch (error.code) {
    case "structured_output":
    case "validation":
      return "validation_failure";
    case "timeout":
      return "timeout";
    case "unavailable":
      return "throttled";
    case "generation_failed":
      return error.message.startsWith("client went away") ? "cancelled" : "model_error";
    default:
      return "error";
  }
}

/**
 * The one runner of every model-calling route: admission, Idempotency-Key, the time budget, client-gone abort,
 * the model call with progress events, failure mapping and the conditional store. A failed, timed-out or
 * abandoned run stores nothing.
 */
export class GenerationPipeline {
  private readonly turns: EventLoopTurns;

  constructor(private readonly deps: PipelineDeps) {
    this.turns = deps.turns ?? new EventLoopTurns();
  }

  /** Admits and runs a use case (the plain JSON routes). */
  async run<T, R>(useCase: UseCase<T, R>): Promise<R> {
    return (await this.admit(useCase)).execute();
  }

  /**
   * Everything that may refuse a request before a response begins: the model id, the Idempotency-Key and
   * admission. Stream routes call this before opening the stream, so refusals are plain 400/409/429/503 answers.
   */
  async admit<T, R>(useCase: UseCase<T, R>): Promise<Admitted<R>> {
    const { modelId } = useCase.model;
    if (modelId !== undefined && !this.deps.models.offers(modelId)) {
      throw new AppError("validation", { fields: [{ field: "model", message: "Unknown or disabled model" }] });
    }
    if (!useCase.idempotencyKey) return this.admitted(useCase, randomUUID(), await this.deps.limits.acquire(useCase.userId));

    const claim = await this.claim(useCase.userId, useCase.idempotencyKey, useCase.request);
    const existing = await useCase.findStored(claim.recordId);
    if (claim.kind === "replay" || existing) {
      // The result was stored and has since been deleted.
      if (!existing) throw new AppError("not_found", { message: "idempotent result no longer exists" });
      if (claim.kind === "owner") await claim.complete();
      useCase.log.info(
        { ...unbound(useCase.log, useCase.logged(existing).fields), idempotent_replay: true },
        `${useCase.name}: replayed for its Idempotency-Key`,
      );
      this.deps.metrics?.countIdempotentReplay();
      return {
        execute: async (onProgress) => {
          onProgress?.({ type: "started", model: modelId ?? this.deps.models.defaultModelId });
          onProgress?.({ type: "completed", result: existing });
          return existing;
        },
      };
    }
    let release: Release;
    try {
      release = await this.deps.limits.acquire(useCase.userId);
    } catch (error) {
      await this.abandon(useCase.log, claim);
      throw error;
    }
    return this.admitted(useCase, claim.recordId, release, claim);
  }

  /**
   * Runs a change that calls no model under the same Idempotency-Key rules as a use case: a retry with the key
   * gets what the first request stored, the key with another request is 400. No admission: nothing scarce is used.
   */
  async once<R>(write: IdempotentWrite<R>): Promise<R> {
    if (!write.idempotencyKey) return write.store(randomUUID());
    const claim = await this.claim(write.userId, write.idempotencyKey, write.request);
    try {
      const existing = await write.findStored(claim.recordId);
      if (claim.kind === "replay" && !existing) throw new AppError("not_found", { message: "idempotent result no longer exists" });
      const result = existing ?? (await write.store(claim.recordId));
      if (claim.kind === "owner") await claim.complete();
      if (existing) {
        write.log.info({ ...unbound(write.log, write.logged(existing).fields), idempotent_replay: true }, `${write.name}: replayed for its Idempotency-Key`);
        this.deps.metrics?.countIdempotentReplay();
      }
      return result;
    } catch (error) {
      await this.abandon(write.log, claim);
      throw error;
    }
  }

  private async claim(userId: string, key: string, request: unknown): Promise<IdempotencyClaim> {
    try {
      return await this.deps.idempotency.claim(userId, key, requestFingerprint(request), Date.now() + this.deps.timeoutMs);
    } catch (error) {
      if (!(error instanceof IdempotencyConflict)) throw error;
      if (error.reason === "in_progress") throw new AppError("idempotency_in_progress", { cause: error });
      throw new AppError("validation", { fields: [{ field: "Idempotency-Key", message: "Reused with a different request" }], cause: error });
    }
  }

  private async abandon(log: FastifyBaseLogger, claim: IdempotencyClaim | undefined): Promise<void> {
    if (claim?.kind !== "owner") return;
    await claim.abandon().catch((error: unknown) => log.warn({ err: error }, "could not release an Idempotency-Key"));
  }

  private admitted<T, R>(useCase: UseCase<T, R>, resultId: string, release: Release, claim?: IdempotencyClaim): Admitted<R> {
    let ran = false;
    let releasing: Promise<void> | undefined;
    // The slot is given back once, as soon as the model call is over: the store runs beside the release, and the
    // response still waits for both (so a client's next request never finds its finished generation holding a slot).
    const releaseOnce = () => (releasing ??= Promise.resolve().then(release));
    return {
      execute: async (onProgress) => {
        if (ran) throw new Error("an admitted request runs once");
        ran = true;
        try {
          onProgress?.({ type: "started", model: useCase.model.modelId ?? this.deps.models.defaultModelId });
          const result = await this.produce(useCase, resultId, onProgress, releaseOnce);
          if (claim?.kind === "owner") await claim.complete();
          this.deps.metrics?.countGeneration("completed", this.modelOf(useCase));
          onProgress?.({ type: "completed", result });
          return result;
        } catch (error) {
          await this.abandon(useCase.log, claim);
          const failure = error instanceof AppError ? error : new AppError("internal", { cause: error });
          this.deps.metrics?.countGeneration(outcomeOf(failure), this.modelOf(useCase));
          onProgress?.({ type: "error", error: failure });
          throw failure;
        } finally {
          await releaseOnce();
        }
      },
    };
  }

  private modelOf<T, R>(useCase: UseCase<T, R>): string {
    return useCase.model.modelId ?? this.deps.models.defaultModelId;
  }

  /** Model call duration, tokens and estimated cost of a finished model call. */
  private observeModelCall<T, R>(useCase: UseCase<T, R>, generation: ModelCallResult<T>, seconds: number): void {
    const { metrics, estimateCost } = this.deps;
    if (!metrics) return;
    metrics.observeModelCall(generation.model, useCase.kind, seconds);
    metrics.countTokens(generation.model, { input: generation.usage.input_tokens, output: generation.usage.output_tokens });
    const cost = estimateCost?.(generation.model, generation.usage);
    if (cost !== undefined) metrics.addCost(generation.model, cost);
  }

  /** The model call within the time budget, then the store if the output is valid and the client still there. */
  private async produce<T, R>(
    useCase: UseCase<T, R>,
    resultId: string,
    onProgress: ((progress: Progress<R>) => void) | undefined,
    releaseSlot: () => Promise<void>,
  ): Promise<R> {
    const { log } = useCase;
    const started = performance.now();
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new AppError("timeout")), this.deps.timeoutMs);
    const signal = AbortSignal.any([deadline.signal, useCase.signal]);
    const stopped = new Promise<never>((_, reject) => {
      signal.addEventListener("abort", () => reject(signal.reason), { once: true });
    });
    stopped.catch(() => undefined);
    // Sections are followed only for a caller that shows them (a stream): parsing partial JSON on every delta is
    // wasted work for the plain JSON routes.
    const live = onProgress ? new LiveSections<string>(useCase.sections ?? STRATEGY_SECTIONS) : undefined;
    const onEvent = (event: AgentStreamEvent, model: string) => {
      if (!live || !onProgress) return;
      if (event.type === "beforeModelCallEvent") {
        if (live.shown) onProgress({ type: "reset", model, reason: "The model's attempt was discarded; it is writing again." });
        live.reset();
      } else if (
        event.type === "modelStreamUpdateEvent" &&
        event.event.type === "modelContentBlockDeltaEvent" &&
        event.event.delta.type === "toolUseInputDelta"
      ) {
        for (const update of live.push(event.event.delta.input)) onProgress({ type: "section", ...update });
      }
    };

    let generation: ModelCallResult<T>;
    try {
      // The model call's start (the agent, the model request) takes a turn of the event loop of its own; the request
      // took one on arrival (app.ts), so a burst's admissions and model requests interleave instead of piling up.
      await this.turns.next();
      if (signal.aborted) throw signal.reason;
      const running = this.deps.models.call(useCase.model, { signal, deadline: Date.now() + this.deps.timeoutMs, ...(live ? { onEvent } : {}), log });
      running.catch(() => undefined);
      const modelStarted = performance.now();
      generation = await Promise.race([running, stopped]);
      this.observeModelCall(useCase, generation, (performance.now() - modelStarted) / 1000);
    } catch (error) {
      const failure = this.failure(error, deadline.signal, useCase.signal);
      log.warn(
        {
          err: error,
          code: failure.code,
          model: useCase.model.modelId,
          execution_time_ms: Math.round(performance.now() - started),
          ...describeAwsFailure(error),
        },
        `${useCase.name} failed`,
      );
      throw failure;
    } finally {
      clearTimeout(timer);
    }

    // Storing (and the response after it) takes a turn of its own too: a burst's generations end together.
    await this.turns.next();
    // The model is done: its slot goes back while the result is stored, one round trip less before the response.
    // execute() awaits the release (and surfaces a failure of it) before it returns.
    releaseSlot().catch(() => undefined);
    if (useCase.signal.aborted) throw new AppError("generation_failed", { message: "client went away before the result was stored" });
    const result = await useCase.store(generation, resultId);
    const { message, fields } = useCase.logged(result);
    log.info(
      {
        ...unbound(log, fields),
        model: generation.model,
        execution_time_ms: Math.round(performance.now() - started),
        input_tokens: generation.usage.input_tokens,
        output_tokens: generation.usage.output_tokens,
        cache_read_tokens: generation.usage.cache_read_tokens,
      },
      message,
    );
    return result;
  }

  private failure(error: unknown, deadline: AbortSignal, client: AbortSignal): AppError {
    if (deadline.aborted) return new AppError("timeout", { cause: error });
    if (client.aborted) return new AppError("generation_failed", { cause: error, message: "client went away" });
    if (error instanceof AppError) return error;
    if (error instanceof UnknownModelError) {
      return new AppError("validation", { fields: [{ field: "model", message: "Unknown or disabled model" }], cause: error });
    }
    return classifyModelFailure(error);
  }
}
