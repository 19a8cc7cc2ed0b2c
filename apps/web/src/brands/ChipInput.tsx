"use client";

import { useId, useRef, useState, type KeyboardEvent } from "react";

interface ChipInputProps {
  label: string;
  /** What one item is called, for "Add …" and "Remove …" (e.g. "banned word"). */
  itemName: string;
  hint: string;
  items: string[];
  onChange(items: string[]): void;
  maxItems: number;
  maxLength: number;
  /** Turns what was typed into the stored form (e.g. a hashtag gains its #). */
  normalise?(value: string): string;
  error?: string;
}

/**
 * A list of short values as removable chips: type and press Enter (or comma, or the Add button) to add one; each
 * chip has its own Remove button. Changes are announced to screen readers.
 */
export function ChipInput({ label, itemName, hint, items, onChange, maxItems, maxLength, normalise = (value) => value, error }: ChipInputProps) {
  const id = useId();
  const [draft, setDraft] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const full = items.length >= maxItems;

  function add() {
    const value = normalise(draft.trim());
    if (!draft.trim()) return;
    if (value.length > maxLength) return setProblem(`At most ${maxLength} characters.`);
    if (items.some((item) => item.toLowerCase() === value.toLowerCase())) return setProblem(`“${value}” is already in the list.`);
    if (full) return setProblem(`At most ${maxItems} items.`);
    onChange([...items, value]);
    setDraft("");
    setProblem(null);
    setAnnouncement(`Added ${itemName} ${value}.`);
  }

  function remove(index: number) {
    const removed = items[index];
    onChange(items.filter((_, at) => at !== index));
    setAnnouncement(`Removed ${itemName} ${removed}.`);
    input.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      add();
    } else if (event.key === "Backspace" && draft === "" && items.length > 0) {
      remove(items.length - 1);
    }
  }

  const message = problem ?? error;
  return (
    <fieldset className="chips-field">
      <legend>{label}</legend>
      <p id={`${id}-hint`} className="hint">
        {hint} ({items.length}/{maxItems})
      </p>
      {items.length > 0 && (
        <ul className="chips" aria-label={label}>
          {items.map((item, index) => (
            <li key={item} className="chip">
              <span>{item}</span>
              <button type="button" className="chip-remove" aria-label={`Remove ${itemName} ${item}`} onClick={() => remove(index)}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="chip-add">
        <label className="visually-hidden" htmlFor={`${id}-input`}>
          Add {itemName}
        </label>
        <input
          ref={input}
          id={`${id}-input`}
          type="text"
          autoComplete="off"
          value={draft}
          disabled={full}
          placeholder={full ? "List is full" : `Add ${itemName}, then Enter`}
          aria-describedby={[`${id}-hint`, message ? `${id}-error` : ""].join(" ").trim()}
          aria-invalid={message ? true : undefined}
          onChange={(event) => {
            setDraft(event.target.value);
            setProblem(null);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="button small secondary" onClick={add} disabled={full || draft.trim() === ""}>
          Add<span className="visually-hidden"> {itemName}</span>
        </button>
      </div>
      {message && (
        <p id={`${id}-error`} className="field-error">
          {message}
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}
