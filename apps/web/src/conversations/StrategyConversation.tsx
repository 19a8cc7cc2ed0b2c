"use client";

import type { ConversationMessage, StrategyRecord, VersionSummary } from "@strategist/schemas";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { deleteStrategy, isFailure, loadMessages, loadVersion, loadVersions, regenerate, streamRefine, type Failure } from "./requests";
import { compareVersions, type ComparedSection } from "./compare";
import { formatDate } from "@/shared/format";
import { SECTIONS } from "@/strategies/strategy-sections";
import { contentOf, SectionBody, type SectionContent } from "@/strategies/StrategySections";
import { STRATEGY_SECTIONS } from "@strategist/schemas";

const MESSAGE_MAX = 2000;
const KIND_LABEL = { generate: "Generated", refine: "Refined", regenerate: "Regenerated" } as const;

/** Seconds left until `until` (epoch ms), re-rendered every second while counting. */
function useCountdown(until: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until <= Date.now()) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return Math.max(0, Math.ceil((until - now) / 1000));
}

/**
 * The living strategy: refine it by chat (the revision streams in), switch and compare versions, regenerate it,
 * delete it behind a confirmation. Everything goes through the web origin's /api/strategy proxy.
 */
export function StrategyConversation({ strategy }: { strategy: StrategyRecord }) {
  const router = useRouter();
  const id = strategy.id;
  const [messages, setMessages] = useState<ConversationMessage[]>([]);
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [draft, setDraft] = useState("");
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [failure, setFailure] = useState<(Failure & { until: number }) | null>(null);
  const [compared, setCompared] = useState<{ from: number; to: number; sections: ComparedSection[] } | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [revision, setRevision] = useState<SectionContent[]>([]);
  const [viewing, setViewing] = useState<StrategyRecord | null>(null);
  const cancelDelete = useRef<HTMLButtonElement>(null);
  const fromId = useId();
  const toId = useId();
  const messageId = useId();
  const waiting = useCountdown(failure?.until ?? 0);

  const reload = useCallback(async () => {
    const [loadedMessages, loadedVersions] = await Promise.all([loadMessages(id), loadVersions(id)]);
    setMessages(loadedMessages);
    setVersions(loadedVersions);
  }, [id]);
  useEffect(() => {
    void reload();
  }, [reload, strategy.version]);
  useEffect(() => {
    if (confirmingDelete) cancelDelete.current?.focus();
  }, [confirmingDelete]);

  function failed(result: Failure) {
    setFailure({ ...result, until: Date.now() + (result.retryAfterSeconds ?? 0) * 1000 });
    setStatus("");
  }

  async function finished(record: StrategyRecord, news: string) {
    setStatus(news.replace("{version}", String(record.version)));
    setFailure(null);
    await reload();
    router.refresh();
  }

  async function send(event: FormEvent) {
    event.preventDefault();
    const message = draft.trim();
    if (!message || busy) return;
    setBusy(true);
    setFailure(null);
    setStatus("Revising your strategy…");
    try {
      setRevision([]);
      const result = await streamRefine(id, message, (section) => {
        setStatus(section ? `Rewrote ${SECTIONS[section.section].title}…` : "The AI started over; revising again…");
        setRevision((shown) => (section ? [...shown.filter((entry) => entry.section !== section.section), section] : []));
      });
      if (isFailure(result)) failed(result);
      else {
        setDraft("");
        await finished(result, "Version {version} is ready.");
      }
    } catch {
      failed({ status: 0, detail: "The connection was lost. Try again." });
    } finally {
      setBusy(false);
      setRevision([]);
    }
  }

  async function view(version: number) {
    const record = await loadVersion(id, version);
    if (isFailure(record)) return failed(record);
    setViewing(record);
    setStatus(`Showing version ${version} as it was.`);
  }

  async function regenerateNow() {
    setBusy(true);
    setStatus("Writing a fresh version from your brief…");
    try {
      const result = await regenerate(id);
      if (isFailure(result)) failed(result);
      else await finished(result, "Version {version} was written afresh from your brief.");
    } finally {
      setBusy(false);
    }
  }

  async function compare(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const from = Number(form.get("from"));
    const to = Number(form.get("to"));
    const [older, newer] = await Promise.all([loadVersion(id, from), loadVersion(id, to)]);
    if (isFailure(older)) return failed(older);
    if (isFailure(newer)) return failed(newer);
    setCompared({ from, to, sections: compareVersions(older.strategy_output, newer.strategy_output) });
    setStatus(`Comparing version ${from} with version ${to}.`);
  }

  async function confirmDelete() {
    setBusy(true);
    const result = await deleteStrategy(id);
    if (isFailure(result)) {
      setBusy(false);
      setConfirmingDelete(false);
      return failed(result);
    }
    // A full navigation, not router.push: the history page may be in the client router's cache (the header
    // prefetches it) and would show the deleted strategy until it revalidated.
    window.location.assign("/strategies");
  }

  const blocked = busy || waiting > 0;
  const versionOptions = versions.map((version) => (
    <option key={version.version} value={version.version}>
      {version.version}
    </option>
  ));
  return (
    <section className="conversation no-print" aria-labelledby="conversation-title">
      <h2 id="conversation-title">Refine this strategy</h2>
      <p className="muted">
        Version {strategy.version}, updated <time dateTime={strategy.updated_at}>{formatDate(strategy.updated_at)}</time>.
      </p>

      {messages.length > 0 && (
        <ol className="chat" aria-label="Conversation">
          {messages.map((message) => (
            <li key={message.id} className={`chat-message ${message.role}`}>
              <span className="chat-who">{message.role === "user" ? "You" : `Strategist · version ${message.version}`}</span>
              <p>{message.content}</p>
            </li>
          ))}
        </ol>
      )}

      <form onSubmit={(event) => void send(event)} className="chat-form">
        <div className="field">
          <label htmlFor={messageId}>Ask for a change</label>
          <textarea
            id={messageId}
            name="message"
            rows={3}
            maxLength={MESSAGE_MAX}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            placeholder="e.g. Drop Facebook, add a pillar about sustainability, post 3 times a week"
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={blocked || !draft.trim()}>
            {busy ? "Working…" : "Send"}
          </button>
          <button type="button" className="button secondary" onClick={() => void regenerateNow()} disabled={blocked}>
            Regenerate
          </button>
          <button type="button" className="button secondary danger" onClick={() => setConfirmingDelete(true)} disabled={busy}>
            Delete strategy
          </button>
        </div>
      </form>

      <p role="status" aria-live="polite" className="chat-status">
        {status}
      </p>
      {revision.length > 0 && (
        <div className="revision" aria-labelledby="revision-title">
          <h3 id="revision-title">The revision as it is written</h3>
          {revision.map((content) => (
            <div key={content.section} className="compared-section">
              <h4>{SECTIONS[content.section].title}</h4>
              <SectionBody {...content} />
            </div>
          ))}
        </div>
      )}
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

      {confirmingDelete && (
        <div className="alert info" role="alertdialog" aria-labelledby="delete-title" aria-describedby="delete-text">
          <h3 id="delete-title">Delete this strategy?</h3>
          <p id="delete-text">It removes every version and the whole conversation. This cannot be undone.</p>
          <div className="button-row">
            <button type="button" className="button danger" onClick={() => void confirmDelete()} disabled={busy}>
              Yes, delete it
            </button>
            <button type="button" className="button secondary" ref={cancelDelete} onClick={() => setConfirmingDelete(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}

      {versions.length > 1 && (
        <form onSubmit={(event) => void compare(event)} className="compare-form" aria-labelledby="versions-title">
          <h3 id="versions-title">Versions</h3>
          <ol className="versions" reversed>
            {versions.map((version) => (
              <li key={version.version}>
                Version {version.version}: {KIND_LABEL[version.kind]} <time dateTime={version.created_at}>{formatDate(version.created_at)}</time>
                {version.message ? ` — “${version.message}”` : ""}{" "}
                <button
                  type="button"
                  className="button secondary small"
                  onClick={() => void view(version.version)}
                  aria-label={`View version ${version.version}`}
                >
                  View
                </button>
              </li>
            ))}
          </ol>
          <div className="compare-pick">
            <label htmlFor={fromId}>Compare version</label>
            <select id={fromId} name="from" defaultValue={versions[1]!.version}>
              {versionOptions}
            </select>
            <label htmlFor={toId}>with version</label>
            <select id={toId} name="to" defaultValue={versions[0]!.version}>
              {versionOptions}
            </select>
            <button type="submit" className="button secondary small">
              Compare
            </button>
          </div>
        </form>
      )}

      {viewing && (
        <div className="version-view" aria-labelledby="viewing-title">
          <h3 id="viewing-title">
            Version {viewing.version} as it was ({KIND_LABEL[versions.find((entry) => entry.version === viewing.version)?.kind ?? "generate"]}{" "}
            <time dateTime={viewing.updated_at}>{formatDate(viewing.updated_at)}</time>)
          </h3>
          <button type="button" className="button secondary small" onClick={() => setViewing(null)}>
            Close version {viewing.version}
          </button>
          {STRATEGY_SECTIONS.map((section) => (
            <div key={section} className="compared-section">
              <h4>{SECTIONS[section].title}</h4>
              <SectionBody {...contentOf(section, viewing.strategy_output[section])} />
            </div>
          ))}
        </div>
      )}

      {compared && (
        <div className="comparison" aria-labelledby="comparison-title">
          <h3 id="comparison-title">
            What changed from version {compared.from} to version {compared.to}
          </h3>
          {compared.sections.map((entry) => (
            <div key={entry.section} className="compared-section">
              <h4>
                {SECTIONS[entry.section].title}
                {!entry.changed && <span className="muted"> — unchanged</span>}
              </h4>
              {entry.kind === "list" ? (
                <ul>
                  {entry.items.map((item) => (
                    <li key={`${item.change}-${item.text}`} className={`change-${item.change}`}>
                      {item.change === "added" && (
                        <ins>
                          <strong>Added: </strong>
                          {item.text}
                        </ins>
                      )}
                      {item.change === "removed" && (
                        <del>
                          <strong>Removed: </strong>
                          {item.text}
                        </del>
                      )}
                      {item.change === "same" && item.text}
                    </li>
                  ))}
                </ul>
              ) : entry.changed ? (
                <>
                  <p className="change-removed">
                    <del>
                      <strong>Before: </strong>
                      {entry.before}
                    </del>
                  </p>
                  <p className="change-added">
                    <ins>
                      <strong>After: </strong>
                      {entry.after}
                    </ins>
                  </p>
                </>
              ) : (
                <p>{entry.after}</p>
              )}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
