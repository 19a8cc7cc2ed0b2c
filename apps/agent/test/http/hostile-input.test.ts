import { request as httpRequest } from "node:http";
import { Writable } from "node:stream";
import type { Plan, PlanPost } from "@strategist/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CursorCodec } from "../../src/core/cursor";
import { loggerOptions } from "../../src/core/logging";
import { createAgentApp } from "../../src/main/service-factory";
import { ModelCatalog } from "../../src/models/catalog";
import { startHarness, TEST_SECRET, VALID_BRIEF, type Harness } from "../support/harness";
import { CountingOfflineModel, ThrowingModel } from "../support/models";

type Json = Record<string, any>;
const BRIEF = { ...VALID_BRIEF, target_audience: "B2B decision makers and young founders", goals: "Increase brand awareness" };

/** A raw HTTP/1.1 request, so node's own parser (not Fastify) answers what it cannot parse. */
function rawGet(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: "127.0.0.1", port, path, headers }, (response) => {
      let body = "";
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", reject);
    request.end();
  });
}

describe("hostile input", () => {
  let harness: Harness;
  const model = new CountingOfflineModel();
  const owner = "hostile-owner";
  let strategyId: string;
  let plan: Plan;
  const lines: string[] = [];
  const auth = (user = owner) => ({ authorization: `Bearer ${harness.token(user)}` });
  const inject = (method: "GET" | "POST" | "PATCH", url: string, payload?: object, user = owner) =>
    harness.app.inject({ method, url, headers: auth(user), ...(payload ? { payload } : {}) });
  const entries = () => lines.map((line) => JSON.parse(line) as Json);

  beforeAll(async () => {
    harness = await startHarness({ models: [{ id: "offline", model }] });
    // The same parts with a logger that keeps its lines (the harness's own app logs nothing).
    const stream = new Writable({ write: (chunk, _encoding, done) => (lines.push(...chunk.toString().split("\n").filter(Boolean)), done()) });
    await harness.app.close();
    harness.app = await createAgentApp({
      config: harness.config,
      client: harness.client,
      s3: harness.s3,
      catalog: new ModelCatalog([
        { id: "offline", name: "offline", provider: "bedrock", default: true, create: () => model },
        { id: "broken", name: "broken", provider: "bedrock", default: false, create: () => new ThrowingModel() },
      ]),
      logger: { ...loggerOptions("info"), stream } as never,
    });
    await harness.app.ready();
    const generated = await inject("POST", "/api/strategy/generate", BRIEF);
    expect(generated.statusCode, generated.body).toBe(200);
    strategyId = generated.json().id;
    const made = await inject("POST", `/api/strategy/${strategyId}/plan`, { weeks: 1 });
    expect(made.statusCode, made.body).toBe(200);
    plan = made.json();
  });
  afterAll(() => harness.close());

  describe("errors in the product's shape", () => {
    it("a 9,000-character id gets { detail } and the URL is not echoed", async () => {
      const id = "a".repeat(9000);
      const response = await inject("GET", `/api/strategy/${id}`);
      expect(response.statusCode).toBe(414);
      expect(response.json()).toEqual({ detail: "Request URL too long" });
      expect(response.body).not.toContain("aaaaaaaaaa");
    });

    it("a URL that is not valid percent-encoding gets { detail } without the URL", async () => {
      const response = await inject("GET", "/api/strategy/%E0%A4%A");
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({ detail: "Malformed request" });
    });

    it("431 and an over-long URL from node's parser answer { detail } in JSON", async () => {
      await harness.app.listen({ port: 0, host: "127.0.0.1" });
      const { port } = harness.app.server.address() as { port: number };
      const headers = await rawGet(port, "/health", { "x-big": "b".repeat(20_000) });
      expect(headers.status).toBe(431);
      expect(JSON.parse(headers.body)).toEqual({ detail: "Request headers too large" });
      const url = await rawGet(port, `/api/strategy/${"c".repeat(20_000)}`);
      expect([414, 431]).toContain(url.status);
      expect(Object.keys(JSON.parse(url.body))).toEqual(["detail"]);
      expect(url.body).not.toContain("cccccccccc");
    });
  });

  describe("bodies", () => {
    it("invalid UTF-8 in a JSON body is a 400, never silently replaced", async () => {
      const body = Buffer.concat([
        Buffer.from('{"brand_name":"'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('","industry":"x","target_audience":"y","goals":"z"}'),
      ]);
      const response = await harness.app.inject({
        method: "POST",
        url: "/api/strategy/generate",
        headers: { ...auth(), "content-type": "application/json" },
        payload: body,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({ detail: "Validation error", errors: [{ field: "body", message: "Body must be valid UTF-8" }] });
    });

    it("a declared charset other than UTF-8 is a 415; utf-8 is honoured", async () => {
      const send = (charset: string) =>
        harness.app.inject({
          method: "POST",
          url: `/api/strategy/${strategyId}/plan`,
          headers: { ...auth(), "content-type": `application/json; charset=${charset}` },
          payload: JSON.stringify({ start_date: "9999-12-31" }),
        });
      const latin = await send("iso-8859-1");
      expect(latin.statusCode).toBe(415);
      expect(latin.json()).toEqual({ detail: "Unsupported content type" });
      expect((await send("UTF-8")).statusCode).toBe(400);
    });
  });

  describe("dates", () => {
    it("start dates 9999-12-31 and 0000-01-01 are 400 naming start_date, and never reach the model", async () => {
      const calls = model.calls;
      for (const start_date of ["9999-12-31", "0000-01-01"]) {
        const response = await inject("POST", `/api/strategy/${strategyId}/plan`, { start_date });
        expect(response.statusCode).toBe(400);
        expect(response.json().errors).toEqual([
          { field: "start_date", message: expect.stringMatching(/^Must be between \d{4}-\d\d-\d\d and \d{4}-\d\d-\d\d$/) },
        ]);
      }
      expect(model.calls).toBe(calls);
    });

    it("a far scheduled_at is 400 naming the field", async () => {
      const post = plan.posts[0]!;
      const response = await inject("PATCH", `/api/strategy/${strategyId}/posts/${post.id}`, { scheduled_at: "9999-12-31T09:00:00+00:00" });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([{ field: "scheduled_at", message: expect.stringContaining("Must be between") }]);
    });
  });

  describe("cursors", () => {
    it("another list's cursor is 400 on the strategy list, never 500", async () => {
      const codec = new CursorCodec(TEST_SECRET);
      const images = codec.encode(owner, { jobId: "j", strategyId, createdAt: "2026-01-01T00:00:00.000Z" }, "images");
      const messages = codec.encode(owner, { strategyId, itemKey: "message#000001#0" }, "messages");
      for (const cursor of [images, messages]) {
        const response = await inject("GET", `/api/strategy/list?cursor=${encodeURIComponent(cursor)}`);
        expect(response.statusCode).toBe(400);
        expect(response.json()).toEqual({ detail: "Validation error", errors: [{ field: "cursor", message: "Invalid cursor" }] });
      }
      const strategies = codec.encode(owner, { strategyId, userId: owner, createdAt: "2026-01-01T00:00:00.000Z" }, "strategies");
      const images2 = await inject("GET", `/api/strategy/${strategyId}/images?cursor=${encodeURIComponent(strategies)}`);
      expect(images2.statusCode).toBe(400);
    });
  });

  describe("concurrent edits of one post", () => {
    it("three concurrent edits: every 200 is kept, the others get 409", async () => {
      const post = plan.posts.find((candidate) => candidate.platform !== "x") ?? plan.posts[0]!;
      const url = `/api/strategy/${strategyId}/posts/${post.id}`;
      const edits: Partial<PlanPost>[] = [{ status: "approved" }, { caption: `${post.caption} Edited.` }, { hashtags: ["#edited"] }];
      const answers = await Promise.all(edits.map((edit) => inject("PATCH", url, edit)));
      const statuses = answers.map((answer) => answer.statusCode).sort();
      expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
      expect(statuses).toContain(200);
      const stored = ((await inject("GET", `/api/strategy/${strategyId}/plan`)).json() as Plan).posts.find((candidate) => candidate.id === post.id)!;
      answers.forEach((answer, index) => {
        if (answer.statusCode === 200) expect(stored).toMatchObject(edits[index]!);
        else expect(answer.json()).toEqual({ detail: "Post was changed by another request" });
      });
      // Edits in turn all land.
      for (const edit of edits) expect((await inject("PATCH", url, edit)).statusCode).toBe(200);
      expect(((await inject("GET", `/api/strategy/${strategyId}/plan`)).json() as Plan).posts.find((candidate) => candidate.id === post.id)).toMatchObject(
        Object.assign({}, ...edits),
      );
    });
  });

  describe("time zones", () => {
    it("a lower-case time zone is stored canonically", async () => {
      const response = await inject("POST", `/api/strategy/${strategyId}/plan`, { weeks: 1, timezone: "europe/paris" });
      expect(response.statusCode).toBe(200);
      expect(response.json().timezone).toBe("Europe/Paris");
      expect((await inject("GET", `/api/strategy/${strategyId}/plan`)).json().timezone).toBe("Europe/Paris");
      const brand = await inject("POST", "/api/brands", {
        name: "Juniper",
        industry: "Coffee",
        target_audience: "Commuters",
        default_timezone: "america/new_york",
      });
      expect(brand.json().default_timezone).toBe("America/New_York");
    });
  });

  describe("banned words", () => {
    it("an edit in fullwidth, with a zero-width space or with a Cyrillic look-alike is refused", async () => {
      const brand = await inject("POST", "/api/brands", {
        name: "Thrift",
        industry: "Retail",
        target_audience: "Students",
        goals: "Sales",
        voice: { banned_words: ["cheap"] },
      });
      expect(brand.statusCode, brand.body).toBe(201);
      const generated = await inject("POST", "/api/strategy/generate", { brand_id: brand.json().id });
      expect(generated.statusCode, generated.body).toBe(200);
      const id = generated.json().id as string;
      const made = await inject("POST", `/api/strategy/${id}/plan`, { weeks: 1 });
      expect(made.statusCode, made.body).toBe(200);
      const post = (made.json() as Plan).posts[0]!;
      for (const caption of ["So ｃｈｅａｐ today", "So c\u200bheap today", "So ch\u0435ap today"]) {
        const response = await inject("PATCH", `/api/strategy/${id}/posts/${post.id}`, { caption });
        expect(response.statusCode, caption).toBe(400);
        expect(response.json().errors[0].message).toContain('"cheap"');
      }
    });
  });

  describe("logs", () => {
    it("a 4xx on POST is logged as rejected, not as a client that went away; a 500 on POST logs at error", async () => {
      lines.length = 0;
      await inject("POST", `/api/strategy/${strategyId}/plan`, { start_date: "9999-12-31" });
      await inject("PATCH", `/api/strategy/${strategyId}/posts/none`, { status: "approved" });
      const failed = await inject("POST", "/api/strategy/generate", { ...BRIEF, model: "broken" });
      expect(failed.statusCode).toBe(500);
      const logged = entries();
      expect(logged.filter((entry) => entry.msg === "client went away before the answer")).toEqual([]);
      expect(logged.filter((entry) => entry.msg === "request rejected").length).toBeGreaterThanOrEqual(2);
      expect(logged.find((entry) => entry.msg === "request failed" && entry.code === "generation_failed")).toMatchObject({ level: 50 });
    });

    it("an access-denied line carries strategy_id once", async () => {
      lines.length = 0;
      const denied = await inject("POST", `/api/strategy/${strategyId}/refine`, { message: "warmer" }, "intruder");
      expect(denied.statusCode).toBe(403);
      const line = lines.find((candidate) => candidate.includes("access to another user's strategy denied"))!;
      expect(line.match(/"strategy_id"/g)).toHaveLength(1);
    });
  });
});
