"use client";

import type { ApiKey, ApiKeyCreated, ApiKeyScope } from "@strategist/schemas";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { formatDate } from "@/shared/format";
import { ConfirmDialog } from "@/ui/ConfirmDialog";
import { CopyButton } from "@/ui/CopyButton";
import { describeKeyFailure, keyRequests } from "./requests";

/** Expiry choices, in days; "" never expires. */
const EXPIRIES = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "", label: "Never" },
];

function when(value: string | null, fallback: string): string {
  return value ? formatDate(value) : fallback;
}

/** The create form; the new key's secret is shown once, with a copy button, until the user dismisses it. */
function CreateKey() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [write, setWrite] = useState(false);
  const [expiry, setExpiry] = useState("90");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const scopes: ApiKeyScope[] = write ? ["read", "write"] : ["read"];
    const expires_at = expiry ? new Date(Date.now() + Number(expiry) * 86_400_000).toISOString() : undefined;
    const result = await keyRequests.create({ name, scopes, ...(expires_at ? { expires_at } : {}) });
    setBusy(false);
    if (!result.ok) {
      setProblem(describeKeyFailure(result.failure));
      return;
    }
    setCreated(result.value);
    setName("");
    router.refresh();
  }

  return (
    <section className="panel" aria-labelledby="new-key">
      <h2 id="new-key">New API key</h2>
      {created && (
        <div className="alert info" role="status">
          <p>
            <strong>Copy your key now: it is shown only once.</strong>
          </p>
          <p className="key-secret">
            <code data-testid="new-key-secret">{created.key}</code> <CopyButton text={created.key} label="the API key" />
          </p>
          <button type="button" className="button small secondary" onClick={() => setCreated(null)}>
            Done
          </button>
        </div>
      )}
      <form onSubmit={(event) => void create(event)} noValidate>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="key-name">Name</label>
            <p id="key-name-hint" className="hint">
              What uses the key, e.g. CI or Claude Desktop.
            </p>
            <input id="key-name" aria-describedby="key-name-hint" value={name} maxLength={100} required onChange={(event) => setName(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="key-expiry">Expires</label>
            <select id="key-expiry" value={expiry} onChange={(event) => setExpiry(event.target.value)}>
              {EXPIRIES.map((choice) => (
                <option key={choice.label} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset>
          <legend className="section-legend">Scopes</legend>
          <label>
            <input type="checkbox" checked disabled /> read: list and read strategies, plans and brands
          </label>
          <label>
            <input type="checkbox" checked={write} onChange={(event) => setWrite(event.target.checked)} /> write: also generate, refine, plan, edit and delete
          </label>
        </fieldset>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button" disabled={busy} aria-busy={busy || undefined}>
            {busy ? "Creating…" : "Create key"}
          </button>
        </div>
      </form>
    </section>
  );
}

/** One key in the list, with revoke behind a confirmation. */
function KeyRow({ apiKey }: { apiKey: ApiKey }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function revoke() {
    setBusy(true);
    const result = await keyRequests.revoke(apiKey.id);
    setBusy(false);
    if (result.ok || result.failure.status === 404) {
      setConfirming(false);
      router.refresh();
      return;
    }
    setProblem(describeKeyFailure(result.failure));
  }

  return (
    <tr>
      <th scope="row">{apiKey.name}</th>
      <td>
        <code>{apiKey.prefix}…</code>
      </td>
      <td>{apiKey.scopes.join(", ")}</td>
      <td>{formatDate(apiKey.created_at)}</td>
      <td>{when(apiKey.last_used_at, "Never")}</td>
      <td>{when(apiKey.expires_at, "Never")}</td>
      <td>
        {confirming ? (
          <ConfirmDialog
            look="inline"
            title={`Revoke “${apiKey.name}”?`}
            description="Scripts and assistants using it stop working within 5 seconds."
            confirmLabel="Yes, revoke"
            busyLabel="Revoking…"
            busy={busy}
            problem={problem}
            onConfirm={() => void revoke()}
            onCancel={() => setConfirming(false)}
          />
        ) : (
          <button type="button" className="button small secondary danger" onClick={() => setConfirming(true)}>
            Revoke
          </button>
        )}
      </td>
    </tr>
  );
}

/** The API keys page: create a key, see every key (never a secret), revoke one. */
export function ApiKeys({ keys }: { keys: ApiKey[] }) {
  return (
    <>
      <CreateKey />
      <section className="panel" aria-labelledby="your-keys">
        <h2 id="your-keys">Your keys</h2>
        {keys.length === 0 ? (
          <p className="muted">No API keys yet.</p>
        ) : (
          <table className="key-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key</th>
                <th scope="col">Scopes</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.map((apiKey) => (
                <KeyRow key={apiKey.id} apiKey={apiKey} />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
