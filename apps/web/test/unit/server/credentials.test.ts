import { startEmbeddedDynamo, type EmbeddedDynamo } from "@strategist/dynamo/embedded";
import { legacyScryptHash } from "../support/legacy-scrypt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseWebConfig } from "@/server/config";
import { changePassword, PasswordChangeError, upgradePasswordHash } from "@/server/credentials";
import { needsRehash, verifyPassword } from "@/server/password";
import { openAccountStores, type AccountStores } from "@/server/users";

let dynamo: EmbeddedDynamo;
let stores: AccountStores;
const later = () => new Date(Date.now() + 3_600_000);

beforeAll(async () => {
  dynamo = await startEmbeddedDynamo();
  stores = await openAccountStores(
    parseWebConfig({
      JWT_SECRET: "x".repeat(32),
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      DYNAMODB_USERS_TABLE: "users-cred",
      DYNAMODB_SESSIONS_TABLE: "sessions-cred",
    }),
  );
});

afterAll(() => dynamo.close());

describe("password upgrade at log-in", () => {
  it("rehashes a stored scrypt hash to argon2id once, and the password still logs in", async () => {
    const created = await stores.users.create("legacy@example.com", legacyScryptHash("old scheme 1"));
    await upgradePasswordHash(stores.users, created, "old scheme 1");
    const upgraded = (await stores.users.findByEmail("legacy@example.com"))!;
    expect(upgraded.passwordHash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")).toBe(true);
    expect(needsRehash(upgraded.passwordHash)).toBe(false);
    expect(await verifyPassword("old scheme 1", upgraded.passwordHash)).toBe(true);
    // A second log-in leaves a current hash alone.
    await upgradePasswordHash(stores.users, upgraded, "old scheme 1");
    expect((await stores.users.findByEmail("legacy@example.com"))!.passwordHash).toBe(upgraded.passwordHash);
  });
});

describe("password change", () => {
  it("ends every other session of the user, keeps the one that asked, and leaves other users' sessions open", async () => {
    const user = await stores.users.create("change@example.com", legacyScryptHash("first pass 1"));
    const [laptop, phone, copied] = await Promise.all([1, 2, 3].map(() => stores.sessions.create(user.userId, later())));
    const stranger = await stores.sessions.create("someone-else", later());

    const result = await changePassword(stores, user, { currentPassword: "first pass 1", newPassword: "second pass 2", keepSessionId: phone!.sessionId });

    expect(result.revokedSessions).toBe(2);
    const active = await Promise.all([laptop, phone, copied].map((session) => stores.sessions.isActive(session!.sessionId, user.userId)));
    expect(active).toEqual([false, true, false]);
    expect(await stores.sessions.isActive(stranger.sessionId, "someone-else")).toBe(true);
    const stored = (await stores.users.findByEmail("change@example.com"))!.passwordHash;
    expect(await verifyPassword("second pass 2", stored)).toBe(true);
    expect(await verifyPassword("first pass 1", stored)).toBe(false);
  });

  it("refuses a wrong current password and a change that lost a race, ending no session", async () => {
    const user = await stores.users.create("race-change@example.com", legacyScryptHash("first pass 1"));
    const other = await stores.sessions.create(user.userId, later());
    await expect(changePassword(stores, user, { currentPassword: "wrong 1", newPassword: "second pass 2", keepSessionId: "x" })).rejects.toThrow(
      PasswordChangeError,
    );
    await changePassword(stores, user, { currentPassword: "first pass 1", newPassword: "second pass 2", keepSessionId: other.sessionId });
    // The same stale user record again: the stored hash is no longer the one it read.
    await expect(changePassword(stores, user, { currentPassword: "first pass 1", newPassword: "third pass 3", keepSessionId: "x" })).rejects.toThrow(
      PasswordChangeError,
    );
    expect(await stores.sessions.isActive(other.sessionId, user.userId)).toBe(true);
  });
});
