"use client";

import { useId, useState } from "react";

/** The quick rewrites, each an instruction the rewrite API takes. */
export const QUICK_REWRITES = [
  { label: "Shorter", instruction: "Make it shorter." },
  { label: "More casual", instruction: "Make it more casual." },
  { label: "Add a question", instruction: "End with a question to the reader." },
  { label: "Fit the platform", instruction: "Fit the platform's style and format." },
] as const;

/** Rewrite with intent: quick actions, or the user's own instruction. */
export function RewriteControls({ disabled, busy, onRewrite }: { disabled: boolean; busy: boolean; onRewrite: (instruction: string) => void }) {
  const [instruction, setInstruction] = useState("");
  const id = useId();
  return (
    <fieldset className="rewrite" disabled={disabled}>
      <legend>Rewrite</legend>
      <div className="button-row">
        {QUICK_REWRITES.map((quick) => (
          <button key={quick.label} type="button" className="button secondary small" onClick={() => onRewrite(quick.instruction)}>
            {quick.label}
          </button>
        ))}
      </div>
      <form
        className="rewrite-own"
        onSubmit={(event) => {
          event.preventDefault();
          if (instruction.trim()) onRewrite(instruction.trim());
        }}
      >
        <label htmlFor={id}>Your instruction</label>
        <input
          id={id}
          value={instruction}
          maxLength={500}
          placeholder="e.g. mention the Saturday market"
          onChange={(event) => setInstruction(event.target.value)}
        />
        <button type="submit" className="button secondary small" disabled={!instruction.trim()}>
          {busy ? "Rewriting…" : "Rewrite"}
        </button>
      </form>
    </fieldset>
  );
}
