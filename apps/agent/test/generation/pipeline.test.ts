import { StrategyOutput } from "@strategist/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ModelCatalog } from "../../src/models/catalog";
import { offlineEntry } from "../../src/models/providers";
import { readTask, taskLine } from "../../src/models/offline/protocol";
import { StructuredOutputFailure } from "../../src/models/failures";
import { ModelCaller } from "../../src/models/model-call";
import { startHarness, VALID_BRIEF, type Harness } from "../support/harness";
import { CountingOfflineModel } from "../support/models";
import { parseSse } from "../support/sse";
import { OFFLINE_WRITERS } from "../../src/main/offline-writers";

describe("the shared pipeline on the stream route", () => {
  let harness: Harness;
  const model = new CountingOfflineModel();
  beforeAll(async () => {
    harness = await startHarness({ models: [{ id: "offline", model }] });
  });
  afterAll(() => harness.close());

  const stream = (user: string, body: object, headers: Record<string, string> = {}) =>
    harness.app.inject({
      method: "POST",
      url: "/api/strategy/generate/stream",
      headers: { authorization: `Bearer ${harness.token(user)}`, ...headers },
      payload: body,
    });

  it("replays a finished stream under the same Idempotency-Key without calling the model again", async () => {
    const before = model.calls;
    const first = parseSse((await stream("p-idem", VALID_BRIEF, { "idempotency-key": "stream-key-1" })).body);
    const second = parseSse((await stream("p-idem", VALID_BRIEF, { "idempotency-key": "stream-key-1" })).body);
    expect(first.at(-1)!.event).toBe("completed");
    expect(second.map((event) => event.event)).toEqual(["started", "completed"]);
    expect(second.at(-1)!.data).toEqual(first.at(-1)!.data);
    expect(model.calls - before).toBe(1);
    const reused = await stream("p-idem", { ...VALID_BRIEF, goals: "Something else" }, { "idempotency-key": "stream-key-1" });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().errors).toEqual([{ field: "Idempotency-Key", message: "Reused with a different request" }]);
  });

  it("refuses an unknown model with a plain 400 before the stream opens, without calling the model", async () => {
    const before = model.calls;
    const response = await stream("p-model", { ...VALID_BRIEF, model: "no-such-model" });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ detail: "Validation error", errors: [{ field: "model", message: "Unknown or disabled model" }] });
    expect(model.calls).toBe(before);
  });
});

describe("the offline model's task dispatch", () => {
  const models = new ModelCaller(new ModelCatalog([offlineEntry(OFFLINE_WRITERS, true)]));
  const options = () => ({ signal: new AbortController().signal, deadline: Date.now() + 5_000 });

  it("reads the task line, and treats a turn without one as a strategy", () => {
    expect(readTask(`${taskLine("refine")}\nmake it formal`)).toEqual({ task: "refine", body: "make it formal" });
    expect(readTask("no task here")).toEqual({ task: "strategy", body: "no task here" });
  });

  it("fails plainly, as a structured-output failure, for a task it has no writer for", async () => {
    const call = models.call({ schema: StrategyOutput, systemPrompt: "s", prompt: `${taskLine("no-such-task")}\nhello` }, options());
    await expect(call).rejects.toBeInstanceOf(StructuredOutputFailure);
  });
});
