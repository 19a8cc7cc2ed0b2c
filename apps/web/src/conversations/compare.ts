import type { StrategyOutput, StrategySection } from "@strategist/schemas";
import { SECTION_ORDER } from "@/strategies/strategy-sections";

/** One line of a list section in a comparison, said in words as well as shown in colour. */
interface ComparedItem {
  text: string;
  change: "added" | "removed" | "same";
}

/** A section of two versions side by side: list items marked added/removed, or the text before and after. */
export type ComparedSection =
  | { section: StrategySection; kind: "list"; items: ComparedItem[]; changed: boolean }
  | { section: StrategySection; kind: "text"; before: string; after: string; changed: boolean };

function lines(section: StrategySection, output: StrategyOutput): string[] | string {
  const value = output[section];
  if (typeof value === "string") return value;
  return value.map((item) => (typeof item === "string" ? item : `${item.platform} (${item.priority} priority): ${item.rationale}`));
}

/**
 * What changed from one version to another, section by section, in the strategy's order. Lists keep the newer
 * version's order with removed items after the ones they sat among; an edited item shows as removed plus added.
 */
export function compareVersions(before: StrategyOutput, after: StrategyOutput): ComparedSection[] {
  return SECTION_ORDER.map((section): ComparedSection => {
    const old = lines(section, before);
    const next = lines(section, after);
    if (typeof old === "string" || typeof next === "string") {
      const previous = String(old);
      const current = String(next);
      return { section, kind: "text", before: previous, after: current, changed: previous !== current };
    }
    const kept = new Set(old);
    const present = new Set(next);
    const items: ComparedItem[] = [
      ...next.map((text): ComparedItem => ({ text, change: kept.has(text) ? "same" : "added" })),
      ...old.filter((text) => !present.has(text)).map((text): ComparedItem => ({ text, change: "removed" })),
    ];
    return { section, kind: "list", items, changed: items.some((item) => item.change !== "same") };
  });
}
