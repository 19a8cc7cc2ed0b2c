/** What an offline writer reads: the latest user turn (without its task line) and the system prompt. */
interface OfflineWriterRequest {
  prompt: string;
  system: string;
}

/** Writes the structured output for one task, or says in plain text why it cannot. */
export type OfflineWriter = (request: OfflineWriterRequest) => { output: unknown } | { text: string };

/** The offline model's writers, keyed by the task a user turn names. */
export type OfflineWriters = Readonly<Record<string, OfflineWriter>>;

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
