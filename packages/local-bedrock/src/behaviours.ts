/** The Bedrock exceptions that can answer a request as an HTTP error, with the status Bedrock gives each. */
export const HTTP_ERRORS = {
  ThrottlingException: 429,
  ServiceUnavailableException: 503,
  InternalServerException: 500,
  ModelTimeoutException: 408,
  ValidationException: 400,
  AccessDeniedException: 403,
  ModelStreamErrorException: 424,
} as const;
export type HttpErrorName = keyof typeof HTTP_ERRORS;

/** The exceptions the ConverseStream event union can carry after the stream has started, by their member name. */
export const STREAM_ERRORS = {
  ThrottlingException: "throttlingException",
  ServiceUnavailableException: "serviceUnavailableException",
  InternalServerException: "internalServerException",
  ValidationException: "validationException",
  ModelStreamErrorException: "modelStreamErrorException",
} as const;
export type StreamErrorName = keyof typeof STREAM_ERRORS;

/** Fields every behaviour accepts. */
interface BehaviourBase {
  /** Only a request for this model id consumes the scripted behaviour; others leave it queued. */
  modelId?: string;
  /** Wait this long before sending the response headers (the first byte). */
  firstByteDelayMs?: number;
  /** Wait this long between stream events; overrides the server's default. */
  chunkDelayMs?: number;
}

/**
 * How the local Bedrock answers one request. Every stream behaviour counts `afterEvents` in event-stream messages:
 * messageStart and contentBlockStart are the first two, then one message per contentBlockDelta.
 */
export type Behaviour = BehaviourBase &
  (
    | {
        /** The normal answer: a schema-valid strategy through the offered tool, or a short text without tools. */
        kind: "answer";
        /** How many contentBlockDelta chunks carry the answer; overrides the server's default. */
        chunks?: number;
      }
    | {
        /** An HTTP error response with `x-amzn-errortype` and a JSON `{message}` body, before any stream. */
        kind: "httpError";
        error: HttpErrorName;
        message?: string;
      }
    | {
        /** An exception event inside a 200 stream, after `afterEvents` messages (0: the very first message). */
        kind: "streamError";
        error: StreamErrorName;
        afterEvents?: number;
        message?: string;
      }
    | {
        /** Sends `afterEvents` messages, then nothing more and never ends, until the client aborts or close(). */
        kind: "stall";
        afterEvents?: number;
      }
    | {
        /** Destroys the HTTP/2 stream (RST_STREAM) or the HTTP/1.1 socket after `afterEvents` messages. */
        kind: "cut";
        afterEvents?: number;
      }
    | {
        /** Plain text with stopReason end_turn, even when a tool is offered. */
        kind: "text";
        text?: string;
      }
    | {
        /** A tool call whose input is valid JSON but fails the StrategyOutput schema (one content pillar). */
        kind: "invalidOutput";
      }
    | {
        /** The tool input cut off mid-JSON, then stopReason max_tokens. */
        kind: "maxTokens";
      }
    | {
        /**
         * A strategy in the prompt's brand voice that still uses a banned word: `word`, else the voice's first banned
         * word (none in the voice: a plain answer). Checks that the caller's validation makes the model correct it.
         */
        kind: "bannedWord";
        word?: string;
      }
    | {
        /** A call of the offered tool with exactly this input: any structured output (a content plan, a rewrite, ...). */
        kind: "toolInput";
        input: unknown;
      }
  );

/** The default when nothing is scripted. */
const ANSWER: Behaviour = { kind: "answer" };

/**
 * Chooses the behaviour for each request: the first queued behaviour whose model matches, else the model's default,
 * else the global default, else a normal answer.
 */
export class BehaviourScript {
  #queue: Behaviour[] = [];
  #modelDefaults = new Map<string, Behaviour>();
  #globalDefault: Behaviour = ANSWER;

  /** Appends behaviours to the queue, each consumed by one request. */
  enqueue(behaviours: Behaviour[]): void {
    this.#queue.push(...behaviours);
  }

  /** Sets what a model (or, without a model id, every model) does once its queued behaviours are used up. */
  setDefault(behaviour: Behaviour, modelId = behaviour.modelId): void {
    if (modelId === undefined) this.#globalDefault = behaviour;
    else this.#modelDefaults.set(modelId, behaviour);
  }

  /** Takes the behaviour for a request to `modelId`. */
  next(modelId: string): Behaviour {
    const index = this.#queue.findIndex((behaviour) => behaviour.modelId === undefined || behaviour.modelId === modelId);
    if (index >= 0) return this.#queue.splice(index, 1)[0]!;
    return this.#modelDefaults.get(modelId) ?? this.#globalDefault;
  }

  /** Behaviours still waiting in the queue. */
  get pending(): number {
    return this.#queue.length;
  }

  /** Empties the queue and restores the defaults. */
  reset(): void {
    this.#queue = [];
    this.#modelDefaults.clear();
    this.#globalDefault = ANSWER;
  }
}
