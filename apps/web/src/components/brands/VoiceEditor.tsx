"use client";

import { BRAND_LIMITS, type BrandVoice } from "@strategist/schemas";
import { ChipInput } from "./ChipInput";

const hashtag = (value: string) => (value.startsWith("#") ? value : `#${value}`);

/** The five lists of a brand voice as chip editors; `errors` are the API's messages keyed `voice.<list>`. */
export function VoiceEditor({ voice, onChange, errors }: { voice: BrandVoice; onChange(voice: BrandVoice): void; errors: Record<string, string> }) {
  const set = (key: keyof BrandVoice) => (items: string[]) => onChange({ ...voice, [key]: items });
  const error = (key: keyof BrandVoice) => errors[`voice.${key}`] ?? Object.entries(errors).find(([field]) => field.startsWith(`voice.${key}.`))?.[1];
  return (
    <div className="voice-editor">
      <ChipInput label="Tone" itemName="tone word" hint="How the brand sounds, e.g. warm, expert, playful, formal." items={voice.tone} onChange={set("tone")} maxItems={BRAND_LIMITS.tone.items} maxLength={BRAND_LIMITS.tone.length} error={error("tone")} />
      <ChipInput label="Do" itemName="do rule" hint="What every post does, e.g. name the farm the beans come from." items={voice.do} onChange={set("do")} maxItems={BRAND_LIMITS.do.items} maxLength={BRAND_LIMITS.do.length} error={error("do")} />
      <ChipInput label="Don't" itemName="don't rule" hint="What posts never do, e.g. mention discounts." items={voice.dont} onChange={set("dont")} maxItems={BRAND_LIMITS.dont.items} maxLength={BRAND_LIMITS.dont.length} error={error("dont")} />
      <ChipInput
        label="Banned words"
        itemName="banned word"
        hint="Never written for this brand — not in strategies, posts or hashtags (whole words, any case)."
        items={voice.banned_words}
        onChange={set("banned_words")}
        maxItems={BRAND_LIMITS.banned_words.items}
        maxLength={BRAND_LIMITS.banned_words.length}
        error={error("banned_words")}
      />
      <ChipInput
        label="Hashtags"
        itemName="hashtag"
        hint="Used where the platform allows hashtags."
        items={voice.preferred_hashtags}
        onChange={set("preferred_hashtags")}
        maxItems={BRAND_LIMITS.preferred_hashtags.items}
        maxLength={BRAND_LIMITS.preferred_hashtags.length}
        normalise={hashtag}
        error={error("preferred_hashtags")}
      />
    </div>
  );
}
