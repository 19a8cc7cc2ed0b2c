"use client";

import type { BrandSuggestion } from "@strategist/schemas";
import { useState } from "react";
import { brandRequests, describeBrandFailure } from "./requests";

/**
 * "Start from my website": reads the business's site (the page and up to four same-site pages about it) and hands
 * the suggestion to the brand form, which fills its fields for review. Nothing is saved until the user saves.
 * It sits inside the brand form, so it submits nothing: Enter in its field reads the site instead of saving.
 */
export function StartFromWebsite({ onSuggestion }: { onSuggestion: (suggestion: BrandSuggestion) => void }) {
  const [url, setUrl] = useState("");
  const [reading, setReading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function read() {
    if (reading || url.trim() === "") return;
    setReading(true);
    setProblem(null);
    const result = await brandRequests.fromWebsite(url.trim());
    setReading(false);
    if (!result.ok) {
      setProblem(result.failure.errors?.[0]?.message ?? describeBrandFailure(result.failure));
      return;
    }
    onSuggestion(result.value);
  }

  return (
    <fieldset className="start-from-website">
      <legend className="section-legend">Start from my website</legend>
      <p className="hint" id="website-url-hint">
        We read your site and fill the form below for you to review. Nothing is saved until you save the brand.
      </p>
      <div className="field">
        <label htmlFor="website-url">Website address</label>
        <input
          id="website-url"
          type="url"
          value={url}
          placeholder="https://example.com"
          autoComplete="url"
          aria-describedby={["website-url-hint", problem ? "website-url-error" : ""].join(" ").trim()}
          aria-invalid={problem ? true : undefined}
          onChange={(event) => setUrl(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== "Enter") return;
            event.preventDefault();
            void read();
          }}
        />
        {problem && (
          <p id="website-url-error" className="field-error" role="alert">
            {problem}
          </p>
        )}
      </div>
      <div className="button-row">
        <button type="button" className="button small secondary" onClick={() => void read()} disabled={reading || url.trim() === ""} aria-busy={reading}>
          {reading ? "Reading your website…" : "Fill the form from my website"}
        </button>
      </div>
    </fieldset>
  );
}
