"use client";

import { useState, type FormEvent } from "react";
import { RESET_REQUESTED } from "./copy";
import { postAuth } from "@/api/auth";
import { firstMessages } from "@/shared/field-messages";
import { lazyModule } from "@/shared/lazy-module";
import "./account.css";

/** The zod checks load on first focus, not with the page. */
const loadAccountChecks = lazyModule(() => import("./checks"));

/** Asks for a reset link; the answer is the same whether or not the email has an account. */
export function ForgotPasswordForm() {
  const [emailError, setEmailError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget;
    const value = new FormData(form).get("email");
    const body = { email: typeof value === "string" ? value : "" };
    setFormError(null);
    setBusy(true);
    const checks = await loadAccountChecks().catch(() => null);
    if (!checks) {
      setBusy(false);
      setFormError("Part of this page didn't load. Check your connection and try again.");
      return;
    }
    const messages = checks.checkResetRequestForm(body);
    if (messages) {
      setBusy(false);
      setEmailError(messages.email ?? null);
      form.querySelector<HTMLInputElement>('[name="email"]')?.focus();
      return;
    }
    setEmailError(null);
    const result = await postAuth("/api/auth/password-reset", body);
    setBusy(false);
    if (result.ok) {
      setSent(true);
      return;
    }
    const { status, detail, errors, retryAfterSeconds } = result.failure;
    if (status === 400 && errors) setEmailError(firstMessages(errors).email ?? detail);
    else if (status === 429) {
      const minutes = Math.max(1, Math.ceil((retryAfterSeconds ?? 60) / 60));
      setFormError(`Too many reset requests. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
    } else setFormError(detail);
  }

  if (sent)
    return (
      <div className="alert info" role="status">
        <p>{RESET_REQUESTED}</p>
      </div>
    );

  return (
    <form onSubmit={(event) => void submit(event)} onFocus={() => void loadAccountChecks().catch(() => undefined)} noValidate>
      {formError && (
        <div className="alert error" role="alert">
          <p>{formError}</p>
        </div>
      )}
      <div className="field">
        <label htmlFor="email">Work email</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? "email-error" : undefined}
        />
        {emailError && (
          <p id="email-error" className="field-error" role="alert">
            {emailError}
          </p>
        )}
      </div>
      <button type="submit" className="button large" style={{ width: "100%" }} disabled={busy} aria-busy={busy}>
        {busy ? "Sending…" : "Send reset link"}
      </button>
    </form>
  );
}
