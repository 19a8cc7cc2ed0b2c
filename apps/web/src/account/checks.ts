import { fieldErrors } from "@strategist/schemas";
import { z } from "zod";
import { PASSWORD_LIMITS, PASSWORD_RULE, PASSWORDS_DIFFER, RESET_LINK_INVALID } from "./copy";
import { firstMessages } from "@/shared/field-messages";

/** Which character classes a password draws from: letters, digits, everything else. */
function characterClasses(password: string): number {
  return [/\p{L}/u, /\p{N}/u, /[^\p{L}\p{N}]/u].filter((pattern) => pattern.test(password)).length;
}

/** Emails are compared lowercase and trimmed, so "Ana@X.com " and "ana@x.com" are one account. */
const Email = z
  .string({ error: (issue) => (issue.input === undefined ? "Field required" : "Must be a string") })
  .trim()
  .toLowerCase()
  .max(254, { error: "Must be at most 254 characters" })
  .pipe(z.email({ error: "Enter a valid email address" }));

const NewPassword = z
  .string({ error: (issue) => (issue.input === undefined ? "Field required" : "Must be a string") })
  .min(PASSWORD_LIMITS.min, { error: PASSWORD_RULE, abort: true })
  .max(PASSWORD_LIMITS.max, { error: `Must be at most ${PASSWORD_LIMITS.max} characters` })
  .refine((password) => characterClasses(password) >= 2, { error: PASSWORD_RULE });

/** Sign-up: the password must meet the rule. */
export const Registration = z.strictObject({ email: Email, password: NewPassword });
export type Registration = z.infer<typeof Registration>;

/** Log-in: no rule is checked, so the answer never hints at which accounts exist. */
export const Credentials = z.strictObject({
  email: Email,
  password: z
    .string({ error: (issue) => (issue.input === undefined ? "Field required" : "Must be a string") })
    .min(1, { error: "Enter your password" })
    .max(PASSWORD_LIMITS.max, { error: `Must be at most ${PASSWORD_LIMITS.max} characters` }),
});
export type Credentials = z.infer<typeof Credentials>;

/** A reset request: only the email, read like sign-up's. */
export const PasswordResetRequest = z.strictObject({ email: Email });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

/** A reset link's token: 32 random bytes, base64url. Anything else is a link we never sent. */
const ResetToken = z
  .string({ error: (issue) => (issue.input === undefined ? "Field required" : "Must be a string") })
  .regex(/^[A-Za-z0-9_-]{43}$/, { error: RESET_LINK_INVALID });

/** Completing a reset: the token from the link and a new password under sign-up's rule. */
export const PasswordReset = z.strictObject({ token: ResetToken, password: NewPassword });
export type PasswordReset = z.infer<typeof PasswordReset>;

/** Checks a sign-up or log-in form in the browser with the server's schema, returning the first message per field. */
export function checkAccountForm(mode: "login" | "signup", form: { email: string; password: string }): Record<string, string> | null {
  const result = (mode === "signup" ? Registration : Credentials).safeParse(form);
  return result.success ? null : firstMessages(fieldErrors(result.error.issues));
}

/** Checks the forgotten-password form in the browser with the server's schema. */
export function checkResetRequestForm(form: { email: string }): Record<string, string> | null {
  const result = PasswordResetRequest.safeParse(form);
  return result.success ? null : firstMessages(fieldErrors(result.error.issues));
}

/** Checks the new-password form in the browser: sign-up's rule, and the confirmation typed the same. */
export function checkNewPasswordForm(form: { password: string; confirm: string }): Record<string, string> | null {
  const result = NewPassword.safeParse(form.password);
  const messages: Record<string, string> = result.success ? {} : { password: result.error.issues[0]!.message };
  if (result.success && form.confirm !== form.password) messages.confirm = PASSWORDS_DIFFER;
  return Object.keys(messages).length > 0 ? messages : null;
}
