import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createMetrics,
  DYNAMODB_OPERATIONS,
  GENERATION_OUTCOMES,
  HTTP_METHODS,
  IMAGE_JOB_STATES,
  LIMITS,
  METRIC_FAMILIES,
  MODEL_CALL_KINDS,
  STATUS_CLASSES,
  type GenerationOutcome,
  type ImageJobState,
  type LimitName,
  type ModelCallKind,
} from "../src/index";
import { seriesOf } from "./support/exposition";

const ROUTES = ["/api/strategy/:id", "/api/strategies", "/health"];
const MODELS = ["us.anthropic.claude-sonnet-4-20250514-v1:0", "amazon.nova-canvas-v1:0"];

/** Every value a label of a product family may hold. */
const ALLOWED_VALUES: Record<string, readonly string[]> = {
  route: [...ROUTES, "unmatched"],
  method: [...HTTP_METHODS, "OTHER"],
  status_class: [...STATUS_CLASSES, "other"],
  outcome: [...GENERATION_OUTCOMES, "ok", "error", "other"],
  model: [...MODELS, "other"],
  kind: [...MODEL_CALL_KINDS, "other"],
  limit: [...LIMITS, "other"],
  state: [...IMAGE_JOB_STATES, "other"],
  operation: [...DYNAMODB_OPERATIONS, "other"],
};

describe("createMetrics", () => {
  it("registers every product family after traffic, plus the default process metrics and event-loop lag", async () => {
    const metrics = createMetrics({ routes: ROUTES, models: MODELS });
    metrics.observeRequest("/api/strategy/:id", "GET", 200, 0.02);
    metrics.countGeneration("completed", MODELS[0]!);
    metrics.observeModelCall(MODELS[0]!, "strategy", 3.2);
    metrics.countTokens(MODELS[0]!, { input: 1200, output: 800 });
    metrics.addCost(MODELS[0]!, 0.0156);
    metrics.countLimitRejection("generation_rate");
    metrics.countImageJob("queued");
    metrics.setImageQueue({ depth: 3, oldestAgeSeconds: 12 });
    metrics.observeDynamoDbCall("GetItem", "ok", 0.004);
    metrics.countIdempotentReplay();
    const text = await metrics.expose();
    for (const family of METRIC_FAMILIES) expect(text).toContain(`# TYPE ${family} `);
    expect(text).toContain("# TYPE nodejs_eventloop_lag_seconds gauge");
    expect(text).toContain("# TYPE process_cpu_seconds_total counter");
    expect(text).toMatch(/strategist_http_request_duration_seconds_count\{route="\/api\/strategy\/:id",method="GET",status_class="2xx"\} 1/);
    expect(text).toMatch(/strategist_model_input_tokens_total\{model="us\.anthropic\.claude-sonnet-4-20250514-v1:0"\} 1200/);
  });

  it('records a request on an unregistered path as the route "unmatched", never the path', async () => {
    const metrics = createMetrics({ routes: ROUTES });
    metrics.observeRequest("/api/strategy/0b7e6a6e-1c1d-4c1e-9d0a-5f1f1c3c2d11", "GET", 404, 0.001);
    const routes = seriesOf(await metrics.expose(), "strategist_http_request_duration_seconds").map((sample) => sample.labels.route);
    expect(new Set(routes)).toEqual(new Set(["unmatched"]));
  });

  it("refuses to register a concrete URL or a query string as a route template", () => {
    const metrics = createMetrics();
    expect(() => metrics.registerRoute("/api/strategy/:id")).not.toThrow();
    expect(() => metrics.registerRoute("/api/agent/[...path]")).not.toThrow();
    expect(() => metrics.registerRoute("https://example.com/api")).toThrow(/not a route template/);
    expect(() => metrics.registerRoute("/api/strategies?cursor=abc")).toThrow(/not a route template/);
    expect(() => metrics.registerRoute("someone@example.com")).toThrow(/not a route template/);
  });

  it("caps how many routes may be registered", () => {
    const metrics = createMetrics();
    for (let index = 0; index < 256; index += 1) metrics.registerRoute(`/r/${index}`);
    expect(() => metrics.registerRoute("/one-too-many")).toThrow(/more than 256/);
  });

  it("uses the given prefix for the product families only", async () => {
    const text = await createMetrics({ prefix: "web_" }).expose();
    expect(text).toContain("# TYPE web_limit_rejections_total counter");
    expect(text).toContain("# TYPE process_cpu_seconds_total counter");
    expect(text).not.toContain("strategist_");
  });

  it("property: every label value stays in its closed set, whatever strings the callers pass", async () => {
    const anyText = fc.oneof(fc.string(), fc.emailAddress(), fc.uuid(), fc.webPath());
    const call = fc.oneof(
      fc.tuple(
        fc.constant("request" as const),
        fc.oneof(fc.constantFrom(...ROUTES), anyText),
        fc.oneof(fc.constantFrom(...HTTP_METHODS), fc.string()),
        fc.integer({ min: -5, max: 1000 }),
      ),
      fc.tuple(
        fc.constant("generation" as const),
        fc.oneof(fc.constantFrom(...GENERATION_OUTCOMES), fc.string()),
        fc.oneof(fc.constantFrom(...MODELS), anyText),
      ),
      fc.tuple(fc.constant("model" as const), fc.oneof(fc.constantFrom(...MODEL_CALL_KINDS), fc.string()), fc.oneof(fc.constantFrom(...MODELS), anyText)),
      fc.tuple(fc.constant("limit" as const), fc.oneof(fc.constantFrom(...LIMITS), fc.string())),
      fc.tuple(fc.constant("image" as const), fc.oneof(fc.constantFrom(...IMAGE_JOB_STATES), fc.string())),
      fc.tuple(fc.constant("dynamodb" as const), fc.oneof(fc.constantFrom(...DYNAMODB_OPERATIONS), fc.string())),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(call, { minLength: 1, maxLength: 20 }), async (calls) => {
        const metrics = createMetrics({ routes: ROUTES, models: MODELS });
        for (const entry of calls) {
          // Untyped callers (JavaScript, casts) are the case the closed sets protect against.
          if (entry[0] === "request") metrics.observeRequest(entry[1], entry[2], entry[3], 0.01);
          else if (entry[0] === "generation") metrics.countGeneration(entry[1] as GenerationOutcome, entry[2]);
          else if (entry[0] === "model") {
            metrics.observeModelCall(entry[2], entry[1] as ModelCallKind, 1);
            metrics.countTokens(entry[2], { input: 1, output: 1 });
            metrics.addCost(entry[2], 0.001);
          } else if (entry[0] === "limit") metrics.countLimitRejection(entry[1] as LimitName);
          else if (entry[0] === "image") metrics.countImageJob(entry[1] as ImageJobState);
          else metrics.observeDynamoDbCall(entry[1], "ok", 0.001);
        }
        for (const sample of seriesOf(await metrics.expose(), "strategist_")) {
          for (const [label, value] of Object.entries(sample.labels)) {
            if (label === "le") continue;
            expect(ALLOWED_VALUES[label], `label ${label} of ${sample.name}`).toContain(value);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
