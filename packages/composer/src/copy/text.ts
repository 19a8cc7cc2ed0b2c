/** Upper-cases the first letter. */
export function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lower-cases the first letter for use mid-sentence, unless the first word is an acronym (B2B, HR, ONG). */
export function lower(text: string): string {
  return /^\p{Lu}[\p{Lu}\d]+\b/u.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

/** Words after which a brief's field turns from what it is to details about it. */
const BREAKS = /\s(?:for|para|pour|für|per|in|en|on|with|con|mit|avec|who|that|which|que|qui|die|der|aged|sold|vendus|vendidos|verkauft|interested|dealing|looking|buscan|navigating|planning|building|decorating|buying|across|near|at)\s/i;
/** Audiences also break at "de"/"du"/"des" ("Familias de Madrid"); industries keep it ("Escuela de surf"). */
const AUDIENCE_BREAKS = /\s(?:de|du|des|del|a)\s/i;
/** Longest short form, in characters. */
const MAX_HEAD_CHARS = 80;
const CONJUNCTION = /\s(?:and|y|e|und|et|or|o|oder|ou|&)\s/i;
const AGES = /\s*\(?\b\d{1,2}\s*(?:-|–|to|à|a|bis)\s*\d{1,2}\b\)?(?:\s*(?:years|años|ans|jahre))?/gi;

/**
 * A short form of a brief's field for use inside a sentence: its head up to the first qualifier ("Owners and finance
 * leads of creative agencies with 5-50 staff" → "owners and finance leads of creative agencies"). A field of four or
 * more words is never returned whole: quoting the brief back is not writing about it.
 */
export function headOf(field: string, options: { headLast: boolean; audience: boolean }): string {
  const { headLast } = options;
  const flat = field.replace(/\s+/g, " ").trim();
  let head = flat.split(BREAKS)[0]!;
  if (options.audience) head = head.split(AUDIENCE_BREAKS)[0]!;
  head = head.replace(AGES, "").replace(/[.,;:!?]+$/, "").trim();
  const words = (text: string) => text.split(" ").filter(Boolean);
  if (words(head).length >= 4 && head === flat) {
    const first = head.split(CONJUNCTION)[0]!.trim();
    if (first !== head && words(first).length >= 1) head = first;
    else head = (headLast ? words(head).slice(-3) : words(head).slice(0, 3)).join(" ");
  }
  if (words(head).length > 8) head = words(head).slice(0, 8).join(" ");
  // A run of characters with no spaces (a pasted token) is clipped so one field cannot fill a sentence.
  if (head.length > MAX_HEAD_CHARS) head = head.slice(0, MAX_HEAD_CHARS).replace(/\s+\S*$/, "");
  return head || flat.slice(0, MAX_HEAD_CHARS);
}
