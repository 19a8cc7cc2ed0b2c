import type { FastifyBaseLogger } from "fastify";
import type { GenerateRequest, StrategyOutput, StrategyRecord } from "@strategist/schemas";
import { AppError } from "../errors";
import { strategyCall } from "../agent/strategist";
import type { Admitted, GenerationPipeline, UseCase } from "../generation/pipeline";
import type { CursorCodec } from "./cursor";
import type { StrategyDependent } from "./dependents";
import type { StrategyItemsRepository } from "./items";
import { StrategyAlreadyExistsError, type StrategyRepository } from "./repository";

export interface StrategyServiceDeps {
  repository: StrategyRepository;
  /** Versions, messages, session and later features' items under each strategy. */
  items: StrategyItemsRepository;
  pipeline: GenerationPipeline;
  cursors: CursorCodec;
  /** Other capabilities' data about a strategy, deleted with it. */
  dependents?: StrategyDependent[];
  clock?: () => Date;
}

export interface GenerateContext {
  /** Aborts when the client goes away or the server shuts down. */
  signal: AbortSignal;
  log: FastifyBaseLogger;
  /** The client's Idempotency-Key: the same key from the same user gets the same record. */
  idempotencyKey?: string;
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

  /** Generates and stores a strategy; a failed generation stores nothing. */
  generate(userId: string, request: GenerateRequest, context: GenerateContext): Promise<StrategyRecord> {
    return this.deps.pipeline.run(this.generation(userId, request, context));
  }

  /** Admits a generation for a live stream (refusals before the stream opens); execute() runs it. */
  admitGenerate(userId: string, request: GenerateRequest, context: GenerateContext): Promise<Admitted<StrategyRecord>> {
    return this.deps.pipeline.admit(this.generation(userId, request, context));
  }

  private generation(userId: string, request: GenerateRequest, context: GenerateContext): UseCase<StrategyOutput, StrategyRecord> {
    const { model: modelId, ...input } = request;
    const owned = async (strategyId: string) => {
      const stored = await this.deps.repository.findById(strategyId);
      return stored?.user_id === userId ? stored : undefined;
    };
    return {
      name: "strategy generation",
      userId,
      log: context.log,
      signal: context.signal,
      idempotencyKey: context.idempotencyKey,
      request,
      model: strategyCall(input, modelId),
      findStored: owned,
      store: async (generation, recordId) => {
        const now = this.clock().toISOString();
        const record: StrategyRecord = {
          id: recordId,
          user_id: userId,
          ...input,
          strategy_output: generation.output,
          created_at: now,
          model: generation.model,
          usage: generation.usage,
          version: 1,
          updated_at: now,
        };
        try {
          await this.deps.repository.create(record);
        } catch (error) {
          // A request under the same Idempotency-Key whose lease ran out stored this id first: that record stands.
          const stored = error instanceof StrategyAlreadyExistsError ? await owned(recordId) : undefined;
          if (!stored) throw error;
          return stored;
        }
        await this.deps.items.putVersion({ record, kind: "generate", requestId: recordId });
        return record;
      },
      logged: (record) => ({ message: "strategy generated", fields: { strategy_id: record.id } }),
    };
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

  /**
   * Deletes a strategy with everything stored under it: its items (versions, messages, session, later features'
   * items), then each dependent's data, then the strategy itself. Ownership first: someone else's is 403 and
   * nothing is removed.
   */
  async delete(userId: string, strategyId: string, log: FastifyBaseLogger): Promise<void> {
    await this.get(userId, strategyId, log);
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
    if (record.user_id !== userId) {
      log.warn({ strategy_id: strategyId }, "access to another user's strategy denied");
      throw new AppError("access_denied");
    }
    return record;
  }
}
