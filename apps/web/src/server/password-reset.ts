import "server-only";
import { newResetToken } from "@strategist/dynamo";
import { hashPassword } from "./password";
import type { ResetMailer } from "./reset-mailer";
import type { AccountStores } from "./users";

/** The page a reset link opens. */
export const RESET_PAGE = "/reset-password";

/**
 * Sends a reset link to `email` if an account has it, and silently does nothing otherwise. The route does not wait
 * for it, so whether the account exists changes neither the answer nor its timing; a token is drawn and hashed
 * either way all the same. `linkOrigin` is where the link points: null in production, where it must come from
 * configuration once a mailer exists, never from the request's Host header (which the requester controls).
 */
export async function requestPasswordReset(stores: AccountStores, mailer: ResetMailer, email: string, linkOrigin: string | null): Promise<void> {
  const fresh = newResetToken();
  const user = await stores.users.findByEmail(email);
  if (!user) return;
  const { token, expiresAt } = await stores.resets.issue({ userId: user.userId, email: user.email }, fresh);
  const url = linkOrigin === null ? null : `${linkOrigin}${RESET_PAGE}?token=${encodeURIComponent(token)}`;
  await mailer.send({ email: user.email, userId: user.userId, url, expiresAt });
}

export type ResetOutcome = { ok: true; revokedSessions: number } | { ok: false };

/**
 * Completes a reset: uses the token up (one conditional delete, so of concurrent uses exactly one goes on), sets the
 * new password's hash, and ends every session of the user, on the web and at the agent. A bad, expired or used token
 * costs no password hashing. `hash` is the password module's unless a test needs a cheaper one.
 */
export async function completePasswordReset(
  stores: AccountStores,
  reset: { token: string; password: string },
  hash: (password: string) => Promise<string> = hashPassword,
): Promise<ResetOutcome> {
  const account = await stores.resets.consume(reset.token);
  if (!account) return { ok: false };
  if (!(await stores.users.setPasswordHash(account.email, account.userId, await hash(reset.password)))) return { ok: false };
  return { ok: true, revokedSessions: await stores.sessions.revokeOthers(account.userId) };
}
