"use client";

import Link from "next/link";
import { useEffect, useState, type FormEvent } from "react";
import { PASSWORD_CHANGED, PASSWORD_RULE } from "./copy";
import { postAuth } from "@/api/auth";
import { firstMessages } from "@/shared/field-messages";
import { lazyModule } from "@/shared/lazy-module";
import "./account.css";

/** The zod checks load on first focus, not with the page. */
const loadAccountChecks = lazyModule(() => import("./checks"));

/** Sets a new password with the token of a reset link; afterwards every session is over and the user logs in again. */
export function ResetPasswordForm({ token }: { token: string }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [linkRefused, setLinkRefused] = useState(false);
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState(false);

  // The token has done its job in the address bar: keep it out of the history and of any later Referer.
  useEffect(() => window.history.replaceState(window.history.state, "", window.location.pathname), []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === "string" ? value : "";
    };
    const fields = { password: text("password"), confirm: text("confirm") };
    setFormError(null);
    setBusy(true);
    const checks = await loadAccountChecks().catch(() => null);
    if (!checks) {
      setBusy(false);
      setFormError("Part of this page didn't load. Check your connection and try again.");
      return;
    }
    const messages = checks.checkNewPasswordForm(fields);
    if (messages) {
      setBusy(false);
      setErrors(messages);
      form.querySelector<HTMLInputElement>(`[name="${Object.keys(messages)[0]}"]`)?.focus();
      return;
    }
    setErrors({});
    const result = await postAuth("/api/auth/password-reset/confirm", { token, password: fields.password });
    setBusy(false);
    if (result.ok) {
      setChanged(true);
      return;
    }
    const { status, detail, errors: fieldErrors, retryAfterSeconds } = result.failure;
    const byField = status === 400 && fieldErrors ? firstMessages(fieldErrors) : {};
    if (byField.token) {
      setLinkRefused(true);
      setFormError(byField.token);
    } else if (byField.password) setErrors({ password: byField.password });
    else if (status === 429) {
      const minutes = Math.max(1, Math.ceil((retryAfterSeconds ?? 60) / 60));
      setFormError(`Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
    } else setFormError(detail);
  }

  if (changed)
    return (
      <div className="alert info" role="status">
        <p>{PASSWORD_CHANGED}</p>
        <p>
          <Link href="/login">Log in with your new password</Link>
        </p>
      </div>
    );

  const passwordHelp = [errors.password !== PASSWORD_RULE ? "password-hint" : "", errors.password ? "password-error" : ""].join(" ").trim();
  return (
    <form onSubmit={(event) => void submit(event)} onFocus={() => void loadAccountChecks().catch(() => undefined)} noValidate>
      {formError && (
        <div className="alert error" role="alert">
          <p>{formError}</p>
          {linkRefused && (
            <p>
              <Link href="/forgot-password">Request a new link</Link>
            </p>
          )}
        </div>
      )}
      <div className="field">
        <label htmlFor="password">New password</label>
        {errors.password !== PASSWORD_RULE && (
          <p id="password-hint" className="hint">
            {PASSWORD_RULE}.
          </p>
        )}
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={passwordHelp || undefined}
        />
        {errors.password && (
          <p id="password-error" className="field-error" role="alert">
            {errors.password}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="confirm">Confirm new password</label>
        <input
          id="confirm"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={errors.confirm ? true : undefined}
          aria-describedby={errors.confirm ? "confirm-error" : undefined}
        />
        {errors.confirm && (
          <p id="confirm-error" className="field-error" role="alert">
            {errors.confirm}
          </p>
        )}
      </div>
      <button type="submit" className="button large" style={{ width: "100%" }} disabled={busy} aria-busy={busy}>
        {busy ? "Changing your password…" : "Change password"}
      </button>
    </form>
  );
}
