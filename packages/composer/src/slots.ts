import type { BrandVoice, StrategyInput } from "@strategist/schemas";

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

/** The brand's voice as one delimited slot of JSON, escaped like the brief so it can never close the slot. */
export function formatVoiceSlot(voice: BrandVoice): string {
  return `<brand_voice>${escapeSlot(JSON.stringify(voice))}</brand_voice>`;
}

const VOICE_LISTS = ["tone", "do", "dont", "banned_words", "preferred_hashtags"] as const;

/** Reads the voice back out of a prompt written with formatVoiceSlot; undefined when there is none or it is malformed. */
export function parseVoiceSlot(prompt: string): BrandVoice | undefined {
  const match = /<brand_voice>([\s\S]*?)<\/brand_voice>/.exec(prompt);
  if (!match) return undefined;
  try {
    const parsed = JSON.parse(unescapeSlot(match[1]!)) as Record<string, unknown>;
    const lists = VOICE_LISTS.map((key) => parsed[key] ?? []);
    if (!lists.every((list) => Array.isArray(list) && list.every((item) => typeof item === "string"))) return undefined;
    return Object.fromEntries(VOICE_LISTS.map((key, index) => [key, lists[index]])) as BrandVoice;
  } catch {
    return undefined;
  }
}
