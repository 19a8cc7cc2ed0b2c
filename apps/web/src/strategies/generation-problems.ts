import { ERROR_DETAILS } from "@strategist/schemas";

/** What went wrong with a generation, in plain words, and whether trying again makes sense. */
export interface GenerationProblem {
  title: string;
  message: string;
  /** Seconds to wait before a retry can succeed (from Retry-After). */
  retryAfterSeconds?: number;
  /** The session has ended: the fix is to log in, not to retry. */
  needsLogin?: boolean;
}

function waitText(seconds: number | undefined, fallback: string): string {
  if (seconds === undefined) return fallback;
  return seconds <= 1 ? "You can try again now." : `You can try again in ${seconds} seconds.`;
}

/** Explains a failed generation by its HTTP status (0: the request never got an answer) and the seconds Retry-After asked for. */
export function describeGenerationFailure(status: number, detail: string | undefined, wait: number | undefined): GenerationProblem {
  switch (status) {
    case 0:
      return { title: "You seem to be offline", message: "Your request didn't reach Strategist. Check your connection and try again." };
    case 401:
      return { title: "Your session has ended", message: "Log in again to create this strategy — your brief is kept on this device.", needsLogin: true };
    case 413:
      return { title: "Your brief is too long", message: "Shorten the target audience or goals and try again." };
    case 429:
      return {
        title: "You're creating strategies quickly",
        message: `There's a limit on how many strategies you can create per minute. ${waitText(wait, "Wait a minute, then try again.")}`,
        retryAfterSeconds: wait,
      };
    case 500:
      return detail === ERROR_DETAILS.structured_output
        ? {
            title: "The AI's answer didn't fit the strategy format",
            message: "This happens now and then, and nothing was saved. Trying again usually works.",
          }
        : { title: "Something went wrong while writing your strategy", message: "Nothing was saved. Try again in a moment." };
    case 502:
      return { title: "Strategist can't reach its strategy service", message: "The service may be restarting. Try again in a moment." };
    case 503:
      return {
        title: "The AI service is busy",
        message: `Many strategies are being written right now, or the AI service is briefly unavailable. ${waitText(wait, "Try again in a moment.")}`,
        retryAfterSeconds: wait,
      };
    case 504:
      return {
        title: "That took too long",
        message: "The AI didn't finish within a minute, so we stopped waiting and nothing was saved. Try again — it is often faster the second time.",
      };
    default:
      return { title: "Something went wrong", message: detail ? `${detail}. Try again in a moment.` : "Try again in a moment." };
  }
}

/** The live stream ended before the agent said how the generation ended: the connection dropped midway. */
export function describeInterruptedGeneration(): GenerationProblem {
  return {
    title: "The connection dropped while your strategy was being written",
    message: "The strategy was not finished. Try again — if it shows up in your history after all, it was saved just before the connection dropped.",
  };
}
