import { LimitsStore } from "@strategist/dynamo";
import { API_KEY_PREFIX, ApiKeyCreated } from "@strategist/schemas";
import fc from "fast-check";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KeyRepository } from "../../src/keys/repository";
import { hashKey, KEY_CACHE_MAX_MS, KeyService } from "../../src/keys/service";
import { startHarness, VALID_BRIEF, type Harness } from "../support/harness";

describe("API keys", () => {
  let harness: Harness;
  const session = (userId: string) => ({ authorization: `Bearer ${harness.token(userId)}` });
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
  async function createKey(userId: string, body: object): Promise<ApiKeyCreated> {
    const response = await harness.app.inject({ method: "POST", url: "/api/keys", headers: session(userId), payload: body });
    expect(response.statusCode, response.body).toBe(201);
    return ApiKeyCreated.parse(response.json());
  }

  beforeAll(async () => {
    harness = await startHarness({ env: { API_KEY_FAILURES_PER_IP_PER_MINUTE: "1000" } });
  });
  afterAll(() => harness.close());

  it("creates a 256-bit key with the recognisable prefix, shown once; only its hash is stored", async () => {
    const created = await createKey("key-owner", { name: "CI", scopes: ["write"] });
    expect(created.key).toMatch(new RegExp(`^${API_KEY_PREFIX}[A-Za-z0-9_-]{43}$`));
    expect(created.scopes).toEqual(["read", "write"]);
    expect(created.prefix).toBe(created.key.slice(0, created.prefix.length));
    const stored = await new KeyRepository(harness.client, harness.config.DYNAMODB_API_KEYS_TABLE).get(created.id);
    expect(stored?.keyHash).toBe(hashKey(created.key));
    expect(JSON.stringify(stored)).not.toContain(created.key);
  });

  it("REST generate works with a write key; the key list never contains a secret", async () => {
    const created = await createKey("writer", { name: "script", scopes: ["read", "write"] });
    const generated = await harness.app.inject({ method: "POST", url: "/api/strategy/generate", headers: bearer(created.key), payload: VALID_BRIEF });
    expect(generated.statusCode, generated.body).toBe(200);
    expect(generated.json().user_id).toBe("writer");
    const list = await harness.app.inject({ url: "/api/keys", headers: session("writer") });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(created.key);
    expect(list.body).not.toContain(created.key.slice(created.prefix.length));
    expect(list.json()).toEqual([expect.objectContaining({ id: created.id, name: "script", scopes: ["read", "write"], expires_at: null })]);
    expect(list.json()[0]).not.toHaveProperty("key");
    expect(list.json()[0].last_used_at).not.toBeNull();
  });

  it("a read-only key lists (200) but cannot generate (403 naming the write scope)", async () => {
    const created = await createKey("reader", { name: "dashboard", scopes: ["read"] });
    const list = await harness.app.inject({ url: "/api/strategy/list", headers: bearer(created.key) });
    expect(list.statusCode).toBe(200);
    const generate = await harness.app.inject({ method: "POST", url: "/api/strategy/generate", headers: bearer(created.key), payload: VALID_BRIEF });
    expect(generate.statusCode).toBe(403);
    expect(generate.json().detail).toMatch(/write scope/);
    const remove = await harness.app.inject({ method: "DELETE", url: "/api/strategy/anything", headers: bearer(created.key) });
    expect(remove.statusCode).toBe(403);
  });

  it("a key cannot create, list or revoke keys: session-only routes answer 403", async () => {
    const created = await createKey("holder", { name: "all", scopes: ["write"] });
    for (const [method, url] of [
      ["POST", "/api/keys"],
      ["GET", "/api/keys"],
      ["DELETE", `/api/keys/${created.id}`],
    ] as const) {
      const response = await harness.app.inject({
        method,
        url,
        headers: bearer(created.key),
        ...(method === "POST" ? { payload: { name: "x", scopes: ["read"] } } : {}),
      });
      expect(response.statusCode, `${method} ${url}`).toBe(403);
      expect(response.json().detail).toMatch(/web session/);
    }
  });

  it("a made-up key gets 401 with the protected resource metadata in WWW-Authenticate", async () => {
    const response = await harness.app.inject({ url: "/api/strategy/list", headers: bearer(`${API_KEY_PREFIX}${"A".repeat(43)}`) });
    expect(response.statusCode).toBe(401);
    expect(response.headers["www-authenticate"]).toMatch(/^Bearer .*resource_metadata="http:\/\/[^"]+\/\.well-known\/oauth-protected-resource"/);
  });

  it("property: every secret that was never issued is refused with 401, whatever its shape", async () => {
    const secrets = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9_-]{43}$/).map((tail) => API_KEY_PREFIX + tail),
      fc.stringMatching(/^[A-Za-z0-9_-]{0,80}$/).map((tail) => API_KEY_PREFIX + tail),
      fc.stringMatching(/^[!-~]{1,60}$/).map((tail) => API_KEY_PREFIX + tail),
    );
    await fc.assert(
      fc.asyncProperty(secrets, async (secret) => {
        const response = await harness.app.inject({ url: "/api/models", headers: bearer(secret) });
        expect(response.statusCode).toBe(401);
      }),
      { numRuns: 100 },
    );
  });

  it("revoking answers 204; the key stops working within 5 s; another user's key is 403 and a missing one 404", async () => {
    const created = await createKey("revoker", { name: "temp", scopes: ["read"] });
    expect((await harness.app.inject({ url: "/api/models", headers: bearer(created.key) })).statusCode).toBe(200);
    expect((await harness.app.inject({ method: "DELETE", url: `/api/keys/${created.id}`, headers: session("intruder") })).statusCode).toBe(403);
    const revoked = await harness.app.inject({ method: "DELETE", url: `/api/keys/${created.id}`, headers: session("revoker") });
    expect(revoked.statusCode).toBe(204);
    const start = Date.now();
    let status = 200;
    while (status !== 401 && Date.now() - start < KEY_CACHE_MAX_MS + 1_000) {
      status = (await harness.app.inject({ url: "/api/models", headers: bearer(created.key) })).statusCode;
      if (status !== 401) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(401);
    expect(Date.now() - start).toBeLessThanOrEqual(KEY_CACHE_MAX_MS + 500);
    expect((await harness.app.inject({ method: "DELETE", url: `/api/keys/${created.id}`, headers: session("revoker") })).statusCode).toBe(404);
  });

  it("another process refuses a revoked key within 5 s of the revocation, though it had the key cached", async () => {
    const created = await createKey("two-processes", { name: "shared", scopes: ["read"] });
    const other = new KeyService({
      repository: new KeyRepository(harness.client, harness.config.DYNAMODB_API_KEYS_TABLE),
      limits: new LimitsStore(harness.client, harness.config.DYNAMODB_LIMITS_TABLE),
      failuresPerIpPerMinute: 1_000_000,
    });
    expect(await other.authenticate(created.key, "192.0.2.8")).toMatchObject({ userId: "two-processes" });
    expect((await harness.app.inject({ method: "DELETE", url: `/api/keys/${created.id}`, headers: session("two-processes") })).statusCode).toBe(204);
    const revokedAt = Date.now();
    let refused = false;
    while (!refused && Date.now() - revokedAt < KEY_CACHE_MAX_MS + 1_000) {
      refused = await other.authenticate(created.key, "192.0.2.8").then(
        () => false,
        () => true,
      );
      if (!refused) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(refused).toBe(true);
    expect(Date.now() - revokedAt).toBeLessThanOrEqual(KEY_CACHE_MAX_MS + 200);
  });

  it("logs creating and revoking with the key id, never the secret", async () => {
    const lines: string[] = [];
    const log = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
    const service = new KeyService({
      repository: new KeyRepository(harness.client, harness.config.DYNAMODB_API_KEYS_TABLE),
      limits: new LimitsStore(harness.client, harness.config.DYNAMODB_LIMITS_TABLE),
      failuresPerIpPerMinute: 1_000_000,
    });
    const created = await service.create("logged", { name: "audit", scopes: ["read"] }, log);
    await service.authenticate(created.key, "192.0.2.9");
    await service.revoke("logged", created.id, log);
    const entries = lines.map((line) => JSON.parse(line) as { msg: string; key_id?: string });
    expect(entries.map((entry) => [entry.msg, entry.key_id])).toEqual([
      ["api key created", created.id],
      ["api key revoked", created.id],
    ]);
    expect(lines.join("\n")).not.toContain(created.key.slice(API_KEY_PREFIX.length));
  });

  it("rejects a bad create body with the fields named", async () => {
    const response = await harness.app.inject({
      method: "POST",
      url: "/api/keys",
      headers: session("validator"),
      payload: { name: "", scopes: ["admin"], expires_at: "tomorrow" },
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((error: { field: string }) => error.field)
        .sort(),
    ).toEqual(["expires_at", "name", "scopes.0"]);
    const past = await harness.app.inject({
      method: "POST",
      url: "/api/keys",
      headers: session("validator"),
      payload: { name: "old", scopes: ["read"], expires_at: "2020-01-01T00:00:00Z" },
    });
    expect(past.json()).toEqual({ detail: "Validation error", errors: [{ field: "expires_at", message: "Must be in the future" }] });
  });
});

describe("the key check", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ env: { API_KEY_FAILURES_PER_IP_PER_MINUTE: "3" } });
  });
  afterAll(() => harness.close());

  it("failed key attempts are limited per client IP: 429 with Retry-After past the limit, even for a valid key", async () => {
    const created = await harness.app.inject({
      method: "POST",
      url: "/api/keys",
      headers: { authorization: `Bearer ${harness.token("ip-user")}` },
      payload: { name: "k", scopes: ["read"] },
    });
    const key = created.json().key as string;
    const from = (remoteAddress: string, secret: string) =>
      harness.app.inject({ url: "/api/models", remoteAddress, headers: { authorization: `Bearer ${secret}` } });
    for (let attempt = 0; attempt < 3; attempt++) expect((await from("203.0.113.9", `${API_KEY_PREFIX}wrong${attempt}`)).statusCode).toBe(401);
    const blocked = await from("203.0.113.9", `${API_KEY_PREFIX}wrong-again`);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
    expect((await from("203.0.113.9", key)).statusCode).toBe(429);
    expect((await from("198.51.100.4", key)).statusCode).toBe(200);
  });

  it("property: a key answers for its owner until it expires, and never after, at any moment", async () => {
    let now = Date.parse("2026-06-01T00:00:00Z");
    const service = new KeyService({
      repository: new KeyRepository(harness.client, harness.config.DYNAMODB_API_KEYS_TABLE),
      limits: new LimitsStore(harness.client, harness.config.DYNAMODB_LIMITS_TABLE, () => now),
      failuresPerIpPerMinute: 1_000_000,
      now: () => now,
    });
    const log = harness.app.log;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 86_400_000 }), fc.integer({ min: 0, max: 2 * 86_400_000 }), async (lifetime, elapsed) => {
        now += 86_400_000;
        const created = await service.create("expiring", { name: "e", scopes: ["read"], expires_at: new Date(now + lifetime).toISOString() }, log);
        now += elapsed;
        if (elapsed < lifetime) expect(await service.authenticate(created.key, "192.0.2.1")).toMatchObject({ userId: "expiring", keyId: created.id });
        else await expect(service.authenticate(created.key, "192.0.2.1")).rejects.toMatchObject({ code: "invalid_token" });
        await service.revoke("expiring", created.id, log);
      }),
      { numRuns: 100 },
    );
  });
});
