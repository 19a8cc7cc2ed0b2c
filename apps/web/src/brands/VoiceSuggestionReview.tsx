"use client";

import type { BrandVoice } from "@strategist/schemas";
import { BRAND_LIMITS } from "@strategist/schemas/brand-limits";
import { useRef, useState, type Ref } from "react";
import { SUGGESTED_LISTS, hasOffers, isFull, type SuggestedList, type VoiceOffer } from "./voice-merge";

const LIST_WORDS: Record<SuggestedList, { label: string; itemName: string }> = {
  tone: { label: "Tone", itemName: "tone word" },
  do: { label: "Do", itemName: "do rule" },
  dont: { label: "Don't", itemName: "don't rule" },
  preferred_hashtags: { label: "Hashtags", itemName: "hashtag" },
};

interface VoiceSuggestionReviewProps {
  /** Where the suggestion came from and what it is based on. */
  explanation: string;
  offer: VoiceOffer;
  /** The voice in the editor, to tell which lists are full. */
  voice: BrandVoice;
  onAccept(list: SuggestedList, item: string): void;
  onReject(list: SuggestedList, item: string): void;
  onAcceptAll(): void;
  onDismiss(): void;
  headingRef?: Ref<HTMLHeadingElement>;
}

/**
 * A voice suggestion offered item by item: each item new to the voice can be accepted (added to the editor's list)
 * or rejected; items the voice already has are listed as such. Nothing in the voice is ever removed from here.
 */
export function VoiceSuggestionReview({ explanation, offer, voice, onAccept, onReject, onAcceptAll, onDismiss, headingRef }: VoiceSuggestionReviewProps) {
  const section = useRef<HTMLElement>(null);
  const [announcement, setAnnouncement] = useState("");
  const offering = hasOffers(offer);

  /** After an item leaves the offer, focus goes to the next offered item (or the closing buttons), never to the page top. */
  function decided(text: string) {
    setAnnouncement(text);
    requestAnimationFrame(() => section.current?.querySelector<HTMLButtonElement>(".suggested-item button:not(:disabled), .suggestion-close")?.focus());
  }

  return (
    <section ref={section} className="suggestion" aria-labelledby="suggestion-title">
      <h2 id="suggestion-title" ref={headingRef} tabIndex={-1}>
        Suggested voice
      </h2>
      <p className="hint">{explanation} Accept the items you want: they are added to your voice, and nothing you have is removed.</p>
      {SUGGESTED_LISTS.map((list) => {
        const { offered, present } = offer[list];
        if (offered.length === 0 && present.length === 0) return null;
        const { label, itemName } = LIST_WORDS[list];
        const full = isFull(voice, list);
        return (
          <div className="suggestion-list" key={list}>
            <h3>{label}</h3>
            {offered.length > 0 && (
              <ul aria-label={`Suggested ${label.toLowerCase()}`}>
                {offered.map((item, index) => (
                  <li key={item} className="suggested-item">
                    <span className="suggested-text">{item}</span>
                    <button
                      type="button"
                      className="button small"
                      disabled={full}
                      aria-describedby={full ? `full-${list}-${index}` : undefined}
                      onClick={() => {
                        onAccept(list, item);
                        decided(`Added ${itemName} ${item} to your voice.`);
                      }}
                    >
                      Accept<span className="visually-hidden"> {`${itemName} ${item}`}</span>
                    </button>
                    <button
                      type="button"
                      className="button small secondary"
                      onClick={() => {
                        onReject(list, item);
                        decided(`Rejected ${itemName} ${item}.`);
                      }}
                    >
                      Reject<span className="visually-hidden"> {`${itemName} ${item}`}</span>
                    </button>
                    {full && (
                      <span id={`full-${list}-${index}`} className="hint full-note">
                        {label} is full ({BRAND_LIMITS[list].items} of {BRAND_LIMITS[list].items}): remove one from your voice to accept this.
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {present.length > 0 && <p className="hint">Already in your voice: {present.join(" · ")}</p>}
          </div>
        );
      })}
      {!offering && <p>Nothing new left to add.</p>}
      <div className="button-row">
        {offering && (
          <button
            type="button"
            className="button small"
            onClick={() => {
              onAcceptAll();
              decided("Added every new item that fits to your voice.");
            }}
          >
            Accept all new
          </button>
        )}
        <button type="button" className="button small secondary suggestion-close" onClick={onDismiss}>
          {offering ? "Dismiss" : "Close"}
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}
