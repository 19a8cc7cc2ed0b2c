import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { createDocumentClient, PasswordResetStore, resetTokenHash } from "@strategist/dynamo";
import { startEmbeddedDynamo, type EmbeddedDynamo } from "@strategist/dynamo/embedded";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { PASSWORD_RULE, RESET_LINK_INVALID, RESET_REQUESTED } from "@/account/copy";
import type { ResetMailer, ResetMessage } from "@/server/reset-mailer";
import type { AccountStores } from "@/server/users";

const LIMITS_TABLE = "limits-reset-test";
const IP_LIMIT = 8;
let dynamo: EmbeddedDynamo;
let stores: AccountStores;
let client: ReturnType<typeof createDocumentClient>;
let server: typeof import("@/server/password-reset");
let hashPassword: typeof import("@/server/password").hashPassword;
let verifyPassword: typeof import("@/server/password").verifyPassword;
let requestRoute: typeof import("@/app/api/auth/password-reset/route").POST;
let confirmRoute: typeof import("@/app/api/auth/password-reset/confirm/route").POST;

beforeAll(async () => {
  dynamo = await startEmbeddedDynamo();
  // The web reads its configuration from the environment once; this file's module graph is its own.
  Object.assign(process.env, {
    JWT_SECRET: "x".repeat(32),
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    DYNAMODB_USERS_TABLE: "users-reset-test",
    DYNAMODB_SESSIONS_TABLE: "sessions-reset-test",
    DYNAMODB_LIMITS_TABLE: LIMITS_TABLE,
    AUTH_RATE_LIMIT_PER_IP_PER_MINUTE: String(IP_LIMIT),
    TRUST_PROXY_HOPS: "1",
  });
  server = await import("@/server/password-reset");
  ({ hashPassword, verifyPassword } = await import("@/server/password"));
  stores = await (await import("@/server/users")).accountStores();
  ({ POST: requestRoute } = await import("@/app/api/auth/password-reset/route"));
  ({ POST: confirmRoute } = await import("@/app/api/auth/password-reset/confirm/route"));
  client = createDocumentClient({ region: "us-east-1", endpoint: dynamo.endpoint });
}, 60_000);

afterEach(() => vi.restoreAllMocks());
afterAll(async () => {
  client.destroy();
  await dynamo.close();
});

/** A mailer that keeps what it was asked to send. */
function recordingMailer(): ResetMailer & { sent: ResetMessage[] } {
  const sent: ResetMessage[] = [];
  return { sent, send: async (message) => void sent.push(message) };
}

const later = () => new Date(Date.now() + 3_600_000);
const unique = (name: string) => `${name}-${Math.random().toString(36).slice(2, 10)}@example.com`;
const tokenOf = (url: string | null) => new URL(url!).searchParams.get("token")!;
/** A hash that costs nothing, for properties that run a reset hundreds of times; the hash is not what they check. */
const cheapHash = async (password: string) => `test$${password}`;

async function linkFor(email: string): Promise<string> {
  const mailer = recordingMailer();
  await server.requestPasswordReset(stores, mailer, email, "http://web.test");
  return tokenOf(mailer.sent[0]!.url);
}

let ipCounter = 0;
/** A POST from its own client IP (each test its own, so the per-IP limit counts only that test's requests). */
function post(path: string, body: unknown, options: { ip?: string; origin?: string } = {}): Request {
  const headers: Record<string, string> = { "content-type": "application/json", "x-forwarded-for": options.ip ?? `10.1.0.${++ipCounter}` };
  if (options.origin) headers.origin = options.origin;
  return new Request(`http://web.test${path}`, { method: "POST", headers, body: JSON.stringify(body) });
}

/** The reset links the development mailer logged so far, by email. */
function loggedLinks(log: { mock: { calls: unknown[][] } }): { email: string; url: string }[] {
  return log.mock.calls
    .map(([line]): { msg?: string; email?: string; url?: string } => {
      try {
        return JSON.parse(String(line)) as { msg?: string; email?: string; url?: string };
      } catch {
        return {};
      }
    })
    .filter((entry): entry is { msg: string; email: string; url: string } => entry.msg === "password reset link");
}

describe("password reset tokens", () => {
  it("are stored only as their SHA-256: the token in the link appears in no item", async () => {
    const user = await stores.users.create(unique("hashed"), "scrypt$x");
    const token = await linkFor(user.email);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { Items = [] } = await client.send(new ScanCommand({ TableName: LIMITS_TABLE }));
    expect(JSON.stringify(Items)).not.toContain(token);
    expect(Items.some((item) => item.key === `password-reset#${resetTokenHash(token)}`)).toBe(true);
  });

  it("sends nothing and stores nothing for an email without an account", async () => {
    const mailer = recordingMailer();
    const before = (await client.send(new ScanCommand({ TableName: LIMITS_TABLE }))).Items?.length;
    await server.requestPasswordReset(stores, mailer, unique("nobody"), "http://web.test");
    expect(mailer.sent).toEqual([]);
    expect((await client.send(new ScanCommand({ TableName: LIMITS_TABLE }))).Items?.length).toBe(before);
  });

  it("single use: of any interleaving of N concurrent confirms with the same token, exactly one succeeds", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(3), { minLength: 2, maxLength: 8 }), async (delays) => {
        const user = await stores.users.create(unique("race"), "scrypt$x");
        const token = await linkFor(user.email);
        const outcomes = await Promise.all(
          delays.map(async (delay, index) => {
            await new Promise((resolve) => setTimeout(resolve, delay));
            return server.completePasswordReset(stores, { token, password: `new password ${index}` }, cheapHash);
          }),
        );
        const winners = outcomes.flatMap((outcome, index) => (outcome.ok ? [index] : []));
        expect(winners).toHaveLength(1);
        expect((await stores.users.findByEmail(user.email))!.passwordHash).toBe(`test$new password ${winners[0]}`);
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it("an expired token is refused and changes nothing", async () => {
    let now = new Date();
    const clocked = { ...stores, resets: new PasswordResetStore(client, LIMITS_TABLE, () => now) };
    const user = await stores.users.create(unique("expired"), "scrypt$x");
    const mailer = recordingMailer();
    await server.requestPasswordReset(clocked, mailer, user.email, "http://web.test");
    now = new Date(mailer.sent[0]!.expiresAt.getTime() + 1000);
    expect(await server.completePasswordReset(clocked, { token: tokenOf(mailer.sent[0]!.url), password: "late password 1" }, cheapHash)).toEqual({ ok: false });
    expect((await stores.users.findByEmail(user.email))!.passwordHash).toBe("scrypt$x");
  });

  it("a new request leaves only the newest link working", async () => {
    const user = await stores.users.create(unique("twice"), "scrypt$x");
    const first = await linkFor(user.email);
    const second = await linkFor(user.email);
    expect(await server.completePasswordReset(stores, { token: first, password: "first link 1" }, cheapHash)).toEqual({ ok: false });
    expect(await server.completePasswordReset(stores, { token: second, password: "second link 2" }, cheapHash)).toMatchObject({ ok: true });
  });
});

describe("reset link delivery", () => {
  it("in development logs the link as one JSON line at info; in production logs only that a reset was asked for", async () => {
    const { resetMailer } = await import("@/server/reset-mailer");
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const user = await stores.users.create(unique("delivery"), "scrypt$x");
    await server.requestPasswordReset(stores, resetMailer(false), user.email, "http://web.test");
    const [development] = log.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>);
    expect(development).toMatchObject({ level: "info", msg: "password reset link", email: user.email, url: expect.stringContaining("/reset-password?token=") });

    log.mockClear();
    await server.requestPasswordReset(stores, resetMailer(true), user.email, null);
    const lines = log.mock.calls.map(([line]) => String(line));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "warn", userId: user.userId });
    expect(lines[0]).not.toMatch(/token|reset-password|@/);
  });
});

describe("POST /api/auth/password-reset", () => {
  it("answers an unknown email exactly as it answers an account's, and only the account's link is logged", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const user = await stores.users.create(unique("known"), "scrypt$x");
    const nobody = unique("unknown");
    const [known, unknown] = [
      await requestRoute(post("/api/auth/password-reset", { email: user.email })),
      await requestRoute(post("/api/auth/password-reset", { email: nobody })),
    ];
    expect(unknown.status).toBe(202);
    expect([unknown.status, [...unknown.headers], await unknown.json()]).toEqual([known.status, [...known.headers], await known.json()]);
    await expect.poll(() => loggedLinks(log).length).toBe(1);
    const [link] = loggedLinks(log);
    expect(link).toMatchObject({ email: user.email, url: expect.stringMatching(/^http:\/\/web\.test\/reset-password\?token=[A-Za-z0-9_-]{43}$/) });
    expect(JSON.stringify(log.mock.calls)).not.toContain(nobody);
  });

  it("says the same thing for any email, in the API's shape", async () => {
    const response = await requestRoute(post("/api/auth/password-reset", { email: unique("shape") }));
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ detail: RESET_REQUESTED });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("limits one email to 5 requests an hour, account or not: 429 with Retry-After", async () => {
    const email = unique("flood");
    for (let attempt = 0; attempt < 5; attempt++)
      expect((await requestRoute(post("/api/auth/password-reset", { email }, { ip: "10.2.0.1" }))).status).toBe(202);
    const refused = await requestRoute(post("/api/auth/password-reset", { email }, { ip: "10.2.0.2" }));
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ detail: "Rate limit exceeded" });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(3600);
  });

  it("limits one client IP to AUTH_RATE_LIMIT_PER_IP_PER_MINUTE requests a minute: 429 with Retry-After", async () => {
    for (let attempt = 0; attempt < IP_LIMIT; attempt++)
      expect((await requestRoute(post("/api/auth/password-reset", { email: unique("ip") }, { ip: "10.3.0.1" }))).status).toBe(202);
    const refused = await requestRoute(post("/api/auth/password-reset", { email: unique("ip") }, { ip: "10.3.0.1" }));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("refuses a cross-site request and a malformed email", async () => {
    expect((await requestRoute(post("/api/auth/password-reset", { email: unique("csrf") }, { origin: "https://evil.example" }))).status).toBe(403);
    const invalid = await requestRoute(post("/api/auth/password-reset", { email: "not an email" }));
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({ detail: "Validation error", errors: [{ field: "email", message: "Enter a valid email address" }] });
  });
});

describe("POST /api/auth/password-reset/confirm", () => {
  it("sets the new password, ends every session the user had open, keeps other users' sessions, and clears the cookie", async () => {
    const user = await stores.users.create(unique("reset"), await hashPassword("old password 1"));
    const [laptop, phone] = await Promise.all([stores.sessions.create(user.userId, later()), stores.sessions.create(user.userId, later())]);
    const stranger = await stores.sessions.create("someone-else", later());
    const token = await linkFor(user.email);

    const response = await confirmRoute(post("/api/auth/password-reset/confirm", { token, password: "new password 2" }));

    expect(response.status).toBe(204);
    expect(response.headers.get("set-cookie")).toMatch(/strategist_session=;.*Max-Age=0/);
    expect(await stores.sessions.isActive(laptop.sessionId, user.userId)).toBe(false);
    expect(await stores.sessions.isActive(phone.sessionId, user.userId)).toBe(false);
    expect(await stores.sessions.isActive(stranger.sessionId, "someone-else")).toBe(true);
    const stored = (await stores.users.findByEmail(user.email))!.passwordHash;
    expect(await verifyPassword("new password 2", stored)).toBe(true);
    expect(await verifyPassword("old password 1", stored)).toBe(false);

    // The link is used up: a second use is refused on `token`.
    const again = await confirmRoute(post("/api/auth/password-reset/confirm", { token, password: "third password 3" }));
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ detail: "Validation error", errors: [{ field: "token", message: RESET_LINK_INVALID }] });
  });

  it("refuses a weak password on `password` without using the link up", async () => {
    const user = await stores.users.create(unique("weak"), "scrypt$x");
    const token = await linkFor(user.email);
    const weak = await confirmRoute(post("/api/auth/password-reset/confirm", { token, password: "short" }));
    expect(weak.status).toBe(400);
    expect(await weak.json()).toEqual({ detail: "Validation error", errors: [{ field: "password", message: PASSWORD_RULE }] });
    expect((await confirmRoute(post("/api/auth/password-reset/confirm", { token, password: "strong enough 9" }))).status).toBe(204);
  });

  it("refuses a token it never issued, and a malformed one, on `token`", async () => {
    for (const token of ["A".repeat(43), "not a token"]) {
      const response = await confirmRoute(post("/api/auth/password-reset/confirm", { token, password: "strong enough 9" }));
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ detail: "Validation error", errors: [{ field: "token", message: RESET_LINK_INVALID }] });
    }
  });

  it("refuses a cross-site request", async () => {
    expect(
      (await confirmRoute(post("/api/auth/password-reset/confirm", { token: "A".repeat(43), password: "x" }, { origin: "https://evil.example" }))).status,
    ).toBe(403);
  });
});
