import type { FastifyBaseLogger } from "fastify";
import type { BrandVoice, GenerateRequest, StrategyInput, StrategyOutput, StrategyRecord, StrategySummary } from "@strategist/schemas";
import { withPlatformSchedule } from "@strategist/schemas";
import type { BrandService } from "../brands/service";
import { bannedWordErrors } from "../generation/voice";
import { AppError } from "../core/errors";
import { unbound } from "../core/logging";
import { strategyCall } from "./strategist";
import type { Admitted, GenerationPipeline, ModelCallContext, UseCase } from "../generation/pipeline";
import type { CursorCodec } from "../core/cursor";
import type { StrategyDependent } from "../generation/dependents";
import type { StrategyItemsRepository } from "./items";
import { StrategyAlreadyExistsError, type StrategyRepository } from "./repository";
import { resultsEvidence, type ResultsEvidence } from "./results";
import type { Insights } from "@strategist/insights";

interface StrategyServiceDeps {
  repository: StrategyRepository;
  /** Versions, messages, session and every other capability's items under each strategy. */
  items: StrategyItemsRepository;
  pipeline: GenerationPipeline;
  cursors: CursorCodec;
  /** Other capabilities' data about a strategy, deleted with it. */
  dependents?: StrategyDependent[];
  clock?: () => Date;
  /** Brand profiles, for requests with a `brand_id`. */
  brands?: BrandService;
  /** A brand's results across its strategies, for a caller that checked ownership (the results capability). */
  brandInsights?: { insightsOfBrand(brandId: string, timezone: string): Promise<Insights> };
}

/** A generate request made whole: the brief (brand defaults filled in), the model, and the brand's voice. */
interface ResolvedBrief {
  input: StrategyInput;
  modelId?: string;
  brand?: { id: string; voice: BrandVoice };
  /** The brand's results, when it has any: a new strategy starts from its history. */
  results?: ResultsEvidence;
}

/** A page of the user's history and the cursor for the next one. */
interface StrategyListPage<T = StrategyRecord> {
  records: T[];
  nextCursor?: string;
}

/** The strategy use cases: generate and store, list a user's history, read one with an ownership check. */
export class StrategyService {
  private readonly clock: () => Date;

  constructor(private readonly deps: StrategyServiceDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /** Generates and stores a strategy; a failed generation stores nothing. */
  async generate(userId: string, request: GenerateRequest, context: ModelCallContext): Promise<StrategyRecord> {
    // The brand is checked (exists, is the user's) before anything is admitted or sent to a model.
    const brief = await this.brief(userId, request, context.log);
    return this.deps.pipeline.run(this.generation(userId, request, brief, context));
  }

  /** Admits a generation for a live stream (refusals before the stream opens); execute() runs it. */
  async admitGenerate(userId: string, request: GenerateRequest, context: ModelCallContext): Promise<Admitted<StrategyRecord>> {
    const brief = await this.brief(userId, request, context.log);
    return this.deps.pipeline.admit(this.generation(userId, request, brief, context));
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
    const results = resultsEvidence(await this.deps.brandInsights?.insightsOfBrand(brandId, brand.default_timezone ?? "UTC"));
    return { input: { ...input, goals: input.goals }, modelId, brand: { id: brand.id, voice: brand.voice }, ...(results ? { results } : {}) };
  }

  private generation(userId: string, request: GenerateRequest, brief: ResolvedBrief, context: ModelCallContext): UseCase<StrategyOutput, StrategyRecord> {
    const { input, modelId, brand, results } = brief;
    const owned = async (strategyId: string) => {
      const stored = await this.deps.repository.findById(strategyId);
      return stored?.user_id === userId ? stored : undefined;
    };
    return {
      name: "strategy generation",
      kind: "strategy",
      userId,
      log: context.log,
      signal: context.signal,
      idempotencyKey: context.idempotencyKey,
      request,
      model: strategyCall(input, modelId, brand?.voice, results),
      findStored: owned,
      store: async (generation, recordId) => {
        const now = this.clock().toISOString();
        const record: StrategyRecord = {
          id: recordId,
          user_id: userId,
          ...input,
          // A model that wrote no structured schedule (or missed a platform) gets one read from its schedule text.
          strategy_output: withPlatformSchedule(generation.output),
          created_at: now,
          model: generation.model,
          usage: generation.usage,
          ...(brand ? { brand_id: brand.id, voice: brand.voice } : {}),
          version: 1,
          updated_at: now,
        };
        // The model's validation loop enforces the banned words; this is the last check before anything is stored.
        const banned = bannedWordErrors(record.strategy_output, brand?.voice, ["strategy_output"]);
        if (banned.length > 0) {
          context.log.warn({ model: generation.model, fields: banned.map((error) => error.field) }, "strategy used a banned word; not stored");
          throw new AppError("structured_output", { message: "banned word in the model's output" });
        }
        try {
          await this.deps.repository.create(record);
        } catch (error) {
          // A request under the same Idempotency-Key whose lease ran out stored this id first: that record stands.
          const stored = error instanceof StrategyAlreadyExistsError ? await owned(recordId) : undefined;
          if (!stored) throw error;
          return stored;
        }
        // Version 1 is the head itself until the first refine or regenerate, which snapshots it before replacing it:
        // one write per generation instead of two (docs/conversations.md, "What is stored when").
        return record;
      },
      logged: (record) => ({ message: "strategy generated", fields: { strategy_id: record.id } }),
    };
  }

  /** The user's strategies, newest first, one page at a time. */
  async list(userId: string, limit: number, cursor?: string): Promise<StrategyListPage> {
    const page = await this.deps.repository.listByUser(userId, limit, this.deps.cursors.startKey(userId, cursor, "strategies"));
    return { records: page.records, nextCursor: page.lastKey ? this.deps.cursors.encode(userId, page.lastKey, "strategies") : undefined };
  }

  /** The same pages as list(), as summaries (the cursors are interchangeable). */
  async listSummaries(userId: string, limit: number, cursor?: string): Promise<StrategyListPage<StrategySummary>> {
    const page = await this.deps.repository.listSummariesByUser(userId, limit, this.deps.cursors.startKey(userId, cursor, "strategies"));
    return { records: page.records, nextCursor: page.lastKey ? this.deps.cursors.encode(userId, page.lastKey, "strategies") : undefined };
  }

  /**
   * Deletes a strategy with everything stored under it. The head is marked first (a conditional write): from then on
   * the strategy reads as gone and every writer under it undoes its own write (strategies/standing.ts). Then its
   * items (versions, messages, session, other capabilities' items), each dependent's data, and the head itself.
   * Ownership first: someone else's is 403 and nothing is removed. A delete that stopped half-way is finished by
   * the next one.
   */
  async delete(userId: string, strategyId: string, log: FastifyBaseLogger): Promise<void> {
    const head = await this.deps.repository.findHead(strategyId);
    if (!head) throw new AppError("not_found");
    this.checkOwner(userId, head.record, log);
    if (!(await this.deps.repository.markDeleting(strategyId, userId, this.clock().toISOString()))) throw new AppError("not_found");
    const started = performance.now();
    const items = await this.deps.items.deleteAll(strategyId);
    for (const dependent of this.deps.dependents ?? []) await dependent.deleteFor(strategyId, log);
    await this.deps.repository.delete(strategyId);
    log.info({ strategy_id: strategyId, items_deleted: items, execution_time_ms: Math.round(performance.now() - started) }, "strategy deleted");
  }

  /** One strategy; 404 when it does not exist, 403 when it belongs to someone else. */
  async get(userId: string, strategyId: string, log: FastifyBaseLogger): Promise<StrategyRecord> {
    const record = await this.deps.repository.findById(strategyId);
    if (!record) throw new AppError("not_found");
    this.checkOwner(userId, record, log);
    return record;
  }

  private checkOwner(userId: string, record: StrategyRecord, log: FastifyBaseLogger): void {
    if (record.user_id === userId) return;
    log.warn(unbound(log, { strategy_id: record.id }), "access to another user's strategy denied");
    throw new AppError("access_denied");
  }
}
