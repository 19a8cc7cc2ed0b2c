import type { StrategyOutput } from "@strategist/schemas";

function listing(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

function difference(from: string[], to: string[]): string[] {
  const kept = new Set(to.map((entry) => entry.toLowerCase()));
  return from.filter((entry) => !kept.has(entry.toLowerCase()));
}

const OTHER_SECTIONS: [keyof StrategyOutput, string][] = [
  ["posting_schedule", "the posting schedule"],
  ["content_themes", "the content themes"],
  ["engagement_tactics", "the engagement tactics"],
  ["visual_prompts", "the visual prompts"],
];

/**
 * What changed between two versions, in a sentence: platforms and pillars by name, other sections by name.
 * Used when a model's revision comes without its own summary, so the conversation still says what happened.
 */
export function describeChanges(before: StrategyOutput, after: StrategyOutput): string {
  const platforms = (output: StrategyOutput) => output.platform_recommendations.map((entry) => entry.platform);
  const changes = [
    ...difference(platforms(after), platforms(before)).map((name) => `added ${name}`),
    ...difference(platforms(before), platforms(after)).map((name) => `removed ${name}`),
    ...difference(after.content_pillars, before.content_pillars).map((pillar) => `added the pillar "${pillar}"`),
    ...difference(before.content_pillars, after.content_pillars).map((pillar) => `removed the pillar "${pillar}"`),
  ];
  const priorities = before.platform_recommendations.some((entry) =>
    after.platform_recommendations.some((next) => next.platform.toLowerCase() === entry.platform.toLowerCase() && next.priority !== entry.priority),
  );
  if (priorities) changes.push("changed platform priorities");
  for (const [section, name] of OTHER_SECTIONS) {
    if (JSON.stringify(before[section]) !== JSON.stringify(after[section])) changes.push(`revised ${name}`);
  }
  const text = changes.length > 0 ? `I ${listing(changes)}.` : "I changed nothing.";
  return text.length <= 600 ? text : `${text.slice(0, 599)}…`;
}
