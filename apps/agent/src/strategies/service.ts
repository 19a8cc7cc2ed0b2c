import { randomUUID } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import type { GenerateRequest, StrategyRecord, StrategySummary } from "@strategist/schemas";
import { AppError } from "../errors";
import { classifyModelFailure, describeAwsFailure } from "../agent/failures";
import { UnknownModelError } from "../agent/catalog";
import type { GenerateOptions, Strategist } from "../agent/strategist";
import type { CursorCodec } from "./cursor";
import { IdempotencyConflict, requestFingerprint, type IdempotencyStore } from "./idempotency";
import type { GenerationLimits, Release } from "./limits";
import { StrategyAlreadyExistsError, type StrategyRepository } from "./repository";

export interface StrategyServiceDeps {
  repository: StrategyRepository;
  strategist: Strategist;
  cursors: CursorCodec;
  limits: GenerationLimits;
  idempotency: IdempotencyStore;
  /** The wall-clock budget of one generation (AGENT_TIMEOUT_SECONDS). */
  timeoutMs: number;
  clock?: () => Date;
}

export interface GenerateContext {
  /** Aborts when the client goes away or the server shuts down. */
  signal: AbortSignal;
  log: FastifyBaseLogger;
  onEvent?: GenerateOptions["onEvent"];
  /** The client's Idempotency-Key: the same key from the same user gets the same record. */
  idempotencyKey?: string;
}

/** A page of the user's history and the cursor for the next one. */
export interface StrategyListPage<T = StrategyRecord> {
  records: T[];
  nextCursor?: string;
}

/** The strategy use cases: generate and store, list a user's history, read one with an ownership check. */
export class StrategyService {
  private readonly clock: () => Date;

  constructor(private readonly deps: StrategyServiceDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /**
   * Runs the agent within the time budget and stores the strategy only when the model produced a valid one in
   * time and the client is still there: a failed generation stores nothing.
   */
  async generate(userId: string, request: GenerateRequest, context: GenerateContext): Promise<StrategyRecord> {
    if (context.idempotencyKey) return this.generateOnce(userId, request, context, context.idempotencyKey);
    const release = await this.admit(userId);
    try {
      return await this.run(userId, request, context);
    } finally {
      await release();
    }
  }

  /** Generate under an Idempotency-Key: replay a finished twin, or run once with the key's fixed record id. */
  private async generateOnce(userId: string, request: GenerateRequest, context: GenerateContext, key: string): Promise<StrategyRecord> {
    let claim;
    try {
      claim = await this.deps.idempotency.claim(userId, key, requestFingerprint(request), Date.now() + this.deps.timeoutMs);
    } catch (error) {
      if (!(error instanceof IdempotencyConflict)) throw error;
      if (error.reason === "in_progress") throw new AppError("idempotency_in_progress", { cause: error });
      throw new AppError("validation", { fields: [{ field: "Idempotency-Key", message: "Reused with a different request" }], cause: error });
    }
    const existing = await this.deps.repository.findById(claim.recordId);
    if (claim.kind === "replay" || existing) {
      if (!existing || existing.user_id !== userId) throw new AppError("internal", { message: "idempotent record missing" });
      if (claim.kind === "owner") await claim.complete();
      context.log.info({ strategy_id: existing.id, idempotent_replay: true }, "strategy replayed for its Idempotency-Key");
      return existing;
    }
    let release: Release | undefined;
    try {
      release = await this.admit(userId);
      const record = await this.run(userId, request, context, claim.recordId);
      await claim.complete();
      return record;
    } catch (error) {
      await claim.abandon().catch((abandonError) => context.log.warn({ err: abandonError }, "could not release an Idempotency-Key"));
      throw error;
    } finally {
      await release?.();
    }
  }

  /** Takes a generation slot (rate, per-user and global concurrency) or throws; call the result to give it back. */
  admit(userId: string): Promise<Release> {
    return this.deps.limits.acquire(userId);
  }

  /** Generates for a caller that already holds a slot from admit(). */
  async run(userId: string, request: GenerateRequest, context: GenerateContext, recordId: string = randomUUID()): Promise<StrategyRecord> {
    const { model: modelId, ...input } = request;
    const started = performance.now();
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new AppError("timeout")), this.deps.timeoutMs);
    const signal = AbortSignal.any([deadline.signal, context.signal]);
    const stopped = new Promise<never>((_, reject) => {
      signal.addEventListener("abort", () => reject(signal.reason), { once: true });
    });
    let generation;
    try {
      const running = this.deps.strategist.generate(input, {
        signal,
        modelId,
        deadline: Date.now() + this.deps.timeoutMs,
        onEvent: context.onEvent,
        log: context.log,
      });
      running.catch(() => undefined);
      generation = await Promise.race([running, stopped]);
    } catch (error) {
      const failure = this.failure(error, deadline.signal, context.signal);
      context.log.warn(
        { err: error, code: failure.code, model: modelId, execution_time_ms: Math.round(performance.now() - started), ...describeAwsFailure(error) },
        "strategy generation failed",
      );
      throw failure;
    } finally {
      clearTimeout(timer);
    }

    const record: StrategyRecord = {
      id: recordId,
      user_id: userId,
      ...input,
      strategy_output: generation.output,
      created_at: this.clock().toISOString(),
      model: generation.model,
      usage: generation.usage,
    };
    if (context.signal.aborted) throw new AppError("generation_failed", { message: "client went away before the strategy was stored" });
    try {
      await this.deps.repository.create(record);
    } catch (error) {
      // A request under the same Idempotency-Key whose lease ran out stored this id first: that record stands.
      const stored = error instanceof StrategyAlreadyExistsError ? await this.deps.repository.findById(recordId) : undefined;
      if (stored?.user_id !== userId) throw error;
      return stored;
    }
    context.log.info(
      {
        strategy_id: record.id,
        model: record.model,
        execution_time_ms: Math.round(performance.now() - started),
        input_tokens: generation.usage.input_tokens,
        output_tokens: generation.usage.output_tokens,
        cache_read_tokens: generation.usage.cache_read_tokens,
      },
      "strategy generated",
    );
    return record;
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

  /** The user's strategies, newest first, one page at a time. */
  async list(userId: string, limit: number, cursor?: string): Promise<StrategyListPage> {
    const page = await this.deps.repository.listByUser(userId, limit, this.startKey(userId, cursor));
    return { records: page.records, nextCursor: page.lastKey ? this.deps.cursors.encode(userId, page.lastKey) : undefined };
  }

  /** The same pages as list(), as summaries (the cursors are interchangeable). */
  async listSummaries(userId: string, limit: number, cursor?: string): Promise<StrategyListPage<StrategySummary>> {
    const page = await this.deps.repository.listSummariesByUser(userId, limit, this.startKey(userId, cursor));
    return { records: page.records, nextCursor: page.lastKey ? this.deps.cursors.encode(userId, page.lastKey) : undefined };
  }

  private startKey(userId: string, cursor: string | undefined): Record<string, unknown> | undefined {
    if (cursor === undefined) return undefined;
    const startKey = this.deps.cursors.decode(userId, cursor);
    if (!startKey) throw new AppError("validation", { fields: [{ field: "cursor", message: "Invalid cursor" }] });
    return startKey;
  }

  /** One strategy; 404 when it does not exist, 403 when it belongs to someone else. */
  async get(userId: string, strategyId: string, log: FastifyBaseLogger): Promise<StrategyRecord> {
    const record = await this.deps.repository.findById(strategyId);
    if (!record) throw new AppError("not_found");
    if (record.user_id !== userId) {
      log.warn({ strategy_id: strategyId }, "access to another user's strategy denied");
      throw new AppError("access_denied");
    }
    return record;
  }
}
