"use client";

import type { ConversationMessage, StrategyRecord, VersionSummary } from "@strategist/schemas";
import { useState, type FormEvent } from "react";
import { formatDate } from "@/shared/format";
import { DeleteStrategyDialog } from "@/strategies/DeleteStrategy";
import type { ComparedSection } from "./compare";
import { ComparePicker, Comparison } from "./CompareVersions";
import { ConversationChat } from "./ConversationChat";
import { loadVersion } from "./requests";
import { RestoreVersion } from "./RestoreVersion";
import { useConversation } from "./use-conversation";
import { VersionHistory, VersionView } from "./VersionHistory";
import "./conversations.css";

/**
 * The living strategy: refine it by chat (the revision streams in), switch, compare and restore versions, regenerate it,
 * delete it behind a confirmation. Everything goes through the web origin's /api/strategy proxy.
 */
interface Props {
  strategy: StrategyRecord;
  /** The conversation and versions as the page read them with the strategy. */
  initialMessages: ConversationMessage[];
  initialVersions: VersionSummary[];
}

export function StrategyConversation({ strategy, initialMessages, initialVersions }: Props) {
  const conversation = useConversation(strategy, initialMessages, initialVersions);
  const { id, versions, failure, waiting, fail, finish, setStatus } = conversation;
  const latest = versions[0]?.version ?? strategy.version;
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [viewing, setViewing] = useState<StrategyRecord | null>(null);
  const [compared, setCompared] = useState<{ from: number; to: number; sections: ComparedSection[] } | null>(null);

  async function view(version: number) {
    const result = await loadVersion(id, version);
    if (!result.ok) return fail(result.failure);
    setViewing(result.value);
    setStatus(`Showing version ${version} as it was.`);
  }

  async function compare(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const from = Number(form.get("from"));
    const to = Number(form.get("to"));
    const [older, newer] = await Promise.all([loadVersion(id, from), loadVersion(id, to)]);
    if (!older.ok) return fail(older.failure);
    if (!newer.ok) return fail(newer.failure);
    const { compareVersions } = await import("./compare");
    setCompared({ from, to, sections: compareVersions(older.value.strategy_output, newer.value.strategy_output) });
    setStatus(`Comparing version ${from} with version ${to}.`);
  }

  return (
    <section className="conversation no-print" aria-labelledby="conversation-title">
      <h2 id="conversation-title">Refine this strategy</h2>
      <p className="muted">
        Version {strategy.version}, updated <time dateTime={strategy.updated_at}>{formatDate(strategy.updated_at)}</time>.
      </p>

      <ConversationChat conversation={conversation} />
      {failure && (
        <div className="alert error" role="alert">
          <p>{failure.detail}</p>
          {failure.errors?.map((error) => (
            <p key={error.field}>
              {error.field}: {error.message}
            </p>
          ))}
          {waiting > 0 && <p>You can try again in {waiting} s.</p>}
        </div>
      )}

      {versions.length > 1 && (
        <VersionHistory
          versions={versions}
          onView={(version) => void view(version)}
          onCompare={(event) => void compare(event)}
          compare={<ComparePicker versions={versions} />}
        />
      )}
      {viewing && (
        <VersionView
          viewing={viewing}
          versions={versions}
          onClose={() => setViewing(null)}
          actions={
            viewing.version !== latest && (
              <RestoreVersion
                key={viewing.version}
                id={id}
                version={viewing.version}
                latest={latest}
                disabled={conversation.busy}
                onRestored={(record) => {
                  setViewing(null);
                  setCompared(null);
                  void finish(record, `Restored version ${viewing.version}: it is now the latest, version {version}. Every earlier version is kept.`);
                }}
                onFailed={fail}
              />
            )
          }
        />
      )}
      {compared && <Comparison {...compared} />}
      <div className="danger-zone">
        <h3>Delete this strategy</h3>
        <p className="muted">Removes every version, the conversation, the plan and the images.</p>
        {confirmingDelete ? (
          <DeleteStrategyDialog
            id={id}
            onCancel={() => setConfirmingDelete(false)}
            onFailed={(result) => {
              setConfirmingDelete(false);
              fail(result);
            }}
          />
        ) : (
          <button type="button" className="button secondary danger" onClick={() => setConfirmingDelete(true)} disabled={conversation.busy}>
            Delete strategy
          </button>
        )}
      </div>
    </section>
  );
}
