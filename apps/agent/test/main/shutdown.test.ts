import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OfflineModel } from "../../src/models/offline/model";
import { closeGracefully } from "../../src/main/app";
import { startHarness, VALID_BRIEF, type Harness } from "../support/harness";
import { OFFLINE_WRITERS } from "../../src/main/offline-writers";

describe("graceful shutdown", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ models: [{ id: "slow-offline", model: new OfflineModel(OFFLINE_WRITERS, { chunkDelayMs: 100, chunks: 6 }) }] });
  });
  afterAll(() => harness.close().catch(() => undefined));

  it("lets an in-flight generation finish and store before the server closes", async () => {
    const url = await harness.app.listen({ host: "127.0.0.1", port: 0 });
    const headers = { authorization: `Bearer ${harness.token("closing-user")}`, "content-type": "application/json" };
    const inFlight = fetch(`${url}/api/strategy/generate`, { method: "POST", headers, body: JSON.stringify(VALID_BRIEF) });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const closing = closeGracefully(harness.app);
    const response = await inFlight;
    expect(response.status).toBe(200);
    const { id } = (await response.json()) as { id: string };
    await closing;
    expect(await harness.storedItem(id)).toBeDefined();
  });

  it("closes promptly when a client that hung up left a spare keep-alive connection open", async () => {
    const local = await startHarness({ models: [{ id: "slow-offline", model: new OfflineModel(OFFLINE_WRITERS, { chunkDelayMs: 100, chunks: 6 }) }] });
    const url = await local.app.listen({ host: "127.0.0.1", port: 0 });
    const controller = new AbortController();
    const response = await fetch(`${url}/api/strategy/generate/stream`, {
      method: "POST",
      headers: { authorization: `Bearer ${local.token("spare-user")}`, "content-type": "application/json" },
      body: JSON.stringify(VALID_BRIEF),
      signal: controller.signal,
    });
    await response.body!.getReader().read();
    // fetch (undici) opens a fresh connection after an abort; it never carries a request.
    controller.abort();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    await closeGracefully(local.app);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
