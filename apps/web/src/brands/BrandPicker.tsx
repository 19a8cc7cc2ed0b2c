"use client";

import type { Brand } from "@strategist/schemas";
import Link from "next/link";

/** Picks a brand profile for a new strategy; choosing one prefills the brief, which stays editable. */
export function BrandPicker({ brands, value, onPick, disabled }: { brands: Brand[]; value: string; onPick(brand: Brand | null): void; disabled?: boolean }) {
  if (brands.length === 0) {
    return (
      <p className="hint brand-picker">
        Tip: <Link href="/brands/new">save a brand profile</Link> to prefill this form and keep its voice and banned words in every strategy.
      </p>
    );
  }
  const chosen = brands.find((brand) => brand.id === value);
  return (
    <div className="field wide brand-picker">
      <label htmlFor="brand_id">Brand profile</label>
      <p id="brand_id-hint" className="hint">
        Prefills the brief below and writes in the brand&apos;s voice
        {chosen && chosen.voice.banned_words.length > 0 ? `, never using: ${chosen.voice.banned_words.join(", ")}` : ""}.
      </p>
      <select
        id="brand_id"
        name="brand_id"
        value={value}
        disabled={disabled}
        aria-describedby="brand_id-hint"
        onChange={(event) => onPick(brands.find((brand) => brand.id === event.target.value) ?? null)}
      >
        <option value="">No brand profile</option>
        {brands.map((brand) => (
          <option key={brand.id} value={brand.id}>
            {brand.name}
          </option>
        ))}
      </select>
    </div>
  );
}
