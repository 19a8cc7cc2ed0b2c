"use client";

import type { Brand } from "@strategist/schemas";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { brandRequests, describeBrandFailure } from "./requests";

/** Delete with a confirmation step; strategies written for the brand are kept and say so. */
export function DeleteBrand({ brand }: { brand: Brand }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) cancel.current?.focus();
  }, [confirming]);

  async function remove() {
    setDeleting(true);
    const result = await brandRequests.remove(brand.id);
    setDeleting(false);
    if (result.ok || result.status === 404) {
      router.push("/brands?deleted=1");
      router.refresh();
      return;
    }
    setProblem(describeBrandFailure(result));
  }

  if (!confirming) {
    return (
      <button ref={opener} type="button" className="button secondary danger" onClick={() => setConfirming(true)}>
        Delete brand
      </button>
    );
  }
  return (
    <div
      className="confirm"
      role="alertdialog"
      aria-labelledby="delete-title"
      aria-describedby="delete-detail"
      onKeyDown={(event) => {
        if (event.key === "Escape") setConfirming(false);
      }}
    >
      <p id="delete-title">
        <strong>Delete “{brand.name}”?</strong>
      </p>
      <p id="delete-detail">Strategies already written for it are kept, with the voice they followed.</p>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button small danger" onClick={() => void remove()} disabled={deleting} aria-busy={deleting}>
          {deleting ? "Deleting…" : "Yes, delete"}
        </button>
        <button ref={cancel} type="button" className="button small secondary" onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
