import { randomUUID } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import type { BrandVoice, GenerateRequest, StrategyInput, StrategyRecord } from "@strategist/schemas";
import { AppError } from "../errors";
import { classifyModelFailure, describeAwsFailure } from "../agent/failures";
import { UnknownModelError } from "../agent/catalog";
import type { GenerateOptions, Strategist } from "../agent/strategist";
import type { CursorCodec } from "./cursor";
import { IdempotencyConflict, requestFingerprint, type IdempotencyStore } from "./idempotency";
import type { GenerationLimits } from "./limits";
import { StrategyAlreadyExistsError, type StrategyRepository } from "./repository";
import type { BrandService } from "../brands/service";
import { bannedWordErrors } from "../brands/voice";

export interface StrategyServiceDeps {
  repository: StrategyRepository;
  strategist: Strategist;
  cursors: CursorCodec;
  limits: GenerationLimits;
  idempotency: IdempotencyStore;
  /** The wall-clock budget of one generation (AGENT_TIMEOUT_SECONDS). */
  timeoutMs: number;
  clock?: () => Date;
  /** Brand profiles, for requests with a `brand_id`. */
  brands?: BrandService;
}

/** A generate request made whole: the brief (brand defaults filled in), the model, and the brand's voice. */
export interface ResolvedBrief {
  input: StrategyInput;
  modelId?: string;
  brand?: { id: string; voice: BrandVoice };
}

export interface GenerateContext {
  /** Aborts when the client goes away or the server shuts down. */
  signal: AbortSignal;
  log: FastifyBaseLogger;
  onEvent?: GenerateOptions["onEvent"];
  /** The client's Idempotency-Key: the same key from the same user gets the same record. */
  idempotencyKey?: string;
  /** The request already resolved with brief(); resolved in run() otherwise. */
  brief?: ResolvedBrief;
}

/** A page of the user's history and the cursor for the next one. */
export interface StrategyListPage {
  records: StrategyRecord[];
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
    // The brand is checked (exists, is the user's) before any generation work starts.
    context = { ...context, brief: context.brief ?? (await this.brief(userId, request, context.log)) };
    if (context.idempotencyKey) return this.generateOnce(userId, request, context, context.idempotencyKey);
    const release = this.admit(userId);
    try {
      return await this.run(userId, request, context);
    } finally {
      release();
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
    let release: (() => void) | undefined;
    try {
      release = this.admit(userId);
      const record = await this.run(userId, request, context, claim.recordId);
      await claim.complete();
      return record;
    } catch (error) {
      await claim.abandon().catch((abandonError) => context.log.warn({ err: abandonError }, "could not release an Idempotency-Key"));
      throw error;
    } finally {
      release?.();
    }
  }

  /** Takes a generation slot (rate, per-user and global concurrency) or throws; call the result to give it back. */
  admit(userId: string): () => void {
    return this.deps.limits.acquire(userId);
  }

  /**
   * The request made whole: with a `brand_id`, the brand (404 missing, 403 another user's) gives the brief's defaults
   * and the voice; fields in the request override the brand's.
   */
  async brief(userId: string, request: GenerateRequest, log: FastifyBaseLogger): Promise<ResolvedBrief> {
    const { model: modelId, brand_id: brandId, brand_name, industry, target_audience, goals } = request;
    if (brandId === undefined) {
      return { input: { brand_name: brand_name!, industry: industry!, target_audience: target_audience!, goals: goals! }, modelId };
    }
    if (!this.deps.brands) throw new AppError("brand_not_found");
    const brand = await this.deps.brands.forGeneration(userId, brandId, log);
    const input = {
      brand_name: brand_name ?? brand.name,
      industry: industry ?? brand.industry,
      target_audience: target_audience ?? brand.target_audience,
      goals: goals ?? brand.goals,
    };
    if (input.goals === undefined) {
      throw new AppError("validation", { fields: [{ field: "goals", message: "Field required: the brand has no goals to default from" }] });
    }
    return { input: { ...input, goals: input.goals }, modelId, brand: { id: brand.id, voice: brand.voice } };
  }

  /** Generates for a caller that already holds a slot from admit(). */
  async run(userId: string, request: GenerateRequest, context: GenerateContext, recordId: string = randomUUID()): Promise<StrategyRecord> {
    const { input, modelId, brand } = context.brief ?? (await this.brief(userId, request, context.log));
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
        voice: brand?.voice,
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
      ...(brand ? { brand_id: brand.id, voice: brand.voice } : {}),
    };
    // The model's validation loop enforces the banned words; this is the last line before anything is stored.
    const banned = bannedWordErrors(record.strategy_output, brand?.voice, ["strategy_output"]);
    if (banned.length > 0) {
      context.log.warn({ model: generation.model, fields: banned.map((error) => error.field) }, "strategy used a banned word; not stored");
      throw new AppError("structured_output", { message: "banned word in the model's output" });
    }
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
    let startKey: Record<string, unknown> | undefined;
    if (cursor !== undefined) {
      startKey = this.deps.cursors.decode(userId, cursor);
      if (!startKey) throw new AppError("validation", { fields: [{ field: "cursor", message: "Invalid cursor" }] });
    }
    const page = await this.deps.repository.listByUser(userId, limit, startKey);
    return {
      records: page.records,
      nextCursor: page.lastKey ? this.deps.cursors.encode(userId, page.lastKey) : undefined,
    };
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
