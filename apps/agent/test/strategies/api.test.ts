import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, startHarness, VALID_BRIEF, type Harness } from "../support/harness";
import { OFFLINE_WRITERS } from "../../src/main/offline-writers";

describe("strategy API", () => {
  let harness: Harness;
  const auth = (user: string) => ({ authorization: `Bearer ${harness.token(user)}` });

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  it("records which model wrote the strategy and returns what it stored", async () => {
    const response = await generate(harness, "u-model", { ...VALID_BRIEF, brand_name: "  Padded  " });
    expect(response.statusCode).toBe(200);
    const record = response.json();
    expect(record).toMatchObject({ user_id: "u-model", brand_name: "Padded", model: "offline" });
    expect(record.usage.output_tokens).toBeGreaterThan(0);
    expect(response.headers["x-request-id"]).toBeTruthy();
  });

  it("pages through the history with a signed cursor in X-Next-Cursor", async () => {
    const user = "u-pages";
    const ids: string[] = [];
    for (let index = 0; index < 5; index++) ids.unshift((await generate(harness, user, VALID_BRIEF)).json().id);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const response = await harness.app.inject({
        url: `/api/strategy/list?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        headers: auth(user),
      });
      expect(response.statusCode).toBe(200);
      const page = response.json();
      expect(page.length).toBeLessThanOrEqual(2);
      seen.push(...page.map((record: { id: string }) => record.id));
      cursor = response.headers["x-next-cursor"] as string | undefined;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(ids);
    expect(pages).toBe(3);
  });

  it("rejects a tampered cursor and another user's cursor with 400", async () => {
    for (let index = 0; index < 3; index++) await generate(harness, "u-cursor", VALID_BRIEF);
    const first = await harness.app.inject({ url: "/api/strategy/list?limit=1", headers: auth("u-cursor") });
    const cursor = first.headers["x-next-cursor"] as string;
    expect(cursor).toBeTruthy();
    const [payload, signature] = cursor.split(".");
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, "base64url").toString()), userId: "victim" })).toString("base64url");
    for (const [user, bad] of [
      ["u-cursor", `${forged}.${signature}`],
      ["u-cursor", `${payload}.${signature}x`],
      ["u-cursor", "not-a-cursor"],
      ["someone-else", cursor],
    ] as const) {
      const response = await harness.app.inject({ url: `/api/strategy/list?cursor=${encodeURIComponent(bad)}`, headers: auth(user) });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({ detail: "Validation error", errors: [{ field: "cursor", message: "Invalid cursor" }] });
    }
  });

  it.each([
    ["0", "Must be at least 1"],
    ["101", "Must be at most 100"],
    ["abc", "Must be a number"],
  ])("rejects limit=%s", async (limit, message) => {
    const response = await harness.app.inject({ url: `/api/strategy/list?limit=${limit}`, headers: auth("u-limit") });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: "querystring.limit", message }]);
  });

  it("answers 404 for an unknown strategy", async () => {
    const response = await harness.app.inject({ url: "/api/strategy/4b0f0000-0000-4000-8000-000000000000", headers: auth("u-404") });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ detail: "Strategy not found" });
  });

  it("refuses bodies that are not a JSON brief", async () => {
    const headers = { ...auth("u-body"), "content-type": "application/json" };
    const cases = [
      { payload: "{not json", status: 400 },
      { payload: '{"brand_name":"a","industry":"b","target_audience":"c","goals":"d","__proto__":{"admin":true}}', status: 400 },
      { payload: '{"brand_name":"a","industry":"b","target_audience":"c","goals":"d","constructor":{"prototype":{"x":1}}}', status: 400 },
      { payload: JSON.stringify({ ...VALID_BRIEF, goals: "g".repeat(70_000) }), status: 413 },
      { payload: "[]", status: 400 },
    ];
    for (const { payload, status } of cases) {
      const response = await harness.app.inject({ method: "POST", url: "/api/strategy/generate", headers, payload });
      expect(response.statusCode, payload.slice(0, 40)).toBe(status);
      expect(response.json().detail).toBeTruthy();
    }
    const text = await harness.app.inject({
      method: "POST",
      url: "/api/strategy/generate",
      headers: { ...auth("u-body"), "content-type": "text/plain" },
      payload: "hello",
    });
    expect(text.statusCode).toBe(415);
    expect(await harness.storedItems().then((items) => items.filter((item) => item.userId === "u-body"))).toEqual([]);
  });

  it("rejects a model that is not on the list", async () => {
    const response = await generate(harness, "u-models", { ...VALID_BRIEF, model: "anthropic.claude-9" });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: "model", message: "Unknown or disabled model" }]);
    const models = await harness.app.inject({ url: "/api/models", headers: auth("u-models") });
    expect(models.json()).toEqual([
      { id: "offline", name: expect.stringContaining("Offline"), provider: "offline", default: true, kind: "text" },
      { id: "offline-image", name: expect.stringContaining("Placeholder"), provider: "offline", default: true, kind: "image" },
    ]);
    // An image model cannot write a strategy.
    expect((await generate(harness, "u-models", { ...VALID_BRIEF, model: "offline-image" })).statusCode).toBe(400);
  });
});

describe("rate limit", () => {
  it("allows RATE_LIMIT_PER_MINUTE generations per user per minute, then 429 with Retry-After, per user not per IP", async () => {
    const harness = await startHarness({ env: { RATE_LIMIT_PER_MINUTE: "3" } });
    try {
      const statuses = [];
      for (let index = 0; index < 4; index++) statuses.push((await generate(harness, "busy", VALID_BRIEF)).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await generate(harness, "busy", VALID_BRIEF);
      expect(limited.json()).toEqual({ detail: "Rate limit exceeded" });
      expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
      expect((await generate(harness, "calm", VALID_BRIEF)).statusCode).toBe(200);
      const reads = await harness.app.inject({ url: "/api/strategy/list", headers: { authorization: `Bearer ${harness.token("busy")}` } });
      expect(reads.statusCode).toBe(200);
      expect((await harness.storedItems()).filter((item) => item.userId === "busy")).toHaveLength(3);
    } finally {
      await harness.close();
    }
  });
});

describe("logs", () => {
  it("are JSON lines with request id, user id, strategy id, model and timing, and never the token", async () => {
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk, _encoding, done) => (lines.push(...chunk.toString().split("\n").filter(Boolean)), done()) });
    const { createAgentApp } = await import("../../src/main/service-factory");
    const { loggerOptions } = await import("../../src/core/logging");
    const base = await startHarness();
    const app = await createAgentApp({
      config: base.config,
      client: base.client,
      catalog: (await import("../../src/models/providers")).createCatalog(base.config, OFFLINE_WRITERS),
      logger: { ...loggerOptions("info"), stream } as never,
    });
    const token = base.token("logged-user");
    const response = await app.inject({ method: "POST", url: "/api/strategy/generate", headers: { authorization: `Bearer ${token}` }, payload: VALID_BRIEF });
    await app.inject({ method: "POST", url: "/api/strategy/generate", headers: { authorization: "Bearer forged.token.here" }, payload: VALID_BRIEF });
    const entries = lines.map((line) => JSON.parse(line));
    const generated = entries.find((entry) => entry.msg === "strategy generated");
    expect(generated).toMatchObject({ user_id: "logged-user", strategy_id: response.json().id, model: "offline", request_id: expect.any(String) });
    expect(generated.execution_time_ms).toBeGreaterThanOrEqual(0);
    expect(lines.join("\n")).not.toContain(token);
    expect(lines.join("\n")).not.toContain("forged.token.here");
    expect(lines.join("\n")).not.toContain(base.config.JWT_SECRET);
    await app.close();
    await base.close();
  });
});

describe("CORS", () => {
  it("allows the configured frontend origin with credentials and exposes the paging headers, and no other origin", async () => {
    const harness = await startHarness({ env: { FRONTEND_URL: "https://app.example.com" } });
    try {
      const preflight = (origin: string) =>
        harness.app.inject({
          method: "OPTIONS",
          url: "/api/strategy/list",
          headers: { origin, "access-control-request-method": "GET", "access-control-request-headers": "authorization" },
        });
      const allowed = await preflight("https://app.example.com");
      expect(allowed.headers["access-control-allow-origin"]).toBe("https://app.example.com");
      expect(allowed.headers["access-control-allow-credentials"]).toBe("true");
      const other = await preflight("https://evil.example.net");
      expect(other.headers["access-control-allow-origin"]).toBeUndefined();
      const listed = await harness.app.inject({
        url: "/api/strategy/list",
        headers: { origin: "https://app.example.com", authorization: `Bearer ${harness.token("cors")}` },
      });
      expect(String(listed.headers["access-control-expose-headers"])).toContain("x-next-cursor");
    } finally {
      await harness.close();
    }
  });
});
