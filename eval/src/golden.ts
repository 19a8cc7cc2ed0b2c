import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { StrategyInput } from "@strategist/schemas";
import { z } from "zod";

/** The platforms the checks know, by their labels in the platform table of @strategist/schemas; other names map onto them. */
export const KNOWN_PLATFORMS = ["LinkedIn", "Instagram", "TikTok", "Facebook", "YouTube", "Pinterest", "X (Twitter)", "Google Business Profile"] as const;
export type KnownPlatform = (typeof KNOWN_PLATFORMS)[number];

/** What a marketer would expect of a strategy for one brief. */
export const Expectations = z.object({
  /** The language the strategy must be written in (`en` for briefs in a language the model does not write). */
  language: z.enum(["en", "es", "de", "fr"]),
  /** Platforms that must be recommended with priority high. */
  must_high: z.array(z.enum(KNOWN_PLATFORMS)),
  /** Platforms that must not be recommended with priority high (absent, medium or low is fine). */
  must_not_high: z.array(z.enum(KNOWN_PLATFORMS)),
  /** Groups of words of the industry; each group needs one of its words (a case-insensitive substring) in the strategy. */
  industry_words: z.array(z.array(z.string().min(2)).min(1)),
  /** Words that must not appear anywhere (e.g. hotel words for a kayak tour). */
  forbidden: z.array(z.string().min(2)),
});
export type Expectations = z.infer<typeof Expectations>;

export const GoldenBrief = z.object({ id: z.string().regex(/^[a-z0-9-]+$/), brief: StrategyInput, expect: Expectations });
export type GoldenBrief = z.infer<typeof GoldenBrief>;

const GoldenSet = z.array(GoldenBrief).min(1);

/** The golden set shipped with the suite. */
export const DEFAULT_BRIEFS_FILE = fileURLToPath(new URL("../golden/briefs.json", import.meta.url));

/** Reads and validates a golden set; ids must be unique. */
export function loadGoldenSet(file = DEFAULT_BRIEFS_FILE): GoldenBrief[] {
  const briefs = GoldenSet.parse(JSON.parse(readFileSync(file, "utf8")));
  const ids = new Set<string>();
  for (const { id } of briefs) {
    if (ids.has(id)) throw new Error(`golden set: duplicate id ${id}`);
    ids.add(id);
  }
  return briefs;
}
