import "server-only";
import { hashPassword, needsRehash, verifyPassword } from "./password";
import type { AccountStores, UserItem, UserRepository } from "./users";

/**
 * After a successful log-in, replaces a hash stored under older rules (scrypt, or weaker argon2id
 * parameters) with argon2id at today's; the password is only in hand at this moment.
 */
export async function upgradePasswordHash(users: UserRepository, user: UserItem, password: string): Promise<void> {
  if (!needsRehash(user.passwordHash)) return;
  await users.replacePasswordHash(user.email, user.passwordHash, await hashPassword(password));
}

export class PasswordChangeError extends Error {
  override name = "PasswordChangeError";
}

/**
 * Changes a signed-in user's password and ends every other session of theirs, keeping the one that
 * asked: someone who learnt the old password or copied a token is logged out everywhere. There is no
 * page for it yet; a route would call this after checking the form with `NewPassword`.
 */
export async function changePassword(
  stores: AccountStores,
  user: UserItem,
  change: { currentPassword: string; newPassword: string; keepSessionId: string },
): Promise<{ revokedSessions: number }> {
  if (!(await verifyPassword(change.currentPassword, user.passwordHash))) throw new PasswordChangeError("current password does not match");
  const replaced = await stores.users.replacePasswordHash(user.email, user.passwordHash, await hashPassword(change.newPassword));
  if (!replaced) throw new PasswordChangeError("the password was changed by another request");
  return { revokedSessions: await stores.sessions.revokeOthers(user.userId, change.keepSessionId) };
}
