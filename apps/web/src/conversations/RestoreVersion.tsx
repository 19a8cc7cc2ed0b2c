"use client";

import type { StrategyRecord } from "@strategist/schemas";
import { useState } from "react";
import type { ApiFailure } from "@/api/client";
import { ConfirmDialog } from "@/ui/ConfirmDialog";
import { restoreVersion } from "./requests";

interface RestoreVersionProps {
  id: string;
  version: number;
  /** The latest version's number: restoring writes the next one. */
  latest: number;
  disabled?: boolean;
  onRestored(record: StrategyRecord): void;
  onFailed(failure: ApiFailure): void;
}

/** "Restore this version" behind a confirmation: the version's content becomes a new latest version; none is lost. */
export function RestoreVersion({ id, version, latest, disabled, onRestored, onFailed }: RestoreVersionProps) {
  const [confirming, setConfirming] = useState(false);
  const [restoring, setRestoring] = useState(false);

  async function restore() {
    setRestoring(true);
    const result = await restoreVersion(id, version);
    setRestoring(false);
    setConfirming(false);
    if (result.ok) onRestored(result.value);
    else onFailed(result.failure);
  }

  if (!confirming) {
    return (
      <button type="button" className="button small" onClick={() => setConfirming(true)} disabled={disabled}>
        Restore this version
      </button>
    );
  }
  return (
    <ConfirmDialog
      look="inline"
      title={`Restore version ${version}?`}
      description={`Its content becomes the latest, as version ${latest + 1}. Every version, version ${latest} included, is kept.`}
      confirmLabel={`Restore version ${version}`}
      busyLabel="Restoring…"
      busy={restoring}
      onConfirm={() => void restore()}
      onCancel={() => setConfirming(false)}
    />
  );
}
