import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedDynamo, type EmbeddedDynamo } from "../src/embedded";
import { createDocumentClient, ensureTables, sessionsTableDefinition, SessionStore } from "../src/index";

let db: EmbeddedDynamo;
let client: ReturnType<typeof createDocumentClient>;
const TABLE = "sessions-test";

beforeAll(async () => {
  db = await startEmbeddedDynamo();
  client = createDocumentClient({ region: "us-east-1", endpoint: db.endpoint });
  await ensureTables(client, [sessionsTableDefinition(TABLE)]);
});

afterAll(async () => {
  client.destroy();
  await db.close();
});

describe("session store", () => {
  it("a session is active for its own user until it expires, and never for another user", async () => {
    let now = new Date("2026-05-01T10:00:00Z");
    const sessions = new SessionStore(client, TABLE, () => now);
    const session = await sessions.create("user-a", new Date("2026-05-01T11:00:00Z"));
    expect(session.sessionId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await sessions.isActive(session.sessionId, "user-a")).toBe(true);
    expect(await sessions.isActive(session.sessionId, "user-b")).toBe(false);
    expect(await sessions.isActive("no-such-session", "user-a")).toBe(false);
    // dynalite has no TTL (and DynamoDB's runs late): the read itself refuses an expired item.
    now = new Date("2026-05-01T11:00:00Z");
    expect(await sessions.isActive(session.sessionId, "user-a")).toBe(false);
  });

  it("after revoke, a session is never active again, whatever else happens to the user's sessions", async () => {
    const sessions = new SessionStore(client, TABLE);
    const later = new Date(Date.now() + 3_600_000);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom("open", "revoke", "revokeOthers"), { minLength: 1, maxLength: 6 }), async (steps) => {
        const userId = `user-${Math.random().toString(36).slice(2)}`;
        const open: string[] = [];
        const ended = new Set<string>();
        for (const step of steps) {
          if (step === "open" || open.length === 0) {
            open.push((await sessions.create(userId, later)).sessionId);
          } else if (step === "revoke") {
            const victim = open.shift()!;
            await sessions.revoke(victim);
            ended.add(victim);
          } else {
            const keep = open.at(-1)!;
            await sessions.revokeOthers(userId, keep);
            for (const sid of open.splice(0, open.length - 1)) ended.add(sid);
          }
        }
        for (const sid of ended) expect(await sessions.isActive(sid, userId)).toBe(false);
        for (const sid of open) expect(await sessions.isActive(sid, userId)).toBe(true);
      }),
      { numRuns: 100 },
    );
    // A hundred short histories of dynalite writes: seconds on a busy machine.
  }, 30_000);

  it("revoking the other sessions keeps the one that asked and leaves other users alone", async () => {
    const sessions = new SessionStore(client, TABLE);
    const later = new Date(Date.now() + 3_600_000);
    const mine = await Promise.all([1, 2, 3].map(() => sessions.create("user-c", later)));
    const theirs = await sessions.create("user-d", later);
    expect(await sessions.revokeOthers("user-c", mine[1]!.sessionId)).toBe(2);
    expect(await Promise.all(mine.map((s) => sessions.isActive(s.sessionId, "user-c")))).toEqual([false, true, false]);
    expect(await sessions.isActive(theirs.sessionId, "user-d")).toBe(true);
  });
});
