import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OfflineModel } from "../src/agent/offline-model";
import { startHarness, VALID_BRIEF, type Harness } from "./support/harness";

describe("graceful shutdown", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ models: [{ id: "slow-offline", model: new OfflineModel({ chunkDelayMs: 100, chunks: 6 }) }] });
  });
  afterAll(() => harness.close().catch(() => undefined));

  it("lets an in-flight generation finish and store before the server closes", async () => {
    const url = await harness.app.listen({ host: "127.0.0.1", port: 0 });
    const headers = { authorization: `Bearer ${harness.token("closing-user")}`, "content-type": "application/json" };
    const inFlight = fetch(`${url}/api/strategy/generate`, { method: "POST", headers, body: JSON.stringify(VALID_BRIEF) });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const closing = harness.app.close();
    const response = await inFlight;
    expect(response.status).toBe(200);
    const { id } = (await response.json()) as { id: string };
    await closing;
    expect(await harness.storedItem(id)).toBeDefined();
  });
});
