import { applyVoice, composeStrategy, parseBriefSlots, parseVoiceSlot } from "@strategist/composer";
import { offlinePlanWriter, offlineRewriteWriter } from "../../plans/offline-writer";
import { writeRefinement } from "../../conversations/offline-refiner";

/** What an offline writer reads: the latest user turn (without its task line) and the system prompt. */
interface OfflineWriterRequest {
  prompt: string;
  system: string;
}

/** Writes the structured output for one task, or says in plain text why it cannot. */
export type OfflineWriter = (request: OfflineWriterRequest) => { output: unknown } | { text: string };

const TASK = /^\s*<task>([a-z][a-z0-9_-]*)<\/task>\s*/;

/** The first line of every user turn sent to a model: names the task so the offline model can dispatch on it. */
export function taskLine(task: string): string {
  return `<task>${task}</task>`;
}

/** The task a user turn names and the turn without its task line; no task line means `strategy`. */
export function readTask(prompt: string): { task: string; body: string } {
  const match = TASK.exec(prompt);
  return match ? { task: match[1]!, body: prompt.slice(match[0].length) } : { task: "strategy", body: prompt };
}

/**
 * The offline model's writers, one per task. Each capability adds one entry pointing at its own module; a task
 * without a writer gets a plain-text answer, which the structured-output loop treats as a failure.
 */
export const OFFLINE_WRITERS: Record<string, OfflineWriter> = {
  strategy: ({ prompt }) => {
    const brief = parseBriefSlots(prompt);
    return brief
      ? // The brand's voice, when the prompt carries one, shapes the wording and removes its banned words.
        { output: applyVoice(composeStrategy(brief), parseVoiceSlot(prompt)) }
      : { text: "The offline model writes strategies only: send a brief in <brand_name>, <industry>, <target_audience> and <goals> tags." };
  },
  plan: (request) => offlinePlanWriter(request),
  rewrite: (request) => offlineRewriteWriter(request),
  refine: writeRefinement,
};
