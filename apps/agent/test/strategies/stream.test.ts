import type { LocalBedrock } from "@strategist/local-bedrock";
import { ERROR_DETAILS, STRATEGY_SECTIONS } from "@strategist/schemas";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { OfflineModel } from "../../src/models/offline/model";
import { startBedrockHarness, type BedrockHarness } from "../support/bedrock-harness";
import { startHarness, VALID_BRIEF, type Harness } from "../support/harness";
import { parseSse, readSse, type SseEvent } from "../support/sse";
import { OFFLINE_WRITERS } from "../../src/main/offline-writers";

function expectSectionsMatch(events: SseEvent[], output: Record<string, unknown>) {
  const complete = events.filter((event) => event.event === "section" && event.data.complete);
  expect(complete.map((event) => event.data.section)).toEqual([...STRATEGY_SECTIONS]);
  for (const event of complete) expect(event.data.value).toEqual(output[event.data.section]);
}

describe("live generation with the offline model", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ models: [{ id: "offline", model: new OfflineModel(OFFLINE_WRITERS, { chunks: 10 }) }] });
  });
  afterAll(() => harness.close());

  it("sends started, the sections in order, then completed with the record GET returns", async () => {
    const response = await harness.app.inject({
      method: "POST",
      url: "/api/strategy/generate/stream",
      headers: { authorization: `Bearer ${harness.token("s-offline")}` },
      payload: VALID_BRIEF,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/event-stream/);
    const events = parseSse(response.body);
    expect(events[0]).toMatchObject({ event: "started", data: { model: "offline", request_id: expect.any(String) } });
    expect(events.at(-1)!.event).toBe("completed");
    const record = events.at(-1)!.data;
    expectSectionsMatch(events, record.strategy_output);
    const fetched = await harness.app.inject({ url: `/api/strategy/${record.id}`, headers: { authorization: `Bearer ${harness.token("s-offline")}` } });
    expect(fetched.json()).toEqual(record);
    expect(events.some((event) => event.event === "section" && !event.data.complete)).toBe(true);
  });

  it("answers validation, auth and rate-limit errors as plain HTTP before any stream", async () => {
    const invalid = await harness.app.inject({
      method: "POST",
      url: "/api/strategy/generate/stream",
      headers: { authorization: `Bearer ${harness.token("s-bad")}` },
      payload: { ...VALID_BRIEF, goals: " " },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors).toEqual([{ field: "goals", message: "Must not be empty or only whitespace" }]);
    const anonymous = await harness.app.inject({ method: "POST", url: "/api/strategy/generate/stream", payload: VALID_BRIEF });
    expect(anonymous.statusCode).toBe(401);
  });

  it("shares the per-user rate limit with /generate", async () => {
    const limited = await startHarness({ env: { RATE_LIMIT_PER_MINUTE: "2" } });
    try {
      const headers = { authorization: `Bearer ${limited.token("s-rate")}` };
      expect((await limited.app.inject({ method: "POST", url: "/api/strategy/generate", headers, payload: VALID_BRIEF })).statusCode).toBe(200);
      expect((await limited.app.inject({ method: "POST", url: "/api/strategy/generate/stream", headers, payload: VALID_BRIEF })).statusCode).toBe(200);
      const third = await limited.app.inject({ method: "POST", url: "/api/strategy/generate/stream", headers, payload: VALID_BRIEF });
      expect(third.statusCode).toBe(429);
      expect(third.headers["retry-after"]).toBeTruthy();
    } finally {
      await limited.close();
    }
  });
});

describe("live generation against the local Bedrock", () => {
  let bedrock: LocalBedrock;
  let harness: BedrockHarness;
  let url: string;

  beforeAll(async () => {
    harness = await startBedrockHarness({ chunks: 8, sseHeartbeatMs: 40 });
    bedrock = harness.bedrock;
    url = `${await harness.app.listen({ host: "127.0.0.1", port: 0 })}/api/strategy/generate/stream`;
  });
  afterAll(() => harness.close());
  beforeEach(() => bedrock.reset());

  const post = (user: string, body: object = VALID_BRIEF) => ({
    method: "POST",
    headers: { authorization: `Bearer ${harness.token(user)}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const storedFor = async (user: string) => (await harness.storedItems()).filter((item) => item.userId === user);

  it("streams sections from a slow stream well before completion, with heartbeats while idle", async () => {
    bedrock.setDefault({ kind: "answer", chunkDelayMs: 60, chunks: 8 });
    const { events, raw } = await readSse(url, post("s-slow"));
    const first = events.find((event) => event.event === "section")!;
    const completed = events.find((event) => event.event === "completed")!;
    expect(completed.at - first.at).toBeGreaterThan(150);
    expectSectionsMatch(events, completed.data.strategy_output);
    expect(raw).toContain(": heartbeat");
    expect(await storedFor("s-slow")).toHaveLength(1);
  });

  it("sends reset when the first attempt fails validation, then the corrected strategy", async () => {
    bedrock.script({ kind: "invalidOutput" });
    const { events } = await readSse(url, post("s-reset"));
    const names = events.map((event) => event.event);
    expect(names).toContain("reset");
    const afterReset = events.slice(names.indexOf("reset"));
    expect(afterReset.at(-1)!.event).toBe("completed");
    expectSectionsMatch(afterReset, afterReset.at(-1)!.data.strategy_output);
    expect(await storedFor("s-reset")).toHaveLength(1);
  });

  it("sends reset after a stream cut midway, then completes on the retry", async () => {
    bedrock.script({ kind: "cut", afterEvents: 8 });
    const { events } = await readSse(url, post("s-cut"));
    const names = events.map((event) => event.event);
    expect(names.indexOf("section")).toBeLessThan(names.indexOf("reset"));
    expect(names.at(-1)).toBe("completed");
    expect(bedrock.requests).toHaveLength(2);
    expect(await storedFor("s-cut")).toHaveLength(1);
  });

  it("ends a stalled stream with the 504 error event and stores nothing", async () => {
    bedrock.setDefault({ kind: "stall", afterEvents: 5 });
    const { events, raw } = await readSse(url, post("s-stall"));
    expect(events.at(-1)).toMatchObject({ event: "error", data: { status: 504, body: { detail: ERROR_DETAILS.timeout } } });
    expect(events.map((event) => event.event)).not.toContain("completed");
    expect(raw).toContain(": heartbeat");
    expect(await storedFor("s-stall")).toEqual([]);
  });

  it("sends the 503 error event when Bedrock stays throttled, storing nothing", async () => {
    bedrock.setDefault({ kind: "httpError", error: "ThrottlingException" });
    const { events } = await readSse(url, post("s-throttle"));
    expect(events.at(-1)).toMatchObject({
      event: "error",
      data: { status: 503, body: { detail: ERROR_DETAILS.unavailable }, retry_after: expect.any(Number) },
    });
    expect(await storedFor("s-throttle")).toEqual([]);
  });

  it("aborts the model call when the client disconnects, and stores nothing", async () => {
    bedrock.setDefault({ kind: "answer", chunkDelayMs: 80, chunks: 10 });
    const { events } = await readSse(url, post("s-gone"), (event) => event.event === "section");
    expect(events.at(-1)!.event).toBe("section");
    await expect.poll(() => bedrock.aborted, { timeout: 3_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await storedFor("s-gone")).toEqual([]);
  });
});
