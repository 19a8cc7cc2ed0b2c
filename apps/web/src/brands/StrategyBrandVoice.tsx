import type { StrategyRecord } from "@strategist/schemas";
import Link from "next/link";
import "./brands.css";

/** Which brand profile a strategy was written for and the voice it followed (the snapshot stored with it). */
export function StrategyBrandVoice({ strategy }: { strategy: StrategyRecord }) {
  if (!strategy.brand_id || !strategy.voice) return null;
  const { tone, do: doRules, dont, banned_words: banned, preferred_hashtags: hashtags } = strategy.voice;
  const lines: [string, string[]][] = [
    ["Tone", tone],
    ["Do", doRules],
    ["Don't", dont],
    ["Banned words (never used)", banned],
    ["Hashtags", hashtags],
  ];
  return (
    <aside className="brand-voice-note" aria-labelledby="brand-voice-title">
      <p id="brand-voice-title">
        <strong>Written for the brand profile </strong>
        <Link href={`/brands/${encodeURIComponent(strategy.brand_id)}`}>{strategy.brand_name}</Link>
        <strong>, in the voice it had then:</strong>
      </p>
      {lines
        .filter(([, items]) => items.length > 0)
        .map(([label, items]) => (
          <p key={label}>
            {label}: {items.join(" · ")}
          </p>
        ))}
      {lines.every(([, items]) => items.length === 0) && <p>No voice rules were set.</p>}
    </aside>
  );
}
