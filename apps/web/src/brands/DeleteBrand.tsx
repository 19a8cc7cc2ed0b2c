"use client";

import type { Brand } from "@strategist/schemas";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "@/ui/ConfirmDialog";
import { brandRequests, describeBrandFailure } from "./requests";

/** Delete with a confirmation step; strategies written for the brand are kept and say so. */
export function DeleteBrand({ brand }: { brand: Brand }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);

  async function remove() {
    setDeleting(true);
    const result = await brandRequests.remove(brand.id);
    setDeleting(false);
    if (result.ok || result.failure.status === 404) {
      router.push("/brands?deleted=1");
      router.refresh();
      return;
    }
    setProblem(describeBrandFailure(result.failure));
  }

  if (!confirming) {
    return (
      <button type="button" className="button secondary danger" onClick={() => setConfirming(true)}>
        Delete brand
      </button>
    );
  }
  return (
    <ConfirmDialog
      look="inline"
      title={`Delete “${brand.name}”?`}
      description="Strategies already written for it are kept, with the voice they followed."
      confirmLabel="Yes, delete"
      busyLabel="Deleting…"
      busy={deleting}
      problem={problem}
      onConfirm={() => void remove()}
      onCancel={() => setConfirming(false)}
    />
  );
}
