"use client";

import type { BrandVoice } from "@strategist/schemas";
import { BRAND_LIMITS } from "@strategist/schemas/brand-limits";
import { ChipInput } from "./ChipInput";

const hashtag = (value: string) => (value.startsWith("#") ? value : `#${value}`);

/** The five lists of a voice, in the order shown, with the words each chip editor uses. */
const LISTS: { key: keyof BrandVoice; label: string; itemName: string; hint: string; normalise?: (value: string) => string }[] = [
  { key: "tone", label: "Tone", itemName: "tone word", hint: "How the brand sounds, e.g. warm, expert, playful, formal." },
  { key: "do", label: "Do", itemName: "do rule", hint: "What every post does, e.g. name the farm the beans come from." },
  { key: "dont", label: "Don't", itemName: "don't rule", hint: "What posts never do, e.g. mention discounts." },
  {
    key: "banned_words",
    label: "Banned words",
    itemName: "banned word",
    hint: "Never written for this brand — not in strategies, posts or hashtags (whole words, any case).",
  },
  { key: "preferred_hashtags", label: "Hashtags", itemName: "hashtag", hint: "Used where the platform allows hashtags.", normalise: hashtag },
];

/** The five lists of a brand voice as chip editors; `errors` are the API's messages keyed `voice.<list>[.<index>]`. */
export function VoiceEditor({ voice, onChange, errors }: { voice: BrandVoice; onChange(voice: BrandVoice): void; errors: Record<string, string> }) {
  const error = (key: keyof BrandVoice) => errors[`voice.${key}`] ?? Object.entries(errors).find(([field]) => field.startsWith(`voice.${key}.`))?.[1];
  return (
    <div className="voice-editor">
      {LISTS.map(({ key, label, itemName, hint, normalise }) => (
        <ChipInput
          key={key}
          label={label}
          itemName={itemName}
          hint={hint}
          items={voice[key]}
          onChange={(items) => onChange({ ...voice, [key]: items })}
          maxItems={BRAND_LIMITS[key].items}
          maxLength={BRAND_LIMITS[key].length}
          normalise={normalise}
          error={error(key)}
        />
      ))}
    </div>
  );
}
