"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

interface ConfirmDialogProps {
  /** The question, e.g. "Delete this strategy?": the dialog's accessible name. */
  title: ReactNode;
  /** What confirming does, read as the dialog's description. */
  description: ReactNode;
  confirmLabel: string;
  /** The confirm button's words while the action runs. */
  busyLabel?: string;
  busy?: boolean;
  /** Shown above the buttons when the action failed. */
  problem?: string | null;
  onConfirm(): void;
  onCancel(): void;
  /** A second, gentler way to go ahead (e.g. "Replace, keeping approved posts"), shown first. */
  alternative?: { label: string; onChoose(): void };
  /** "panel": an info alert with a heading (inside a page section); "inline": a compact box with small buttons. */
  look?: "panel" | "inline";
}

/**
 * A confirmation for a destructive action: an alertdialog that takes the focus on Cancel when it opens, and
 * closes on Escape or Cancel.
 */
export function ConfirmDialog({
  title,
  description,
  confirmLabel,
  busyLabel,
  busy = false,
  problem,
  onConfirm,
  onCancel,
  alternative,
  look = "panel",
}: ConfirmDialogProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const small = look === "inline" ? " small" : "";

  useEffect(() => {
    cancel.current?.focus();
  }, []);

  return (
    <div
      className={look === "inline" ? "confirm" : "alert info"}
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
    >
      {look === "inline" ? (
        <p id={titleId}>
          <strong>{title}</strong>
        </p>
      ) : (
        <h3 id={titleId}>{title}</h3>
      )}
      <p id={descriptionId}>{description}</p>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="button-row">
        {alternative && (
          <button type="button" className={`button${small}`} onClick={alternative.onChoose} disabled={busy}>
            {alternative.label}
          </button>
        )}
        <button type="button" className={`button${small} danger`} onClick={onConfirm} disabled={busy} aria-busy={busy || undefined}>
          {busy && busyLabel ? busyLabel : confirmLabel}
        </button>
        <button type="button" className={`button${small} secondary`} ref={cancel} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
