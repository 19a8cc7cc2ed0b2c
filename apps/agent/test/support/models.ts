import { Model, type BaseModelConfig, type Message, type ModelStreamEvent, type StreamOptions } from "@strands-agents/sdk";
import { OfflineModel } from "../../src/models/offline/model";
import { OFFLINE_WRITERS } from "../../src/main/offline-writers";

/** Model stand-ins for failure cases; they stand in for Bedrock, not for any code of ours. */
abstract class ScriptedModel extends Model<BaseModelConfig> {
  calls = 0;
  private config: BaseModelConfig = { modelId: "scripted" };
  updateConfig(config: BaseModelConfig): void {
    this.config = { ...this.config, ...config };
  }
  getConfig(): BaseModelConfig {
    return this.config;
  }
}

/** Fails every call, like a model endpoint that errors. */
export class ThrowingModel extends ScriptedModel {
  constructor(private readonly error: () => Error = () => new Error("model exploded")) {
    super();
  }
  // eslint-disable-next-line require-yield
  async *stream(): AsyncGenerator<ModelStreamEvent> {
    this.calls++;
    throw this.error();
  }
}

/** Never answers until aborted, like a stalled model; records whether the abort reached it. */
export class HangingModel extends ScriptedModel {
  aborted = 0;
  async *stream(_messages: Message[], options: StreamOptions = {}): AsyncGenerator<ModelStreamEvent> {
    this.calls++;
    yield { type: "modelMessageStartEvent", role: "assistant" };
    await new Promise<void>((resolve) => {
      options.cancelSignal?.addEventListener("abort", () => {
        this.aborted++;
        resolve();
      });
    });
    throw new Error("aborted");
  }
}

/** Always calls the structured-output tool with input that fails the schema (one pillar, no platforms). */
export class InvalidOutputModel extends ScriptedModel {
  async *stream(): AsyncGenerator<ModelStreamEvent> {
    this.calls++;
    yield { type: "modelMessageStartEvent", role: "assistant" };
    yield { type: "modelContentBlockStartEvent", start: { type: "toolUseStart", name: "strands_structured_output", toolUseId: `bad-${this.calls}` } };
    yield { type: "modelContentBlockDeltaEvent", delta: { type: "toolUseInputDelta", input: JSON.stringify({ content_pillars: ["only one"] }) } };
    yield { type: "modelContentBlockStopEvent" };
    yield { type: "modelMessageStopEvent", stopReason: "toolUse" };
  }
}

/** The offline model, counting calls (to prove a request never reached the model). */
export class CountingOfflineModel extends OfflineModel {
  calls = 0;
  constructor() {
    super(OFFLINE_WRITERS);
  }
  override async *stream(messages: Message[], options?: StreamOptions): AsyncGenerator<ModelStreamEvent> {
    this.calls++;
    yield* super.stream(messages, options);
  }
}

/** Fails its first `failures` calls, then answers like the offline model. */
export class FlakyOfflineModel extends OfflineModel {
  calls = 0;
  constructor(
    private failures: number,
    chunkDelayMs = 0,
  ) {
    super(OFFLINE_WRITERS, { chunkDelayMs });
  }
  override async *stream(messages: Message[], options?: StreamOptions): AsyncGenerator<ModelStreamEvent> {
    this.calls++;
    if (this.failures > 0) {
      this.failures--;
      throw new Error("model exploded");
    }
    yield* super.stream(messages, options);
  }
}
