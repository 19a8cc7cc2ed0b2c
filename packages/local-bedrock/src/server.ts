import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { answerText, composeAnswer, toolInputAnswer, type AnswerStyle, type ModelAnswer } from "./answer";
import { BehaviourScript, STREAM_ERRORS, type Behaviour } from "./behaviours";
import type { ConverseRequestBody } from "./converse-request";
import { listenDualProtocol, type Exchange, type HttpProtocol } from "./dual-protocol";
import { errorMessage, errorResponse } from "./errors";
import { encodeException } from "./event-stream";
import { InvalidInvokeRequest, invokeImageModel } from "./invoke";
import { answerEvents, converseBody } from "./stream-events";
import { PromptCache } from "./usage";

/** The Bedrock Runtime operations the local Bedrock serves: text through Converse, images through InvokeModel. */
type BedrockOperation = "Converse" | "ConverseStream" | "InvokeModel";

/** A request as the local Bedrock received it. */
export interface RecordedRequest {
  operation: BedrockOperation;
  /** The model id, percent-decoded from the path. */
  modelId: string;
  /** The parsed JSON body: system, messages, toolConfig, inferenceConfig… */
  body: ConverseRequestBody;
  /** Request headers without HTTP/2 pseudo-headers. */
  headers: Record<string, string | string[] | undefined>;
  protocol: HttpProtocol;
  /** The behaviour the request got. */
  behaviour: Behaviour;
  /** Epoch milliseconds when the request arrived. */
  at: number;
}

/** Options of startLocalBedrock. */
export interface LocalBedrockOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Address to listen on; 127.0.0.1 by default. */
  host?: string;
  /** Delay between stream events unless a behaviour sets its own; 0 by default. */
  chunkDelayMs?: number;
  /** How many contentBlockDelta events carry an answer; 6 by default. */
  chunks?: number;
  /** Called with each request as it is recorded, e.g. to log it. */
  onRequest?: (request: RecordedRequest) => void;
  /** Called once each ConverseStream event has been written to the client, e.g. to time what a client shows. */
  onEventWritten?: (written: WrittenStreamEvent) => void;
}

/** A ConverseStream event the local Bedrock has written. */
export interface WrittenStreamEvent {
  request: RecordedRequest;
  /** Position in the stream: 0 is messageStart. */
  index: number;
  /** The event type: messageStart, contentBlockStart, contentBlockDelta, contentBlockStop, messageStop, metadata. */
  type: string;
  /** The answer text a contentBlockDelta carried (partial tool-input JSON, or text). */
  delta?: string;
  /** Epoch milliseconds when the write was handed to the connection. */
  at: number;
}

/** A running local Bedrock. */
export interface LocalBedrock {
  /** Base URL for the AWS client's `endpoint`, e.g. http://127.0.0.1:51234. */
  endpoint: string;
  /** Every request received, in arrival order. */
  requests: RecordedRequest[];
  /** How many requests the client abandoned before their response was complete. */
  readonly aborted: number;
  /** Queues behaviours, each consumed by the next request whose model matches. */
  script(...behaviours: Behaviour[]): void;
  /** What a model (or every model, without a model id) does once its queued behaviours are used up. */
  setDefault(behaviour: Behaviour, modelId?: string): void;
  /** Forgets requests, aborts, the queue, the defaults and the prompt cache. */
  reset(): void;
  /** Stops listening and destroys every open connection. */
  close(): Promise<void>;
}

const ROUTE = /^\/model\/([^/]+)\/(converse|converse-stream|invoke)$/;

/** Resolves after `ms`, or early (without throwing) when the exchange closes. */
async function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return;
  await sleep(ms, undefined, { signal }).catch(() => undefined);
}

function answerStyle(behaviour: Behaviour): AnswerStyle {
  return behaviour.kind === "text" || behaviour.kind === "invalidOutput" || behaviour.kind === "maxTokens" || behaviour.kind === "bannedWord"
    ? behaviour.kind
    : "answer";
}

/** The text of a `text` answer, or the word a `bannedWord` answer uses. */
function answerArgument(behaviour: Behaviour): string | undefined {
  if (behaviour.kind === "text") return behaviour.text;
  if (behaviour.kind === "bannedWord") return behaviour.word;
  return undefined;
}

/** The model's answer to a request under a behaviour (transport faults aside). */
function answerFor(body: ConverseRequestBody, behaviour: Behaviour): ModelAnswer {
  if (behaviour.kind === "toolInput") return toolInputAnswer(body, behaviour.input);
  return composeAnswer(body, answerStyle(behaviour), answerArgument(behaviour));
}

/**
 * Starts a server that speaks the Bedrock Runtime wire protocol (Converse and ConverseStream) so the real AWS SDK
 * client and Strands BedrockModel can be tested without AWS, with faults scripted per request.
 *
 * @example
 * const bedrock = await startLocalBedrock();
 * bedrock.script({ kind: "httpError", error: "ThrottlingException", modelId: "model-a" });
 * const client = new BedrockRuntimeClient({ endpoint: bedrock.endpoint, region: "us-east-1",
 *   credentials: { accessKeyId: "local", secretAccessKey: "local" } });
 */
export async function startLocalBedrock(options: LocalBedrockOptions = {}): Promise<LocalBedrock> {
  const host = options.host ?? "127.0.0.1";
  const defaultChunkDelayMs = options.chunkDelayMs ?? 0;
  const defaultChunks = options.chunks ?? 6;
  const behaviours = new BehaviourScript();
  const promptCache = new PromptCache();
  const requests: RecordedRequest[] = [];
  let aborted = 0;
  let closing = false;

  async function stream(exchange: Exchange, recorded: RecordedRequest) {
    const { body, modelId, behaviour, at: startedAt } = recorded;
    const answer = answerFor(body, behaviour);
    const usage = promptCache.usage(modelId, body, answerText(answer));
    const events = answerEvents(answer, usage, behaviour.kind === "answer" ? (behaviour.chunks ?? defaultChunks) : defaultChunks, startedAt);
    const faultAt =
      behaviour.kind === "streamError" || behaviour.kind === "stall" || behaviour.kind === "cut"
        ? Math.min(behaviour.afterEvents ?? 3, events.length)
        : events.length;
    const chunkDelayMs = behaviour.chunkDelayMs ?? defaultChunkDelayMs;
    exchange.open(200, { "content-type": "application/vnd.amazon.eventstream", "x-amzn-requestid": randomUUID() });
    for (const [index, event] of events.slice(0, faultAt).entries()) {
      if (index > 0) await pause(chunkDelayMs, exchange.signal);
      if (exchange.signal.aborted) return;
      await exchange.write(event.encode());
      options.onEventWritten?.({ request: recorded, index, type: event.type, ...(event.delta === undefined ? {} : { delta: event.delta }), at: Date.now() });
    }
    if (behaviour.kind === "stall") return;
    if (behaviour.kind === "cut") return exchange.cut();
    if (behaviour.kind === "streamError") {
      await exchange.write(encodeException(STREAM_ERRORS[behaviour.error], errorMessage(behaviour.error, behaviour.message)));
    }
    exchange.end();
  }

  function converse(exchange: Exchange, body: ConverseRequestBody, modelId: string, behaviour: Behaviour, startedAt: number) {
    if (behaviour.kind === "stall") return;
    if (behaviour.kind === "cut") return exchange.cut();
    if (behaviour.kind === "streamError") return sendError(exchange, behaviour.error, behaviour.message);
    const answer = answerFor(body, behaviour);
    const usage = promptCache.usage(modelId, body, answerText(answer));
    exchange.open(200, { "content-type": "application/json", "x-amzn-requestid": randomUUID() });
    exchange.end(JSON.stringify(converseBody(answer, usage, startedAt)));
  }

  function invoke(exchange: Exchange, body: ConverseRequestBody, modelId: string, behaviour: Behaviour) {
    if (behaviour.kind === "stall") return;
    if (behaviour.kind === "cut") return exchange.cut();
    if (behaviour.kind === "streamError") return sendError(exchange, behaviour.error, behaviour.message);
    let answer: Record<string, unknown>;
    try {
      answer = invokeImageModel(modelId, body);
    } catch (error) {
      if (error instanceof InvalidInvokeRequest) return sendError(exchange, "ValidationException", error.message);
      throw error;
    }
    exchange.open(200, { "content-type": "application/json", "x-amzn-requestid": randomUUID() });
    exchange.end(JSON.stringify(answer));
  }

  function sendError(exchange: Exchange, ...[name, message]: Parameters<typeof errorResponse>) {
    const error = errorResponse(name, message);
    exchange.open(error.status, { ...error.headers, "x-amzn-requestid": randomUUID() });
    exchange.end(error.body);
  }

  async function handle(exchange: Exchange) {
    const startedAt = Date.now();
    let cutBySelf = false;
    exchange.signal.addEventListener("abort", () => {
      if (!exchange.ended && !cutBySelf && !closing) aborted += 1;
    });
    const route = ROUTE.exec(exchange.url.split("?")[0]!);
    if (exchange.method !== "POST" || !route) {
      exchange.open(404, { "content-type": "application/json", "x-amzn-errortype": "UnknownOperationException" });
      return exchange.end(JSON.stringify({ message: `No route for ${exchange.method} ${exchange.url}` }));
    }
    const modelId = decodeURIComponent(route[1]!);
    const operation: BedrockOperation = route[2] === "converse" ? "Converse" : route[2] === "invoke" ? "InvokeModel" : "ConverseStream";
    let body: ConverseRequestBody;
    try {
      body = JSON.parse((await exchange.readBody()).toString("utf8")) as ConverseRequestBody;
    } catch {
      return sendError(exchange, "ValidationException", "The request body is not valid JSON.");
    }
    const behaviour = behaviours.next(modelId);
    const recorded: RecordedRequest = { operation, modelId, body, headers: exchange.headers, protocol: exchange.protocol, behaviour, at: startedAt };
    requests.push(recorded);
    options.onRequest?.(recorded);
    await pause(behaviour.firstByteDelayMs ?? 0, exchange.signal);
    if (exchange.signal.aborted) return;
    if (behaviour.kind === "httpError") return sendError(exchange, behaviour.error, behaviour.message);
    if (behaviour.kind === "cut") cutBySelf = true;
    if (operation === "InvokeModel") return invoke(exchange, body, modelId, behaviour);
    if (operation === "Converse") return converse(exchange, body, modelId, behaviour, startedAt);
    return stream(exchange, recorded);
  }

  const listener = await listenDualProtocol(
    (exchange) =>
      void handle(exchange).catch(() => {
        // A client that vanished mid-write is not the server's failure; the abort is already counted.
        if (!exchange.signal.aborted) exchange.cut();
      }),
    { host, port: options.port ?? 0 },
  );

  return {
    endpoint: `http://${host}:${listener.port}`,
    requests,
    get aborted() {
      return aborted;
    },
    script: (...queued) => behaviours.enqueue(queued),
    setDefault: (behaviour, modelId) => behaviours.setDefault(behaviour, modelId),
    reset() {
      requests.length = 0;
      aborted = 0;
      behaviours.reset();
      promptCache.clear();
    },
    close() {
      closing = true;
      return listener.close();
    },
  };
}
