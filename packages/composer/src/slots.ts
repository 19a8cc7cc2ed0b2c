import type { StrategyInput } from "@strategist/schemas";

/** The brief's fields in the order they appear in the prompt. */
const SLOT_FIELDS = ["brand_name", "industry", "target_audience", "goals"] as const;

function escapeSlot(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

function unescapeSlot(text: string): string {
  return text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

/**
 * Puts the user's four fields into delimited slots. Angle brackets are escaped so that text inside a slot can
 * never close it or open another: the model sees the brief as data, not as instructions.
 */
export function formatBriefSlots(input: StrategyInput): string {
  return SLOT_FIELDS.map((field) => `<${field}>${escapeSlot(input[field])}</${field}>`).join("\n");
}

/** Reads the brief back out of a prompt written by formatBriefSlots; undefined if any slot is missing. */
export function parseBriefSlots(prompt: string): StrategyInput | undefined {
  const brief: Partial<Record<(typeof SLOT_FIELDS)[number], string>> = {};
  for (const field of SLOT_FIELDS) {
    const match = new RegExp(`<${field}>([\\s\\S]*?)</${field}>`).exec(prompt);
    if (!match) return undefined;
    brief[field] = unescapeSlot(match[1]!);
  }
  return brief as StrategyInput;
}
