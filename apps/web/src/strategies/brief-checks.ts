import { fieldErrors, INPUT_LIMITS, StrategyInput } from "@strategist/schemas";
import { firstMessages } from "@/shared/field-messages";

/**
 * The form's use of the shared schemas (the brief, and the live-generation events it reads back), in one module
 * the browser loads on first focus rather than with the page: zod is most of the form's JavaScript, and nothing
 * needs it before the user types.
 */
export { INPUT_LIMITS };
export { describeGenerationFailure, describeInterruptedGeneration } from "./generation-problems";
export { readLiveEvent } from "./live-event-checks";

type BriefCheck = { ok: true; brief: StrategyInput } | { ok: false; messages: Record<string, string> };

/** Checks a brief exactly as the API will, with the API's messages. */
export function checkBrief(brief: Record<string, string>): BriefCheck {
  const result = StrategyInput.safeParse(brief);
  return result.success ? { ok: true, brief: result.data } : { ok: false, messages: firstMessages(fieldErrors(result.error.issues)) };
}
