import { AppError } from "../errors";
import { GenerationCancelled, StructuredOutputFailure } from "./strategist";

/** AWS error names that mean "the model service is busy or down right now": retryable, then 503. */
const UNAVAILABLE = new Set([
  "ThrottlingException",
  "ServiceUnavailableException",
  "ModelNotReadyException",
  "ServiceQuotaExceededException",
  "InternalServerException",
  "ModelThrottledError",
]);

/** Walks an error's cause chain (Strands wraps the AWS exception in a ModelError). */
export function errorChain(error: unknown): Error[] {
  const chain: Error[] = [];
  let current: unknown = error;
  while (current instanceof Error && chain.length < 10) {
    chain.push(current);
    current = current.cause;
  }
  return chain;
}

/** The AWS error name in the chain, if any (e.g. ThrottlingException). */
export function awsErrorName(error: unknown): string | undefined {
  return errorChain(error).find((link) => UNAVAILABLE.has(link.name) || "$metadata" in link)?.name;
}

/** Maps a failed model call to the seed's error table. */
export function classifyModelFailure(error: unknown): AppError {
  const chain = errorChain(error);
  if (chain.some((link) => link instanceof StructuredOutputFailure)) return new AppError("structured_output", { cause: error });
  if (chain.some((link) => link.name === "ModelTimeoutException")) return new AppError("timeout", { cause: error });
  if (chain.some((link) => UNAVAILABLE.has(link.name))) return new AppError("unavailable", { cause: error, retryAfterSeconds: 5 });
  if (chain.some((link) => link instanceof GenerationCancelled)) return new AppError("generation_failed", { cause: error });
  return new AppError("generation_failed", { cause: error });
}
