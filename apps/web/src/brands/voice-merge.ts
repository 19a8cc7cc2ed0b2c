import type { BrandVoice } from "@strategist/schemas";
import { BRAND_LIMITS } from "@strategist/schemas/brand-limits";

/** The voice lists a suggestion offers items for; banned words are the user's alone and never suggested. */
export const SUGGESTED_LISTS = ["tone", "do", "dont", "preferred_hashtags"] as const;
export type SuggestedList = (typeof SUGGESTED_LISTS)[number];

/** What a suggestion offers, list by list: only the lists it has (a website suggests no hashtags). */
export type SuggestedVoice = Partial<Record<SuggestedList, readonly string[]>>;

/** One list of a suggestion under review: the items still offered, and those the voice already has. */
export interface ListOffer {
  offered: string[];
  present: string[];
}
export type VoiceOffer = Record<SuggestedList, ListOffer>;

/** How two items of a list are compared: trimmed, case-insensitive, a hashtag without its `#`. */
export function sameItemKey(list: SuggestedList, item: string): string {
  const trimmed = item.trim().toLocaleLowerCase();
  return list === "preferred_hashtags" ? trimmed.replace(/^#+/u, "") : trimmed;
}

function has(items: readonly string[], list: SuggestedList, item: string): boolean {
  const key = sameItemKey(list, item);
  return items.some((existing) => sameItemKey(list, existing) === key);
}

/** Whether a list of the voice holds as many items as it may. */
export function isFull(voice: BrandVoice, list: SuggestedList): boolean {
  return voice[list].length >= BRAND_LIMITS[list].items;
}

/** The suggestion split, list by list, into items new to the voice (offered, each once) and items it already has. */
export function offerOf(voice: BrandVoice, suggested: SuggestedVoice): VoiceOffer {
  const offer = {} as VoiceOffer;
  for (const list of SUGGESTED_LISTS) {
    const offered: string[] = [];
    const present: string[] = [];
    for (const raw of suggested[list] ?? []) {
      const item = raw.trim();
      if (item === "") continue;
      if (has(voice[list], list, item)) {
        if (!has(present, list, item)) present.push(item);
      } else if (!has(offered, list, item)) {
        offered.push(item);
      }
    }
    offer[list] = { offered, present };
  }
  return offer;
}

/**
 * Adds one offered item to the end of its list, keeping every item the voice has. The voice comes back unchanged
 * when the list already has the item or is full (the caller keeps offering it then).
 */
export function acceptItem(voice: BrandVoice, list: SuggestedList, item: string): BrandVoice {
  const trimmed = item.trim();
  if (trimmed === "" || has(voice[list], list, trimmed) || isFull(voice, list)) return voice;
  return { ...voice, [list]: [...voice[list], trimmed] };
}

/** Takes an item out of the offer (accepted or rejected); the voice is not touched. */
export function withdrawItem(offer: VoiceOffer, list: SuggestedList, item: string): VoiceOffer {
  const key = sameItemKey(list, item);
  return { ...offer, [list]: { ...offer[list], offered: offer[list].offered.filter((offered) => sameItemKey(list, offered) !== key) } };
}

/** Accepts one offered item: added to the voice and out of the offer; offered still when its list is full. */
export function acceptOffered(voice: BrandVoice, offer: VoiceOffer, list: SuggestedList, item: string): { voice: BrandVoice; offer: VoiceOffer } {
  const merged = acceptItem(voice, list, item);
  const kept = merged === voice && !has(voice[list], list, item);
  return { voice: merged, offer: kept ? offer : withdrawItem(offer, list, item) };
}

/** Accepts every offered item that fits; what does not fit (its list full) stays offered. */
export function acceptAll(voice: BrandVoice, offer: VoiceOffer): { voice: BrandVoice; offer: VoiceOffer } {
  let merged = { voice, offer };
  for (const list of SUGGESTED_LISTS) {
    for (const item of offer[list].offered) merged = acceptOffered(merged.voice, merged.offer, list, item);
  }
  return merged;
}

/** Whether anything is still offered. */
export function hasOffers(offer: VoiceOffer): boolean {
  return SUGGESTED_LISTS.some((list) => offer[list].offered.length > 0);
}
