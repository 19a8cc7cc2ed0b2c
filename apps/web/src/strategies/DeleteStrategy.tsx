"use client";

import type { ApiFailure } from "@/api/client";
import { useState } from "react";
import { ConfirmDialog } from "@/ui/ConfirmDialog";
import { deleteStrategy } from "./requests";

/** The confirmation that deletes a strategy; a failure closes it and is reported through `onFailed`. */
export function DeleteStrategyDialog({ id, onCancel, onFailed }: { id: string; onCancel(): void; onFailed(failure: ApiFailure): void }) {
  const [deleting, setDeleting] = useState(false);

  async function remove() {
    setDeleting(true);
    const result = await deleteStrategy(id);
    if (!result.ok) {
      setDeleting(false);
      return onFailed(result.failure);
    }
    // A full navigation, not router.push: the history page may be in the client router's cache (the header
    // prefetches it) and would show the deleted strategy until it revalidated.
    window.location.assign("/strategies");
  }

  return (
    <ConfirmDialog
      title="Delete this strategy?"
      description="It removes every version and the whole conversation. This cannot be undone."
      confirmLabel="Yes, delete it"
      busy={deleting}
      onConfirm={() => void remove()}
      onCancel={onCancel}
    />
  );
}
