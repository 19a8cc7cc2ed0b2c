import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { ERROR_DETAILS, StrategyRecord, VersionList } from "@strategist/schemas";
import type { Message, ModelStreamEvent, StreamOptions } from "@strands-agents/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, VALID_BRIEF, type Harness } from "../support/harness";
import { OfflineModel } from "../../src/models/offline/model";
import { REFINE_WINDOW_EXCHANGES } from "../../src/conversations/session";
import { CountingOfflineModel, HangingModel, ThrowingModel } from "../support/models";
import { parseSse, readSse } from "../support/sse";
import { OFFLINE_WRITERS } from "../../src/main/offline-writers";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

const auth = (user: string) => ({ authorization: `Bearer ${harness.token(user)}` });
async function generated(user: string): Promise<StrategyRecord> {
  const response = await harness.app.inject({ method: "POST", url: "/api/strategy/generate", headers: auth(user), payload: VALID_BRIEF });
  expect(response.statusCode).toBe(200);
  return response.json();
}
const refine = (user: string, id: string, message: unknown) =>
  harness.app.inject({ method: "POST", url: `/api/strategy/${id}/refine`, headers: auth(user), payload: { message } });
const get = (user: string, url: string) => harness.app.inject({ url, headers: auth(user) });

describe("refine by chat with the offline model", () => {
  it("applies platform, pillar, frequency and tone instructions, stores version 2 and says what changed", async () => {
    const original = await generated("r-happy");
    expect(original).toMatchObject({ version: 1, updated_at: original.created_at });
    const platforms = original.strategy_output.platform_recommendations.map((entry) => entry.platform);
    const dropped = platforms[0]!;
    const response = await refine("r-happy", original.id, `Drop ${dropped}, add a pillar about sustainability. Post daily and make it more formal`);
    expect(response.statusCode).toBe(200);
    const revised = StrategyRecord.parse(response.json());
    expect(revised).toMatchObject({ id: original.id, version: 2, created_at: original.created_at, brand_name: original.brand_name });
    expect(revised.strategy_output.platform_recommendations.map((entry) => entry.platform)).not.toContain(dropped);
    expect(revised.strategy_output.content_pillars).toContain("Sustainability");
    expect(revised.strategy_output.posting_schedule).toMatch(/^Post every day/);
    // The tone changes the wording; the instruction is never written into the strategy.
    expect(JSON.stringify(revised.strategy_output)).not.toMatch(/voice:|formal/iu);

    expect((await get("r-happy", `/api/strategy/${original.id}`)).json()).toEqual(revised);
    const versions = VersionList.parse((await get("r-happy", `/api/strategy/${original.id}/versions`)).json());
    expect(versions.map(({ version, kind }) => [version, kind])).toEqual([
      [2, "refine"],
      [1, "generate"],
    ]);
    expect(versions[0]!.message).toContain("sustainability");
    expect((await get("r-happy", `/api/strategy/${original.id}/versions/1`)).json()).toEqual(original);
    expect((await get("r-happy", `/api/strategy/${original.id}/versions/2`)).json()).toEqual(revised);
    const missing = await get("r-happy", `/api/strategy/${original.id}/versions/3`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ detail: "Version not found" });

    const messages = (await get("r-happy", `/api/strategy/${original.id}/messages`)).json();
    expect(messages.map((message: { role: string; version: number }) => [message.role, message.version])).toEqual([
      ["user", 2],
      ["assistant", 2],
    ]);
    const summary: string = messages[1].content;
    expect(summary).toContain(`removed ${dropped}`);
    expect(summary).toContain('added the pillar "Sustainability"');
    expect(summary).toContain("every day");
    expect(summary).toContain("more formal");
  });

  it("says plainly what it could not follow, and pretends nothing", async () => {
    const original = await generated("r-honest");
    const response = await refine("r-honest", original.id, "Write the captions in French");
    expect(response.statusCode).toBe(200);
    expect(response.json().strategy_output).toEqual(original.strategy_output);
    const [, assistant] = (await get("r-honest", `/api/strategy/${original.id}/messages`)).json();
    expect(assistant.content).toMatch(/^I changed nothing\. I could not follow "Write the captions in French"/);
  });

  it("keeps the bounds: never fewer than two platforms, and says so", async () => {
    const original = await generated("r-bounds");
    const names = original.strategy_output.platform_recommendations.map((entry) => entry.platform);
    const response = await refine("r-bounds", original.id, `Remove ${names.join(" and ")}`);
    expect(response.json().strategy_output.platform_recommendations).toHaveLength(2);
    const [, assistant] = (await get("r-bounds", `/api/strategy/${original.id}/messages`)).json();
    expect(assistant.content).toContain("a strategy keeps at least 2 platforms");
  });

  it("validates the message: trimmed, 1-2000 characters, with the field named", async () => {
    const original = await generated("r-valid");
    for (const message of ["   ", "x".repeat(2001), 42]) {
      const response = await refine("r-valid", original.id, message);
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].field).toBe("message");
    }
    expect((await refine("r-valid", original.id, ` ${"x".repeat(2000)} `)).statusCode).toBe(200);
  });

  it("streams a refine with the events of generate/stream, ending with the new version", async () => {
    const original = await generated("r-stream");
    const response = await harness.app.inject({
      method: "POST",
      url: `/api/strategy/${original.id}/refine/stream`,
      headers: auth("r-stream"),
      payload: { message: "more casual" },
    });
    const events = parseSse(response.body);
    expect(events[0]!.event).toBe("started");
    expect(events.filter((event) => event.event === "section").length).toBeGreaterThan(0);
    expect(events.at(-1)).toMatchObject({ event: "completed", data: { id: original.id, version: 2 } });
    expect(events.some((event) => event.event === "section" && event.data.section === "change_summary")).toBe(false);
  });

  it("regenerates afresh from the same brief as a new version", async () => {
    const original = await generated("r-regen");
    const response = await harness.app.inject({ method: "POST", url: `/api/strategy/${original.id}/regenerate`, headers: auth("r-regen") });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ version: 2, brand_name: original.brand_name });
    const versions = (await get("r-regen", `/api/strategy/${original.id}/versions`)).json();
    expect(versions[0]).toMatchObject({ version: 2, kind: "regenerate", model: "offline" });
  });

  it("reads a strategy stored before versions existed as version 1, and refines it to version 2", async () => {
    const id = "legacy-strategy-1";
    const original = await generated("r-legacy");
    const { version: _version, updated_at: _updated, ...legacy } = original;
    await harness.client.send(
      new PutCommand({
        TableName: harness.table,
        Item: {
          strategyId: id,
          userId: "r-legacy",
          brandName: legacy.brand_name,
          industry: legacy.industry,
          targetAudience: legacy.target_audience,
          goals: legacy.goals,
          strategyOutput: legacy.strategy_output,
          createdAt: legacy.created_at,
          modelId: legacy.model,
        },
      }),
    );
    expect((await get("r-legacy", `/api/strategy/${id}`)).json()).toMatchObject({ version: 1, updated_at: legacy.created_at });
    expect((await get("r-legacy", `/api/strategy/${id}/versions`)).json()).toEqual([
      { version: 1, kind: "generate", created_at: legacy.created_at, model: legacy.model },
    ]);
    expect((await refine("r-legacy", id, "more formal")).json().version).toBe(2);
    expect((await get("r-legacy", `/api/strategy/${id}/versions/1`)).json().strategy_output).toEqual(legacy.strategy_output);
  });
});

describe("delete", () => {
  it("removes the strategy, its versions, messages and session; another user's is 403 and a missing one 404", async () => {
    const original = await generated("d-owner");
    await refine("d-owner", original.id, "more casual");
    expect((await harness.strategyItems(original.id)).length).toBeGreaterThanOrEqual(4);
    const foreign = await harness.app.inject({ method: "DELETE", url: `/api/strategy/${original.id}`, headers: auth("d-other") });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json()).toEqual({ detail: ERROR_DETAILS.access_denied });
    expect((await get("d-owner", `/api/strategy/${original.id}`)).statusCode).toBe(200);
    const deleted = await harness.app.inject({ method: "DELETE", url: `/api/strategy/${original.id}`, headers: auth("d-owner") });
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe("");
    expect((await get("d-owner", `/api/strategy/${original.id}`)).statusCode).toBe(404);
    expect((await get("d-owner", "/api/strategy/list")).json()).toEqual([]);
    expect(await harness.strategyItems(original.id)).toEqual([]);
    const again = await harness.app.inject({ method: "DELETE", url: `/api/strategy/${original.id}`, headers: auth("d-owner") });
    expect(again.statusCode).toBe(404);
    expect(again.json()).toEqual({ detail: ERROR_DETAILS.not_found });
  });
});

describe("refine through the shared pipeline", () => {
  it("honours an Idempotency-Key: a retry returns the same version without calling the model; another message is 400", async () => {
    const model = new CountingOfflineModel();
    const local = await startHarness({ models: [{ id: "offline", model }] });
    try {
      const headers = { authorization: `Bearer ${local.token("i-user")}`, "idempotency-key": "refine-once" };
      const original = (
        await local.app.inject({ method: "POST", url: "/api/strategy/generate", headers: { authorization: headers.authorization }, payload: VALID_BRIEF })
      ).json();
      const send = (message: string, url = `/api/strategy/${original.id}/refine`) => local.app.inject({ method: "POST", url, headers, payload: { message } });
      const calls = model.calls;
      const first = await send("more formal");
      const retry = await send("more formal");
      expect(retry.json()).toEqual(first.json());
      expect(first.json().version).toBe(2);
      expect(model.calls - calls).toBe(1);
      const stream = parseSse((await send("more formal", `/api/strategy/${original.id}/refine/stream`)).body);
      expect(stream.map((event) => event.event)).toEqual(["started", "completed"]);
      expect(stream[1]!.data).toEqual(first.json());
      const reused = await send("more casual");
      expect(reused.statusCode).toBe(400);
      expect(reused.json().errors).toEqual([{ field: "Idempotency-Key", message: "Reused with a different request" }]);
      expect(model.calls - calls).toBe(1);
    } finally {
      await local.close();
    }
  });

  it("stores nothing for a refine that fails, times out or is abandoned: no version, no message, no session change", async () => {
    const local = await startHarness({
      models: [
        { id: "offline", model: new OfflineModel(OFFLINE_WRITERS) },
        { id: "broken", model: new ThrowingModel() },
        { id: "hanging", model: new HangingModel() },
        { id: "slow", model: new OfflineModel(OFFLINE_WRITERS, { chunkDelayMs: 80, chunks: 10 }) },
      ],
      env: { AGENT_TIMEOUT_SECONDS: "1" },
    });
    try {
      const authorization = `Bearer ${local.token("f-user")}`;
      const original = (await local.app.inject({ method: "POST", url: "/api/strategy/generate", headers: { authorization }, payload: VALID_BRIEF })).json();
      const refined = await local.app.inject({
        method: "POST",
        url: `/api/strategy/${original.id}/refine`,
        headers: { authorization },
        payload: { message: "more formal" },
      });
      expect(refined.statusCode).toBe(200);
      const itemsBefore = await local.strategyItems(original.id);
      const headBefore = await local.storedItem(original.id);

      const broken = await local.app.inject({
        method: "POST",
        url: `/api/strategy/${original.id}/refine`,
        headers: { authorization },
        payload: { message: "drop TikTok", model: "broken" },
      });
      expect(broken.statusCode).toBe(500);
      const hanging = await local.app.inject({
        method: "POST",
        url: `/api/strategy/${original.id}/refine`,
        headers: { authorization },
        payload: { message: "drop TikTok", model: "hanging" },
      });
      expect(hanging.statusCode).toBe(504);
      expect(hanging.json()).toEqual({ detail: ERROR_DETAILS.timeout });
      const url = `${await local.app.listen({ host: "127.0.0.1", port: 0 })}/api/strategy/${original.id}/refine/stream`;
      const { events } = await readSse(
        url,
        { method: "POST", headers: { authorization, "content-type": "application/json" }, body: JSON.stringify({ message: "drop TikTok", model: "slow" }) },
        (event) => event.event === "section",
      );
      expect(events.at(-1)!.event).toBe("section");
      await new Promise((resolve) => setTimeout(resolve, 1_200));

      expect(await local.strategyItems(original.id)).toEqual(itemsBefore);
      expect(await local.storedItem(original.id)).toEqual(headBefore);
    } finally {
      await local.close();
    }
  });

  it("stores only the head for a generation; the first change keeps version 1 before it moves the head, even when it then loses the race", async () => {
    let reached!: () => void;
    const atModel = new Promise<void>((resolve) => (reached = resolve));
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    /** The offline model, held at its first call until the test lets it answer. */
    class GatedOfflineModel extends OfflineModel {
      override async *stream(messages: Message[], options?: StreamOptions): AsyncGenerator<ModelStreamEvent> {
        reached();
        await gate;
        yield* super.stream(messages, options);
      }
    }
    const local = await startHarness({
      models: [
        { id: "offline", model: new OfflineModel(OFFLINE_WRITERS) },
        { id: "gated", model: new GatedOfflineModel(OFFLINE_WRITERS) },
      ],
    });
    try {
      const authorization = `Bearer ${local.token("v1-user")}`;
      const original: StrategyRecord = (
        await local.app.inject({ method: "POST", url: "/api/strategy/generate", headers: { authorization }, payload: VALID_BRIEF })
      ).json();
      expect(await local.strategyItems(original.id)).toEqual([]);
      expect((await local.app.inject({ url: `/api/strategy/${original.id}/versions/1`, headers: { authorization } })).json()).toEqual(original);

      const refining = local.app.inject({
        method: "POST",
        url: `/api/strategy/${original.id}/refine`,
        headers: { authorization },
        payload: { message: "more formal", model: "gated" },
      });
      await atModel;
      // Another writer moves the head to version 2 and dies before it snapshots anything.
      const head = (await local.storedItem(original.id))!;
      await local.client.send(new PutCommand({ TableName: local.table, Item: { ...head, version: 2 } }));
      open();
      expect((await refining).statusCode).toBe(409);

      const items = await local.strategyItems(original.id);
      expect(items.map((item) => item.itemKey)).toEqual(["version#000001"]);
      // The head is at version 2 now, so this is read from the snapshot.
      expect((await local.app.inject({ url: `/api/strategy/${original.id}/versions/1`, headers: { authorization } })).json()).toEqual(original);
    } finally {
      await local.close();
    }
  });

  it("counts refines against the same per-user rate limit as generate", async () => {
    const limited = await startHarness({ env: { RATE_LIMIT_PER_MINUTE: "2" } });
    try {
      const headers = { authorization: `Bearer ${limited.token("l-user")}` };
      const original = (await limited.app.inject({ method: "POST", url: "/api/strategy/generate", headers, payload: VALID_BRIEF })).json();
      const refineOnce = () => limited.app.inject({ method: "POST", url: `/api/strategy/${original.id}/refine`, headers, payload: { message: "more casual" } });
      expect((await refineOnce()).statusCode).toBe(200);
      const third = await refineOnce();
      expect(third.statusCode).toBe(429);
      expect(third.headers["retry-after"]).toBeTruthy();
      const regenerate = await limited.app.inject({ method: "POST", url: `/api/strategy/${original.id}/regenerate`, headers, payload: {} });
      expect(regenerate.statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe("the OpenAPI document", () => {
  it("describes every new route with its operation id, from the same zod schemas", async () => {
    const spec = (await harness.app.inject({ url: "/docs/json" })).json();
    const operations = {
      "/api/strategy/{id}/refine": ["post", "refineStrategy"],
      "/api/strategy/{id}/refine/stream": ["post", "refineStrategyStream"],
      "/api/strategy/{id}/regenerate": ["post", "regenerateStrategy"],
      "/api/strategy/{id}/versions": ["get", "listStrategyVersions"],
      "/api/strategy/{id}/versions/{version}": ["get", "getStrategyVersion"],
      "/api/strategy/{id}/versions/{version}/restore": ["post", "restoreStrategyVersion"],
      "/api/strategy/{id}/messages": ["get", "listStrategyMessages"],
      "/api/strategy/{id}": ["delete", "deleteStrategy"],
    } as const;
    for (const [path, [method, operationId]] of Object.entries(operations)) {
      expect(spec.paths[path]?.[method]?.operationId, `${method} ${path}`).toBe(operationId);
    }
    const refine = spec.paths["/api/strategy/{id}/refine"].post;
    expect(Object.keys(refine.responses)).toEqual(expect.arrayContaining(["200", "400", "403", "404", "409", "429", "503", "504"]));
    expect(refine.requestBody.content["application/json"].schema.$ref).toBe("#/components/schemas/RefineRequest");
    expect(spec.components.schemas.RefineRequest.properties.message).toMatchObject({ minLength: 1, maxLength: 2000 });
  });
});

describe("the refine session", () => {
  it("keeps only the last REFINE_WINDOW_EXCHANGES exchanges, whole, in one item well under DynamoDB's 400 KB", async () => {
    const original = await generated("s-window");
    const instructions = ["more formal", "add TikTok", "post daily", "more casual", "add a pillar about events", "post 3 times a week"];
    for (const message of instructions) expect((await refine("s-window", original.id, message)).statusCode).toBe(200);
    const sessions = (await harness.strategyItems(original.id)).filter((item) => String(item.itemKey).startsWith("session#"));
    expect(sessions.map((item) => item.itemKey)).toEqual(["session#session/refine/scopes/agent/agent/snapshots/snapshot_latest.json"]);
    const bytes = sessions[0]!.body as Uint8Array;
    expect(bytes.byteLength).toBeLessThan(200 * 1024);
    const snapshot = JSON.parse(new TextDecoder().decode(bytes)) as { data: { messages: { role: string; content: { text?: string }[] }[] } };
    const said = snapshot.data.messages.flatMap((message) => message.content.flatMap((block) => (block.text ? [`${message.role}: ${block.text}`] : [])));
    const instructionsKept = said.filter((line) => line.startsWith("user: "));
    expect(instructionsKept).toHaveLength(REFINE_WINDOW_EXCHANGES);
    expect(instructionsKept.map((line) => line.match(/<instruction>(.*)<\/instruction>/)?.[1])).toEqual(instructions.slice(-REFINE_WINDOW_EXCHANGES));
    expect(said.at(-1)).toMatch(/^assistant: Version 7: /);
  });
});
