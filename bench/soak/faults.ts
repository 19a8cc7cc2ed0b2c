import type { Behaviour, LocalBedrock } from "@strategist/local-bedrock";
import type { Random } from "./random";

/**
 * One request's fate at the faulty model. About half the answers are good (after a random delay, a few close to
 * the agent's deadline); the rest are the failures Bedrock really produces: throttling and 5xx before the stream,
 * exceptions inside it, stalls, cut connections, and output that is not a valid strategy.
 */
function randomFault(random: Random, modelId: string, timeoutMs: number): Behaviour {
  const roll = random.next();
  if (roll < 0.5) return { modelId, kind: "answer", firstByteDelayMs: random.int(0, 600), chunkDelayMs: random.int(0, 60) };
  if (roll < 0.53) return { modelId, kind: "answer", firstByteDelayMs: random.int(timeoutMs - 500, timeoutMs + 300) };
  if (roll < 0.61) return { modelId, kind: "httpError", error: "ThrottlingException" };
  if (roll < 0.66) return { modelId, kind: "httpError", error: "ServiceUnavailableException" };
  if (roll < 0.7) return { modelId, kind: "httpError", error: "InternalServerException" };
  if (roll < 0.75) return { modelId, kind: "streamError", error: "ThrottlingException", afterEvents: random.int(0, 5) };
  if (roll < 0.81) return { modelId, kind: "stall", afterEvents: random.int(0, 5) };
  if (roll < 0.87) return { modelId, kind: "cut", afterEvents: random.int(0, 6) };
  if (roll < 0.93) return { modelId, kind: "invalidOutput" };
  if (roll < 0.97) return { modelId, kind: "maxTokens" };
  return { modelId, kind: "text" };
}

/** A short name of what a behaviour does, for the totals. */
export function faultLabel(behaviour: Behaviour, timeoutMs: number): string {
  if (behaviour.kind === "answer") return (behaviour.firstByteDelayMs ?? 0) >= timeoutMs - 500 ? "answer near the deadline" : "answer";
  if (behaviour.kind === "httpError") return behaviour.error;
  if (behaviour.kind === "streamError") return `stream ${behaviour.error}`;
  return behaviour.kind;
}

/**
 * Keeps the local Bedrock's queue for the faulty model topped up with random faults, one drawn for each request
 * that takes one, so the sequence of faults depends on the seed only (which request meets which depends on timing).
 */
export class FaultInjector {
  private active = true;

  constructor(
    private readonly bedrock: LocalBedrock,
    private readonly random: Random,
    private readonly modelId: string,
    private readonly timeoutMs: number,
    depth = 32,
  ) {
    for (let index = 0; index < depth; index++) this.enqueue();
  }

  /** Call with each request to the faulty model: it took one fault, so queue the next. */
  consumed(): void {
    if (this.active) this.enqueue();
  }

  /** Stops injecting: the queue is emptied and every model answers normally. */
  stop(): void {
    this.active = false;
    this.bedrock.reset();
  }

  private enqueue(): void {
    this.bedrock.script(randomFault(this.random, this.modelId, this.timeoutMs));
  }
}
