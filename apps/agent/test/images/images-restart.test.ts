import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLocalBedrock, type LocalBedrock } from "@strategist/local-bedrock";
import { pngDimensions } from "@strategist/composer/placeholder-image";
import { createSigner } from "fast-jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServerProcess, type ServerProcess } from "../support/server-process";
import { TEST_SECRET, VALID_BRIEF } from "../support/harness";

type Json = Record<string, any>;
const NOVA_CANVAS = "amazon.nova-canvas-v1:0";
const CLAUDE = "us.anthropic.claude-sonnet-4-20250514-v1:0";

describe("an image job survives the agent being killed mid-job", () => {
  let bedrock: LocalBedrock;
  let dataDir: string;
  let server: ServerProcess | undefined;
  const token = createSigner({ key: TEST_SECRET, algorithm: "HS256", expiresIn: 3_600_000 })({ userId: "survivor" });
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };

  beforeAll(async () => {
    bedrock = await startLocalBedrock();
    dataDir = mkdtempSync(join(tmpdir(), "agent-images-"));
  });
  afterAll(async () => {
    server?.child.kill("SIGKILL");
    await server?.exited;
    await bedrock.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = () =>
    startServerProcess({
      JWT_SECRET: TEST_SECRET,
      DATA_DIR: dataDir,
      LOG_LEVEL: "info",
      MODEL_PROVIDER: "bedrock",
      BEDROCK_ENDPOINT: bedrock.endpoint,
      BEDROCK_MODEL_ID: CLAUDE,
      BEDROCK_MODELS: CLAUDE,
      AWS_ACCESS_KEY_ID: "local",
      AWS_SECRET_ACCESS_KEY: "local",
      AGENT_TIMEOUT_SECONDS: "30",
      IMAGE_JOB_LEASE_SECONDS: "2",
      IMAGE_JOB_SWEEP_SECONDS: "1",
    });

  it("is claimed again after its lease and completes after a restart", async () => {
    server = await start();
    const strategy = (await (
      await fetch(`${server.url}/api/strategy/generate`, { method: "POST", headers, body: JSON.stringify(VALID_BRIEF) })
    ).json()) as Json;
    bedrock.script({ kind: "stall", modelId: NOVA_CANVAS });
    const accepted = await fetch(`${server.url}/api/strategy/${strategy.id}/images`, { method: "POST", headers, body: JSON.stringify({ prompt_index: 0 }) });
    expect(accepted.status).toBe(202);
    const jobUrl = accepted.headers.get("location")!;
    while (!bedrock.requests.some((request) => request.operation === "InvokeModel")) await new Promise((resolve) => setTimeout(resolve, 25));
    const running = (await (await fetch(`${server.url}${jobUrl}`, { headers })).json()) as Json;
    expect(running).toMatchObject({ status: "processing", attempts: 1 });

    server.child.kill("SIGKILL");
    await server.exited;
    server = await start();

    let job: Json = {};
    for (let i = 0; i < 200 && job.status !== "completed" && job.status !== "failed"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = (await (await fetch(`${server.url}${jobUrl}`, { headers })).json()) as Json;
    }
    expect(job).toMatchObject({ status: "completed", attempts: 2, progress: 100 });
    expect(bedrock.requests.filter((request) => request.operation === "InvokeModel")).toHaveLength(2);
    expect(server.logs.some((line) => line.includes("lease lapsed; claimed again"))).toBe(true);
    const bytes = Buffer.from(await (await fetch(job.image.url)).arrayBuffer());
    expect(pngDimensions(bytes)).toEqual({ width: 1024, height: 1024 });
  });
});
