import { Model, type BaseModelConfig, type Message, type ModelStreamEvent, type StreamOptions } from "@strands-agents/sdk";
import { splitIntoChunks } from "@strategist/composer";
import { readTask, type OfflineWriters } from "./protocol";

/** Model id recorded on strategies written by the offline model. */
export const OFFLINE_MODEL_ID = "offline";

/** The name of the tool through which Strands receives structured output. */
const STRUCTURED_OUTPUT_TOOL = "strands_structured_output";

interface OfflineModelConfig extends BaseModelConfig {
  /** How many tool-input chunks the answer is streamed in. */
  chunks?: number;
  /** Pause between chunks, to behave like a model that takes time to write. */
  chunkDelayMs?: number;
}

function textOf(message: Message | undefined): string {
  if (!message) return "";
  return message.content.map((block) => ("text" in block && typeof block.text === "string" ? block.text : "")).join("\n");
}

/** The latest turn the user wrote (tool results, which Strands sends as user messages, are not writing). */
function latestUserText(messages: Message[]): string {
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index]!;
    if (message.role === "user" && message.content.some((block) => block.type === "textBlock")) return textOf(message);
  }
  return "";
}

function systemText(systemPrompt: StreamOptions["systemPrompt"]): string {
  if (systemPrompt === undefined) return "";
  if (typeof systemPrompt === "string") return systemPrompt;
  return systemPrompt.map((block) => ("text" in block && typeof block.text === "string" ? block.text : "")).join("\n");
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
 * A Strands model provider that needs no AWS account. The user turn's `<task>` line picks one of the writers it was
 * given (a strategy from the brief's slots, a refinement of the current strategy, ...), whose output is
 * answered through the real structured-output tool, deterministically. It is honest about what it is: everything
 * it writes is recorded with the model id `offline`.
 */
export class OfflineModel extends Model<OfflineModelConfig> {
  private config: OfflineModelConfig;

  /** @param writers the writer of each task (the app's registry, built where every capability is known) */
  constructor(
    private readonly writers: OfflineWriters,
    config: OfflineModelConfig = {},
  ) {
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
    const prompt = latestUserText(messages);
    const { task, body } = readTask(prompt);
    const offersTool = options.toolSpecs?.some((spec) => spec.name === STRUCTURED_OUTPUT_TOOL) ?? false;
    const writer = this.writers[task];
    const written = writer
      ? writer({ prompt: body, system: systemText(options.systemPrompt) })
      : { text: `The offline model has no writer for the task "${task}".` };
    const usesTool = offersTool && "output" in written;

    yield { type: "modelMessageStartEvent", role: "assistant" };
    let output: string;
    if ("output" in written && usesTool) {
      output = JSON.stringify(written.output);
      yield {
        type: "modelContentBlockStartEvent",
        start: { type: "toolUseStart", name: STRUCTURED_OUTPUT_TOOL, toolUseId: `offline-${started.toString(36)}` },
      };
      for (const [index, chunk] of splitIntoChunks(output, this.config.chunks ?? 8).entries()) {
        if (index > 0 && this.config.chunkDelayMs) await sleep(this.config.chunkDelayMs, options.cancelSignal);
        yield { type: "modelContentBlockDeltaEvent", delta: { type: "toolUseInputDelta", input: chunk } };
      }
    } else {
      output = "text" in written ? written.text : "The offline model answers only through the structured-output tool.";
      yield { type: "modelContentBlockStartEvent" };
      yield { type: "modelContentBlockDeltaEvent", delta: { type: "textDelta", text: output } };
    }
    yield { type: "modelContentBlockStopEvent" };
    yield { type: "modelMessageStopEvent", stopReason: usesTool ? "toolUse" : "endTurn" };
    const inputTokens = estimateTokens(prompt + JSON.stringify(options.systemPrompt ?? ""));
    const outputTokens = estimateTokens(output);
    yield {
      type: "modelMetadataEvent",
      usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens },
      metrics: { latencyMs: Date.now() - started },
    };
  }
}
