import { Model, type BaseModelConfig, type Message, type ModelStreamEvent, type StreamOptions } from "@strands-agents/sdk";
import { applyVoice, composeStrategy, parseBriefSlots, parseVoiceSlot, splitIntoChunks } from "@strategist/composer";

/** Model id recorded on strategies written by the offline model. */
export const OFFLINE_MODEL_ID = "offline";

/** The name of the tool through which Strands receives structured output. */
const STRUCTURED_OUTPUT_TOOL = "strands_structured_output";

export interface OfflineModelConfig extends BaseModelConfig {
  /** How many tool-input chunks the answer is streamed in. */
  chunks?: number;
  /** Pause between chunks, to behave like a model that takes time to write. */
  chunkDelayMs?: number;
}

function textOf(message: Message | undefined): string {
  if (!message) return "";
  return message.content.map((block) => ("text" in block && typeof block.text === "string" ? block.text : "")).join("\n");
}

function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}

/**
 * A Strands model provider that needs no AWS account: it reads the brief from the prompt's slots and answers
 * through the real structured-output tool with a strategy composed deterministically from the brief. It is
 * honest about what it is: every strategy it writes is recorded with the model id `offline`.
 */
export class OfflineModel extends Model<OfflineModelConfig> {
  private config: OfflineModelConfig;

  constructor(config: OfflineModelConfig = {}) {
    super();
    this.config = { modelId: OFFLINE_MODEL_ID, chunks: 8, chunkDelayMs: 0, ...config };
  }

  updateConfig(modelConfig: OfflineModelConfig): void {
    this.config = { ...this.config, ...modelConfig };
  }

  getConfig(): OfflineModelConfig {
    return this.config;
  }

  async *stream(messages: Message[], options: StreamOptions = {}): AsyncGenerator<ModelStreamEvent> {
    const started = Date.now();
    const prompt = textOf(messages.find((message) => message.role === "user"));
    const brief = parseBriefSlots(prompt);
    const offersTool = options.toolSpecs?.some((spec) => spec.name === STRUCTURED_OUTPUT_TOOL) ?? false;

    yield { type: "modelMessageStartEvent", role: "assistant" };
    let output: string;
    if (brief && offersTool) {
      // The brand's voice, when the prompt carries one, shapes the wording and removes its banned words.
      output = JSON.stringify(applyVoice(composeStrategy(brief), parseVoiceSlot(prompt)));
      yield {
        type: "modelContentBlockStartEvent",
        start: { type: "toolUseStart", name: STRUCTURED_OUTPUT_TOOL, toolUseId: `offline-${started.toString(36)}` },
      };
      for (const [index, chunk] of splitIntoChunks(output, this.config.chunks ?? 8).entries()) {
        if (index > 0 && this.config.chunkDelayMs) await sleep(this.config.chunkDelayMs, options.cancelSignal);
        yield { type: "modelContentBlockDeltaEvent", delta: { type: "toolUseInputDelta", input: chunk } };
      }
    } else {
      output = "The offline model writes strategies only: send a brief in <brand_name>, <industry>, <target_audience> and <goals> tags.";
      yield { type: "modelContentBlockStartEvent" };
      yield { type: "modelContentBlockDeltaEvent", delta: { type: "textDelta", text: output } };
    }
    yield { type: "modelContentBlockStopEvent" };
    yield { type: "modelMessageStopEvent", stopReason: brief && offersTool ? "toolUse" : "endTurn" };
    const inputTokens = estimateTokens(prompt + JSON.stringify(options.systemPrompt ?? ""));
    const outputTokens = estimateTokens(output);
    yield {
      type: "modelMetadataEvent",
      usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens },
      metrics: { latencyMs: Date.now() - started },
    };
  }
}
