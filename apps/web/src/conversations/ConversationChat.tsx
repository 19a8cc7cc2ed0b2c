"use client";

import { useId, useState, type FormEvent } from "react";
import { SECTIONS } from "@/strategies/strategy-sections";
import { SectionBody, type SectionContent } from "@/strategies/StrategySections";
import { regenerate, streamRefine } from "./requests";
import type { Conversation } from "./use-conversation";

const MESSAGE_MAX = 2000;

/**
 * The chat: the messages so far, the request box with Send, Regenerate and Delete, the status line, and the
 * revision as it streams in.
 */
export function ConversationChat({ conversation }: { conversation: Conversation }) {
  const { id, messages, busy, setBusy, status, setStatus, setFailure, waiting, fail, finish } = conversation;
  const [draft, setDraft] = useState("");
  const [revision, setRevision] = useState<SectionContent[]>([]);
  const messageId = useId();

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
      if (!result.ok) fail(result.failure);
      else {
        setDraft("");
        await finish(result.value, "Version {version} is ready.");
      }
    } catch {
      fail({ status: 0, detail: "The connection was lost. Try again." });
    } finally {
      setBusy(false);
      setRevision([]);
    }
  }

  async function regenerateNow() {
    setBusy(true);
    setFailure(null);
    setStatus("Writing a fresh version from your brief…");
    try {
      const result = await regenerate(id);
      if (!result.ok) fail(result.failure);
      else await finish(result.value, "Version {version} was written afresh from your brief.");
    } finally {
      setBusy(false);
    }
  }

  const blocked = busy || waiting > 0;
  return (
    <>
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
    </>
  );
}
