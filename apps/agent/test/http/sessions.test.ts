import { SessionStore } from "@strategist/dynamo";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, TEST_SECRET, type Harness } from "../support/harness";
import { craftToken } from "../support/tokens";

describe("tokens from a web log-in session", () => {
  let harness: Harness;
  let sessions: SessionStore;
  const later = () => new Date(Date.now() + 3_600_000);
  const tokenFor = (userId: string, sid: unknown) =>
    craftToken({ alg: "HS256", typ: "JWT" }, { userId, sid, iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 600 }, TEST_SECRET);
  const call = (token: string) => harness.app.inject({ url: "/api/models", headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    harness = await startHarness();
    sessions = new SessionStore(harness.client, harness.config.DYNAMODB_SESSIONS_TABLE);
  });
  afterAll(() => harness.close());

  it("a token whose session was logged out is refused like a forged one, and works while the session is open", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uuid(), fc.boolean(), async (userId, logOut) => {
        const session = await sessions.create(userId, later());
        const token = tokenFor(userId, session.sessionId);
        expect((await call(token)).statusCode).toBe(200);
        if (logOut) await sessions.revoke(session.sessionId);
        const response = await call(token);
        expect(response.statusCode).toBe(logOut ? 401 : 200);
        if (logOut) expect(response.json()).toEqual({ detail: "Invalid token" });
      }),
      { numRuns: 100 },
    );
  });

  it("refuses a session id that belongs to another user, is unknown, empty or not a string", async () => {
    const theirs = await sessions.create("owner-of-session", later());
    for (const sid of [theirs.sessionId, "never-opened", "", 42, null]) {
      const response = await call(tokenFor("someone-else", sid));
      expect(response.statusCode, String(sid)).toBe(401);
    }
  });

  it("accepts a token minted without a session id (pnpm mint-token, service tokens) until it expires", async () => {
    expect((await call(harness.token("minted-user"))).statusCode).toBe(200);
  });
});
