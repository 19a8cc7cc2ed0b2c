import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import swagger from "@fastify/swagger";
import { LIVE_EVENT_NAMES, StrategyOutput, named } from "@strategist/schemas";
import Fastify from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { renderClient, staleClientFiles, CLIENT_DIR } from "../../scripts/openapi/client";
import { contractProblems } from "../../scripts/openapi/contract";
import { eventStreamResponse, swaggerOptions } from "../../src/http/openapi/document";
import { AGENT_VERSION } from "../../src/core/version";
import packageJson from "../../package.json" with { type: "json" };
import { startHarness, type Harness } from "../support/harness";

const run = promisify(execFile);
type Json = Record<string, any>;

let harness: Harness;
let spec: Json;

beforeAll(async () => {
  harness = await startHarness();
  spec = (await harness.app.inject({ url: "/docs/json" })).json();
});
afterAll(() => harness.close());

const operations = (document: Json) =>
  Object.entries(document.paths as Record<string, Json>).flatMap(([route, item]) =>
    Object.entries(item).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${route}`, operation: operation as Json })),
  );

/** Every `$ref` in a JSON value. */
function refs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refs(item, found);
  else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      if (key === "$ref" && typeof child === "string") found.push(child);
      else refs(child, found);
    }
  }
  return found;
}

/** A small app with the agent's document options and the given routes. */
async function documentOf(register: (app: any) => void): Promise<Json> {
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(swagger, swaggerOptions({ agentUrl: "http://agent.test", webUrl: "http://web.test" }));
  register(app);
  await app.ready();
  const document = structuredClone(app.swagger()) as unknown as Json;
  await app.close();
  return document;
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with servers, the package version and a license", () => {
    expect(spec.openapi).toBe("3.1.0");
    expect(spec.info.version).toBe(packageJson.version);
    expect(AGENT_VERSION).toBe(packageJson.version);
    expect(spec.info.license.name).toBeTruthy();
    expect(spec.servers.map((server: Json) => server.url)).toEqual([harness.config.FRONTEND_URL, "http://localhost:8000"]);
  });

  it("gives every operation a stable operationId, a summary, tags and a documented 2XX response", () => {
    expect(contractProblems(spec as never)).toEqual([]);
    // The strategy operations keep their names; other rooms' operations are held to the same contract above.
    expect(Object.fromEntries(operations(spec).map(({ route, operation }) => [operation.operationId, route]))).toMatchObject({
      health: "GET /health",
      listModels: "GET /api/models",
      generateStrategy: "POST /api/strategy/generate",
      generateStrategyStream: "POST /api/strategy/generate/stream",
      listStrategies: "GET /api/strategy/list",
      getStrategy: "GET /api/strategy/{id}",
    });
  });

  it("names the shared shapes as components and references them, never inlining them", () => {
    const schemas = spec.components.schemas as Json;
    for (const name of [
      "StrategyRecord",
      "StrategyOutput",
      "ErrorBody",
      "ValidationErrorBody",
      "GenerateRequest",
      "ModelInfo",
      "StartedEvent",
      "SectionEvent",
      "ResetEvent",
      "ErrorEvent",
    ]) {
      expect(schemas[name], name).toBeDefined();
    }
    const used = new Set(refs(spec).map((ref) => ref.replace("#/components/schemas/", "")));
    // Every component is used, and none is a leftover request variant of a shape.
    for (const name of Object.keys(schemas)) expect(used.has(name), name).toBe(true);
    // A request variant keeps its `Input` suffix only beside a response shape of the same name that differs.
    for (const name of Object.keys(schemas).filter((name) => name.endsWith("Input"))) {
      expect(schemas[name.slice(0, -"Input".length)], name).toBeDefined();
      expect(schemas[name.slice(0, -"Input".length)], name).not.toEqual(schemas[name]);
    }
    // StrategyRecord's body appears once, as the component.
    const recordText = JSON.stringify(schemas.StrategyRecord.properties.strategy_output);
    expect(JSON.stringify(spec.paths).includes(recordText)).toBe(false);
    expect(schemas.StrategyRecord.properties.strategy_output).toEqual({ $ref: "#/components/schemas/StrategyOutput" });
    const get = spec.paths["/api/strategy/{id}"].get;
    expect(get.responses["200"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/StrategyRecord" });
    expect(get.responses["403"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/ErrorBody" });
    expect(get.responses["400"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/ValidationErrorBody" });
  });

  it("documents the security scheme, public health, and the paging, retry and idempotency headers", () => {
    expect(spec.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(spec.security).toEqual([{ bearerAuth: [] }]);
    expect(spec.paths["/health"].get.security).toEqual([]);
    const list = spec.paths["/api/strategy/list"].get;
    expect(list.responses["200"].headers["X-Next-Cursor"]).toEqual({ $ref: "#/components/headers/X-Next-Cursor" });
    const generate = spec.paths["/api/strategy/generate"].post;
    for (const status of ["429", "503"]) expect(generate.responses[status].headers["Retry-After"]).toEqual({ $ref: "#/components/headers/Retry-After" });
    expect(generate.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ in: "header", name: "idempotency-key" })]));
    for (const { route, operation } of operations(spec)) {
      for (const [status, response] of Object.entries(operation.responses as Record<string, Json>)) {
        expect(response.description, `${route} ${status}`).not.toBe("Default Response");
        if (status === "429" || status === "503") expect(response.headers?.["Retry-After"], `${route} ${status}`).toBeDefined();
      }
    }
  });

  it("documents the live generation as a 200 text/event-stream of named events with their payloads", () => {
    const stream = spec.paths["/api/strategy/generate/stream"].post.responses["200"].content["text/event-stream"].schema;
    const events = (stream.anyOf as Json[]).map((message) => [message.properties.event.enum[0], message.properties.data.$ref]);
    expect(events).toEqual([
      ["started", "#/components/schemas/StartedEvent"],
      ["section", "#/components/schemas/SectionEvent"],
      ["reset", "#/components/schemas/ResetEvent"],
      ["completed", "#/components/schemas/StrategyRecord"],
      ["error", "#/components/schemas/ErrorEvent"],
    ]);
    expect([...LIVE_EVENT_NAMES]).toEqual(events.map(([name]) => name));
  });

  it("turns a shape named with .meta({ id }) or named() into a component automatically", async () => {
    const Widget = z.object({ size: z.number() }).meta({ id: "WidgetForTest" });
    const Order = named(z.object({ widget: Widget, note: z.string().describe("free text") }), "OrderForTest");
    const document = await documentOf((app) => {
      app.withTypeProvider().post("/orders", {
        schema: { operationId: "createOrder", tags: ["orders"], summary: "Order", body: Order, response: { 200: Widget } },
        handler: async () => ({ size: 1 }),
      });
    });
    expect(document.paths["/orders"].post.requestBody.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/OrderForTest" });
    // Used as a request only, the request variant takes the plain name; used both ways with different JSON, both stay.
    expect(document.components.schemas.OrderForTest.properties.widget).toEqual({ $ref: "#/components/schemas/WidgetForTestInput" });
    expect(document.paths["/orders"].post.responses["200"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/WidgetForTest" });
    expect(document.components.schemas.OrderForTest.properties.note.description).toBe("free text");
    expect(document.tags).toEqual([{ name: "orders" }]);
  });

  it("names the route that has no operationId, no summary, no tags or no documented 2XX response", async () => {
    const document = await documentOf((app) => {
      app.get("/undocumented", async () => "x");
      app.post(
        "/no-success",
        { schema: { operationId: "noSuccess", tags: ["x"], summary: "s", response: { 400: z.object({ detail: z.string() }) } } },
        async () => "x",
      );
      app.get(
        "/stream",
        {
          schema: {
            operationId: "noSuccess",
            tags: ["x"],
            summary: "s",
            response: { 200: eventStreamResponse("Events", { tick: z.object({ n: z.number() }) }) },
          },
        },
        async () => "x",
      );
    });
    const problems = contractProblems(document);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^GET \/undocumented: no operationId/),
        expect.stringMatching(/^GET \/undocumented: no summary/),
        expect.stringMatching(/^GET \/undocumented: no tags/),
        expect.stringMatching(/^POST \/no-success: no documented 2XX response/),
        expect.stringMatching(/^GET \/stream: operationId "noSuccess" is also used by POST \/no-success/),
      ]),
    );
    await expect(renderClient(document)).rejects.toThrow(/GET \/undocumented: no operationId/);
  });

  it("keeps the model's structured-output schema a plain object schema (names stay out of zod's global registry)", () => {
    const schema = z.toJSONSchema(StrategyOutput) as Json;
    expect(schema.type).toBe("object");
    expect(schema.$ref).toBeUndefined();
    expect(JSON.stringify(schema)).not.toContain("$defs");
  });

  it("matches the committed client: packages/api-client is regenerated with `pnpm generate:client`", async () => {
    const stale = await staleClientFiles(await renderClient());
    expect(stale, `Stale: ${stale.join(", ")}. Run \`pnpm generate:client\` and commit the result.`).toEqual([]);
  });

  it("passes Redocly's recommended lint with no errors and no warnings", async () => {
    const cli = path.resolve(import.meta.dirname, "../../node_modules/.bin/redocly");
    const { stdout } = await run(cli, ["lint", "--config", "redocly.yaml", "--format", "json", path.join(CLIENT_DIR, "openapi.json")], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    }).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    const report = JSON.parse(stdout.slice(stdout.indexOf("{"))) as {
      totals: { errors: number; warnings: number };
      problems: { ruleId: string; message: string }[];
    };
    expect(report.problems.map((problem) => `${problem.ruleId}: ${problem.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });
});
