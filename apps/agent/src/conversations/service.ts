import { randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import type { Insights } from "@strategist/insights";
import { resultsEvidence } from "../strategies/results";
import type { FastifyBaseLogger } from "fastify";
import type { ConversationMessage, RefineRequest, RegenerateRequest, StrategyOutput, StrategyRecord, VersionKind, VersionSummary } from "@strategist/schemas";
import { withPlatformSchedule } from "@strategist/schemas";
import { scrubStyleLeaks } from "../generation/style";
import { strategyCall } from "../strategies/strategist";
import { AppError } from "../core/errors";
import { unbound } from "../core/logging";
import type { ModelCallResult, PriorTurns } from "../models/model-call";
import type { Admitted, GenerationPipeline, ModelCallContext, UseCase } from "../generation/pipeline";
import type { CursorCodec } from "../core/cursor";
import type { StrategyItemsRepository } from "../strategies/items";
import { StrategyChangedError, type StrategyRepository } from "../strategies/repository";
import type { StrategyService } from "../strategies/service";
import { describeChanges } from "./changes";
import { refinePrompt, refineSystemPrompt, RefinedStrategy } from "./prompt";
import { bannedWordErrors, voiceConflictNote, withVoice } from "../generation/voice";

/** The note a restored version carries as its `message`. */
function restoredNote(version: number): string {
  return `Restored version ${version}`;
}

interface ConversationServiceDeps {
  strategies: StrategyService;
  repository: StrategyRepository;
  items: StrategyItemsRepository;
  pipeline: GenerationPipeline;
  cursors: CursorCodec;
  /** The refine conversation (a Strands session) of a strategy. */
  conversation: (strategyId: string) => PriorTurns;
  /** A strategy's results, for a caller that checked ownership (the results capability): a refine may use what worked. */
  insights?: { insightsFor(strategy: StrategyRecord): Promise<Insights> };
  clock?: () => Date;
}

/** A page of the conversation and the cursor for the next one. */
interface MessagePage {
  messages: ConversationMessage[];
  nextCursor?: string;
}

/**
 * The living strategy: refine it by chat, regenerate it from its brief, read its versions and its conversation.
 * Every use case checks ownership first (403/404) and writes a new version only through a conditional write on
 * the version it was based on, so of two concurrent changes exactly one wins and the other is 409.
 */
export class ConversationService {
  private readonly clock: () => Date;

  constructor(private readonly deps: ConversationServiceDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  async refine(userId: string, strategyId: string, request: RefineRequest, context: ModelCallContext): Promise<StrategyRecord> {
    return this.deps.pipeline.run(await this.refinement(userId, strategyId, request, context));
  }

  async admitRefine(userId: string, strategyId: string, request: RefineRequest, context: ModelCallContext): Promise<Admitted<StrategyRecord>> {
    return this.deps.pipeline.admit(await this.refinement(userId, strategyId, request, context));
  }

  async regenerate(userId: string, strategyId: string, request: RegenerateRequest, context: ModelCallContext): Promise<StrategyRecord> {
    const current = await this.deps.strategies.get(userId, strategyId, context.log);
    const { brand_name, industry, target_audience, goals } = current;
    return this.deps.pipeline.run<StrategyOutput, StrategyRecord>({
      ...this.changeOf(current, "regenerate", request, context),
      name: "strategy regeneration",
      kind: "strategy",
      model: strategyCall({ brand_name, industry, target_audience, goals }, request.model, current.voice),
      store: (generation, requestId) => this.storeVersion(current, generation, generation.output, "regenerate", requestId),
    });
  }

  /** Versions newest first; the head always appears, also for strategies stored before versions existed. */
  async versions(userId: string, strategyId: string, log: FastifyBaseLogger): Promise<VersionSummary[]> {
    const head = await this.deps.strategies.get(userId, strategyId, log);
    const stored = await this.deps.items.listVersions(strategyId);
    const summaries: VersionSummary[] = stored.map(({ requestId: _requestId, ...summary }) => summary);
    if (!summaries.some((summary) => summary.version === head.version)) {
      summaries.unshift({
        version: head.version,
        created_at: head.updated_at,
        kind: head.version === 1 ? "generate" : "refine",
        model: head.model,
        ...(head.usage ? { usage: head.usage } : {}),
      });
    }
    return summaries;
  }

  /** The strategy as it was at a version; 404 "Version not found" for one that never existed. */
  async version(userId: string, strategyId: string, version: number, log: FastifyBaseLogger): Promise<StrategyRecord> {
    const head = await this.deps.strategies.get(userId, strategyId, log);
    if (version === head.version) return head;
    const snapshot = await this.deps.items.getVersion(strategyId, version);
    if (!snapshot) throw new AppError("version_not_found");
    return snapshot.record;
  }

  /**
   * Makes an earlier version the latest again, as a new version with its content (`kind: "restore"`); every
   * version is kept. When the latest already has that content (it is that version, or a restore of it) nothing is
   * written and the latest is answered. A lost race is 409, like a refine.
   */
  async restore(userId: string, strategyId: string, version: number, context: Pick<ModelCallContext, "log" | "idempotencyKey">): Promise<StrategyRecord> {
    const current = await this.deps.strategies.get(userId, strategyId, context.log);
    const chosen = version === current.version ? current : (await this.deps.items.getVersion(strategyId, version))?.record;
    if (!chosen) throw new AppError("version_not_found");
    if (isDeepStrictEqual(chosen.strategy_output, current.strategy_output)) return current;
    return this.deps.pipeline.once({
      name: "strategy restore",
      userId,
      log: context.log,
      idempotencyKey: context.idempotencyKey,
      request: { route: "restore", strategy_id: strategyId, version },
      findStored: (requestId) => this.versionWrittenBy(strategyId, requestId),
      store: (requestId) => this.storeVersion(current, { model: chosen.model }, chosen.strategy_output, "restore", requestId, restoredNote(version)),
      logged: (record) => ({ message: "strategy restored", fields: { strategy_id: record.id, version: record.version, restored: version } }),
    });
  }

  /** The conversation, oldest first, paged like the list with a cursor bound to this user and strategy. */
  async messages(userId: string, strategyId: string, limit: number, cursor: string | undefined, log: FastifyBaseLogger): Promise<MessagePage> {
    await this.deps.strategies.get(userId, strategyId, log);
    const binding = JSON.stringify([userId, strategyId]);
    const startKey = this.deps.cursors.startKey(binding, cursor, "messages");
    const page = await this.deps.items.listMessages(strategyId, limit, startKey);
    return { messages: page.messages, nextCursor: page.lastKey ? this.deps.cursors.encode(binding, page.lastKey, "messages") : undefined };
  }

  private async refinement(
    userId: string,
    strategyId: string,
    request: RefineRequest,
    context: ModelCallContext,
  ): Promise<UseCase<RefinedStrategy, StrategyRecord>> {
    const current = await this.deps.strategies.get(userId, strategyId, context.log);
    const conversation = this.deps.conversation(strategyId);
    const results = resultsEvidence(await this.deps.insights?.insightsFor(current));
    return {
      ...this.changeOf(current, "refine", request, context),
      name: "strategy refinement",
      kind: "refine",
      // In the voice stored with the strategy; the note to the user (change_summary) may name a banned word.
      model: withVoice(
        {
          schema: RefinedStrategy,
          systemPrompt: refineSystemPrompt(current, results),
          prompt: refinePrompt(request.message),
          modelId: request.model,
          conversation,
        },
        current.voice,
        ["change_summary"],
      ),
      store: async (generation, requestId) => {
        const { change_summary: told, ...written } = generation.output;
        // Whatever the model, a style instruction changes the wording, never the content: leaks are removed here.
        const output = scrubStyleLeaks(written, request.message);
        const described = told ?? describeChanges(current.strategy_output, output);
        const conflict = voiceConflictNote(request.message, current.voice);
        const summary = conflict ? `${described} ${conflict}` : described;
        const record = await this.storeVersion(current, generation, output, "refine", requestId, request.message);
        const at = new Date(record.updated_at).getTime();
        const saveSession = async () => {
          try {
            await generation.saveConversation?.(`Version ${record.version}: ${summary}`);
          } catch (error) {
            // The version and its messages stand; the model will only miss this exchange in later refines.
            context.log.warn(
              { err: error, ...unbound(context.log, { strategy_id: strategyId }), version: record.version },
              "could not save the refine session",
            );
          }
        };
        await Promise.all([
          this.deps.items.putMessages(strategyId, [
            { id: randomUUID(), role: "user", content: request.message, version: record.version, created_at: record.updated_at },
            { id: randomUUID(), role: "assistant", content: summary, version: record.version, created_at: new Date(at + 1).toISOString() },
          ]),
          saveSession(),
        ]);
        return record;
      },
    };
  }

  /** What refine and regenerate share: identity under an Idempotency-Key, replay lookup and the log line. */
  private changeOf(current: StrategyRecord, kind: VersionKind, request: object, context: ModelCallContext) {
    return {
      userId: current.user_id,
      log: context.log,
      signal: context.signal,
      idempotencyKey: context.idempotencyKey,
      request: { route: kind, strategy_id: current.id, body: request },
      findStored: (requestId: string) => this.versionWrittenBy(current.id, requestId),
      logged: (record: StrategyRecord) => ({
        message: `strategy ${kind === "refine" ? "refined" : "regenerated"}`,
        fields: { strategy_id: record.id, version: record.version },
      }),
    };
  }

  /** The version a request (under an Idempotency-Key) wrote, if it did. */
  private async versionWrittenBy(strategyId: string, requestId: string): Promise<StrategyRecord | undefined> {
    const stored = (await this.deps.items.listVersions(strategyId)).find((summary) => summary.requestId === requestId);
    return stored ? (await this.deps.items.getVersion(strategyId, stored.version))?.record : undefined;
  }

  /** The conditional write of the next version: the head first (the race is decided there), then its snapshot. */
  private async storeVersion(
    current: StrategyRecord,
    /** The model that wrote the content, and the usage of the call that did (none for a restore, which calls none). */
    written: Pick<ModelCallResult<unknown>, "model"> & Partial<Pick<ModelCallResult<unknown>, "usage">>,
    output: StrategyOutput,
    kind: VersionKind,
    requestId: string,
    message?: string,
  ): Promise<StrategyRecord> {
    // The model's validation loop enforces the brand's banned words; this is the last check before a version is stored.
    if (bannedWordErrors(output, current.voice).length > 0) throw new AppError("structured_output", { message: "banned word in the model's output" });
    const { usage: _earlierUsage, ...unchanged } = current;
    const record: StrategyRecord = {
      ...unchanged,
      strategy_output: withPlatformSchedule(output),
      model: written.model,
      ...(written.usage ? { usage: written.usage } : {}),
      version: current.version + 1,
      updated_at: this.clock().toISOString(),
    };
    // Version 1 lives only in the head until now (a generation stores no separate snapshot): keep it before the head
    // moves on, so it survives even if this process dies right after the replace. A snapshot is written once, so a
    // change that then loses the race below leaves the same, correct version 1.
    if (current.version === 1) await this.deps.items.putVersion({ record: current, kind: "generate", requestId: current.id });
    try {
      await this.deps.repository.replace(record, current.version);
    } catch (error) {
      if (error instanceof StrategyChangedError) throw new AppError("conflict", { cause: error });
      throw error;
    }
    await this.deps.items.putVersion({ record, kind, requestId, ...(message !== undefined ? { message } : {}) });
    return record;
  }
}
