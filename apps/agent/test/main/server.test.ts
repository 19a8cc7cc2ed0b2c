import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSigner } from "fast-jwt";
import { afterAll, describe, expect, it } from "vitest";
import { VALID_BRIEF } from "../support/harness";
import { runServerExpectingExit, startServerProcess } from "../support/server-process";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "agent-server-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("the agent entry point on embedded defaults", () => {
  it("starts dynalite itself, keeps strategies across a restart, and keeps its development secret private", async () => {
    const dataDir = tempDir();
    let server = await startServerProcess({ DATA_DIR: dataDir });
    const secret = readFileSync(join(dataDir, "jwt-secret"), "utf8").trim();
    expect(statSync(join(dataDir, "jwt-secret")).mode & 0o777).toBe(0o600);
    const token = createSigner({ key: secret, algorithm: "HS256", expiresIn: 60_000 })({ userId: "restart-user" });
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const created = await fetch(`${server.url}/api/strategy/generate`, { method: "POST", headers, body: JSON.stringify(VALID_BRIEF) });
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);

    server = await startServerProcess({ DATA_DIR: dataDir });
    const fetched = await fetch(`${server.url}/api/strategy/${id}`, { headers });
    expect(fetched.status).toBe(200);
    expect(((await fetched.json()) as { id: string }).id).toBe(id);
    const logs = server.logs.join("\n");
    expect(logs).toContain("strategist agent ready");
    expect(logs).not.toContain(secret);
    server.child.kill("SIGTERM");
    await server.exited;
  });

  it("uses DynamoDB in AWS_REGION, not the embedded one, in production when no endpoint is set", async () => {
    const dataDir = tempDir();
    const server = await startServerProcess({ NODE_ENV: "production", JWT_SECRET: "p".repeat(40), DATA_DIR: dataDir, AWS_REGION: "eu-west-1" });
    server.child.kill("SIGTERM");
    await server.exited;
    expect(server.logs.join("\n")).toContain("AWS (eu-west-1)");
    expect(existsSync(join(dataDir, "dynamodb"))).toBe(false);
  });

  it("refuses to start with a short secret, or with none in production", async () => {
    const short = await runServerExpectingExit({ JWT_SECRET: "too-short", DATA_DIR: tempDir() });
    expect(short.code).toBe(1);
    expect(short.output).toContain("JWT_SECRET must be at least 32 bytes");
    const production = await runServerExpectingExit({ NODE_ENV: "production", DATA_DIR: tempDir() });
    expect(production.code).toBe(1);
    expect(production.output).toContain("JWT_SECRET is required");
  });
});
