"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { PASSWORD_RULE } from "./copy";
import { postAuth } from "@/api/auth";
import { firstMessages } from "@/shared/field-messages";
import { lazyModule } from "@/shared/lazy-module";
import "./account.css";

/** The zod checks load on first focus, not with the page. */
const loadAccountChecks = lazyModule(() => import("./checks"));

type Mode = "login" | "signup";

const COPY = {
  login: { submit: "Log in", busy: "Logging in…", endpoint: "/api/auth/login", autocomplete: "current-password" },
  signup: { submit: "Create account", busy: "Creating your account…", endpoint: "/api/auth/register", autocomplete: "new-password" },
} as const;

export function AuthForm({ mode, returnTo }: { mode: Mode; returnTo: string }) {
  const router = useRouter();
  const copy = COPY[mode];
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === "string" ? value : "";
    };
    const body = { email: text("email"), password: text("password") };
    setFormError(null);
    setBusy(true);
    const checks = await loadAccountChecks().catch(() => null);
    if (!checks) {
      setBusy(false);
      setFormError("Part of this page didn't load. Check your connection and try again.");
      return;
    }
    const messages = checks.checkAccountForm(mode, body);
    if (messages) {
      setBusy(false);
      setErrors(messages);
      form.querySelector<HTMLInputElement>(`[name="${Object.keys(messages)[0]}"]`)?.focus();
      return;
    }
    setErrors({});
    const result = await postAuth(copy.endpoint, body);
    if (result.ok) {
      router.push(returnTo);
      router.refresh();
      return;
    }
    const { status, detail, errors: fieldErrors, retryAfterSeconds } = result.failure;
    if (status === 400 && fieldErrors) setErrors(firstMessages(fieldErrors));
    else if (status === 409) setErrors({ email: detail });
    else if (status === 429) {
      const minutes = Math.max(1, Math.ceil((retryAfterSeconds ?? 60) / 60));
      setFormError(`Too many failed attempts for this account. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
    } else setFormError(detail);
    setBusy(false);
  }

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
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? "email-error" : undefined}
        />
        {errors.email && (
          <p id="email-error" className="field-error">
            {errors.email}
            {mode === "signup" && errors.email.includes("already exists") && (
              <>
                {" "}
                <Link href={`/login?next=${encodeURIComponent(returnTo)}`}>Log in instead</Link>
              </>
            )}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        {mode === "signup" && errors.password !== PASSWORD_RULE && (
          <p id="password-hint" className="hint">
            {PASSWORD_RULE}.
          </p>
        )}
        <input
          id="password"
          name="password"
          type="password"
          autoComplete={copy.autocomplete}
          required
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={
            [mode === "signup" && errors.password !== PASSWORD_RULE ? "password-hint" : "", errors.password ? "password-error" : ""].join(" ").trim() ||
            undefined
          }
        />
        {errors.password && (
          <p id="password-error" className="field-error">
            {errors.password}
          </p>
        )}
      </div>
      <button type="submit" className="button large" style={{ width: "100%" }} disabled={busy} aria-busy={busy}>
        {busy ? copy.busy : copy.submit}
      </button>
    </form>
  );
}
