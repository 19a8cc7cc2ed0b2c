import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, startHarness, TEST_SECRET, VALID_BRIEF, type Harness } from "../support/harness";
import { CountingOfflineModel } from "../support/models";
import { invalidTokens, type BadCredentials } from "../support/tokens";

describe("JWT authentication", () => {
  const model = new CountingOfflineModel();
  let harness: Harness;
  let existingId: string;
  const cases: BadCredentials[] = fc
    .sample(invalidTokens(TEST_SECRET), { numRuns: 400, seed: 7 })
    .filter((candidate, index, all) => all.findIndex((other) => other.kind === candidate.kind) === index);

  beforeAll(async () => {
    harness = await startHarness({ models: [{ id: "offline", model }] });
    existingId = (await generate(harness, "owner", VALID_BRIEF)).json().id;
  });
  afterAll(() => harness.close());

  it("covers every rejected kind of credential", () => {
    expect(cases.map((candidate) => candidate.kind).sort()).toEqual(
      [
        "no header",
        "Bearer with nothing",
        "Bearer only",
        "garbage",
        "other scheme",
        "bad signature",
        "alg none",
        "HS384 same secret",
        "HS512 same secret",
        "expired",
        "no exp",
        "no userId",
        "empty userId",
        "blank userId",
        "numeric userId",
        "issued in the future",
        "not yet valid",
      ].sort(),
    );
  });

  it.each([
    ["POST", "/api/strategy/generate"],
    ["GET", "/api/strategy/list"],
    ["GET", "/api/strategy/:id"],
  ] as const)("%s %s answers 401 to each bad credential and reaches no handler", async (method, path) => {
    for (const credentials of cases) {
      const calls = model.calls;
      const before = (await harness.storedItems()).length;
      const response = await harness.app.inject({
        method,
        url: path.replace(":id", existingId),
        headers: credentials.header === undefined ? {} : { authorization: credentials.header },
        ...(method === "POST" ? { payload: VALID_BRIEF } : {}),
      });
      expect.soft(response.statusCode, credentials.kind).toBe(401);
      expect.soft(response.json(), credentials.kind).toEqual({ detail: credentials.expired ? "Token has expired" : "Invalid token" });
      expect(model.calls, credentials.kind).toBe(calls);
      expect((await harness.storedItems()).length).toBe(before);
    }
  });

  it("accepts a valid HS256 token and ignores the scheme's case", async () => {
    const token = harness.token("case-user");
    const response = await harness.app.inject({ url: "/api/strategy/list", headers: { authorization: `bearer ${token}` } });
    expect(response.statusCode).toBe(200);
  });

  it("leaves health and the API docs open", async () => {
    // One version, read from package.json, in health and in the OpenAPI document.
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    expect((await harness.app.inject({ url: "/health" })).json()).toMatchObject({ status: "healthy", version });
    const docs = await harness.app.inject({ url: "/docs/json" });
    expect(docs.statusCode).toBe(200);
    const spec = docs.json();
    expect(spec.info.version).toBe(version);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(["/api/strategy/generate", "/api/strategy/list", "/api/strategy/{id}", "/api/models"]));
    const body = spec.paths["/api/strategy/generate"].post.requestBody.content["application/json"].schema;
    expect(body.$ref).toBe("#/components/schemas/GenerateRequest");
    // The brief's fields are required unless a brand supplies them: documented fields, and the rule in words.
    const generate = spec.components.schemas.GenerateRequest;
    expect(Object.keys(generate.properties)).toEqual(expect.arrayContaining(["brand_name", "industry", "target_audience", "goals", "brand_id", "model"]));
    expect(generate.description).toMatch(/required unless brand_id/);
    expect((await harness.app.inject({ url: "/docs" })).statusCode).toBeLessThan(400);
  });
});
