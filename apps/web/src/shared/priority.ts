// Apart from the Markdown writer, so the strategy's sections sort platforms without loading the platform rules.
const PRIORITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

/** Platform recommendations, high priority first, keeping the model's order within a priority. */
export function byPriority<T extends { priority: keyof typeof PRIORITY_ORDER }>(platforms: readonly T[]): T[] {
  return [...platforms].sort((a, b) => PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority]);
}
