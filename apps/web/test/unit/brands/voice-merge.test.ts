import type { BrandVoice } from "@strategist/schemas";
import { BRAND_LIMITS } from "@strategist/schemas/brand-limits";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  SUGGESTED_LISTS,
  acceptAll,
  acceptItem,
  acceptOffered,
  offerOf,
  sameItemKey,
  withdrawItem,
  type SuggestedList,
  type VoiceOffer,
} from "@/brands/voice-merge";

const RUNS = { numRuns: 200 };

/** Short words from a small alphabet, in mixed case and padding, so that the same item often comes back spelled otherwise. */
const word = fc
  .tuple(fc.constantFrom("", " ", "#"), fc.stringMatching(/^[aAbBcC]{1,3}$/), fc.constantFrom("", " "))
  .map(([before, core, after]) => `${before}${core}${after}`);

/** A list as the brand holds it: within its limit, no item repeated (compared as the merge compares). */
const brandList = (list: SuggestedList) =>
  fc.uniqueArray(word, { maxLength: BRAND_LIMITS[list].items, selector: (item) => sameItemKey(list, item) }).map((items) => items.map((item) => item.trim()));

const brandVoice: fc.Arbitrary<BrandVoice> = fc.record({
  tone: brandList("tone"),
  do: brandList("do"),
  dont: brandList("dont"),
  banned_words: fc.array(fc.stringMatching(/^[a-z]{1,5}$/), { maxLength: 3 }),
  preferred_hashtags: brandList("preferred_hashtags"),
});
const suggestion = fc.record(
  Object.fromEntries(SUGGESTED_LISTS.map((list) => [list, fc.array(word, { maxLength: 8 })])) as Record<SuggestedList, fc.Arbitrary<string[]>>,
);

/** Decisions on every offered item, in offer order: accept or reject. */
type Decision = "accept" | "reject";
function decide(voice: BrandVoice, offer: VoiceOffer, decisions: Decision[]): { voice: BrandVoice; offer: VoiceOffer } {
  let index = 0;
  let current = { voice, offer };
  for (const list of SUGGESTED_LISTS) {
    for (const item of offer[list].offered) {
      const decision = decisions[index++ % decisions.length];
      current =
        decision === "accept" ? acceptOffered(current.voice, current.offer, list, item) : { ...current, offer: withdrawItem(current.offer, list, item) };
    }
  }
  return current;
}
const keys = (list: SuggestedList, items: readonly string[]) => items.map((item) => sameItemKey(list, item));

describe("voice suggestion merge", () => {
  it("Property: merging never removes a brand item", () => {
    fc.assert(
      fc.property(brandVoice, suggestion, fc.array(fc.constantFrom<Decision>("accept", "reject"), { minLength: 1 }), (voice, suggested, decisions) => {
        const merged = decide(voice, offerOf(voice, suggested), decisions).voice;
        const all = acceptAll(voice, offerOf(voice, suggested)).voice;
        for (const result of [merged, all]) {
          expect(result.banned_words).toEqual(voice.banned_words);
          // The brand's own items stay, in their order, at the front of each list.
          for (const list of SUGGESTED_LISTS) expect(result[list].slice(0, voice[list].length)).toEqual(voice[list]);
        }
      }),
      RUNS,
    );
  });

  it("Property: accepting every item yields the union without duplicates (case-insensitive)", () => {
    fc.assert(
      fc.property(brandVoice, suggestion, (voice, suggested) => {
        const { voice: merged, offer: left } = acceptAll(voice, offerOf(voice, suggested));
        for (const list of SUGGESTED_LISTS) {
          const got = keys(list, merged[list]);
          expect(new Set(got).size).toBe(got.length);
          const union = new Set([...keys(list, voice[list]), ...keys(list, suggested[list]).filter((key) => key !== "")]);
          if (union.size <= BRAND_LIMITS[list].items) {
            expect(new Set(got)).toEqual(union);
            expect(left[list].offered).toEqual([]);
          } else {
            // Past the limit the list is full, and what did not fit is still offered.
            expect(got).toHaveLength(BRAND_LIMITS[list].items);
            expect(new Set([...got, ...keys(list, left[list].offered)])).toEqual(union);
          }
        }
      }),
      RUNS,
    );
  });

  it("Property: rejecting every item leaves the voice unchanged", () => {
    fc.assert(
      fc.property(brandVoice, suggestion, (voice, suggested) => {
        const offer = offerOf(voice, suggested);
        const { voice: after, offer: left } = decide(voice, offer, ["reject"]);
        expect(after).toEqual(voice);
        for (const list of SUGGESTED_LISTS) expect(left[list].offered).toEqual([]);
      }),
      RUNS,
    );
  });

  it("Property: no list exceeds its limit", () => {
    fc.assert(
      fc.property(brandVoice, suggestion, fc.array(fc.constantFrom<Decision>("accept", "reject"), { minLength: 1 }), (voice, suggested, decisions) => {
        const offer = offerOf(voice, suggested);
        for (const result of [decide(voice, offer, decisions).voice, acceptAll(voice, offer).voice]) {
          for (const list of SUGGESTED_LISTS) expect(result[list].length).toBeLessThanOrEqual(BRAND_LIMITS[list].items);
        }
      }),
      RUNS,
    );
  });

  it("offers only what the voice lacks, comparing trimmed, case-insensitive and hashtags without #", () => {
    const voice: BrandVoice = {
      tone: ["warm, honest, quietly witty"],
      do: ["Name the farm"],
      dont: ["Mention discounts"],
      banned_words: ["cheap"],
      preferred_hashtags: ["#BrewDay"],
    };
    const offer = offerOf(voice, {
      tone: ["casual", " Warm, honest, quietly witty "],
      do: ["name the farm"],
      dont: [],
      preferred_hashtags: ["brewday", "#juniper", "#Juniper"],
    });
    expect(offer).toEqual({
      tone: { offered: ["casual"], present: ["Warm, honest, quietly witty"] },
      do: { offered: [], present: ["name the farm"] },
      dont: { offered: [], present: [] },
      preferred_hashtags: { offered: ["#juniper"], present: ["brewday"] },
    });
  });

  it("keeps offering an item its full list cannot take", () => {
    const voice: BrandVoice = { tone: ["a", "b", "c", "d", "e"], do: [], dont: [], banned_words: [], preferred_hashtags: [] };
    const offer = offerOf(voice, { tone: ["f"], do: ["Ask a question"] });
    expect(acceptItem(voice, "tone", "f")).toBe(voice);
    const { voice: merged, offer: left } = acceptAll(voice, offer);
    expect(merged).toEqual({ ...voice, do: ["Ask a question"] });
    expect(left.tone.offered).toEqual(["f"]);
    expect(left.do.offered).toEqual([]);
  });
});
