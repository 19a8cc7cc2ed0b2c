import { createRequire } from "node:module";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { trace } from "@opentelemetry/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appMakesSpans, startTracing, traceFields, traceRequests, type StopTracing } from "../src/index";

interface OtlpAttribute {
  key: string;
  value: Record<string, unknown>;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: OtlpAttribute[];
}
interface OtlpExport {
  resourceSpans: { resource: { attributes: OtlpAttribute[] }; scopeSpans: { spans: OtlpSpan[] }[] }[];
}

const received: { contentType: string; body: OtlpExport }[] = [];
/** A local OTLP/HTTP receiver: collects POST /v1/traces JSON bodies. */
const receiver: Server = createServer((request: IncomingMessage, response) => {
  let text = "";
  request.on("data", (chunk: Buffer) => (text += chunk.toString()));
  request.on("end", () => {
    if (request.method === "POST" && request.url === "/v1/traces")
      received.push({ contentType: String(request.headers["content-type"]), body: JSON.parse(text) as OtlpExport });
    response.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
});

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const PARENT_SPAN_ID = "00f067aa0ba902b7";
const BRIEF = "Our secret launch brief: a vegan bakery in Lisbon";
let stop: StopTracing;

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const env = {
    ...process.env,
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`,
    OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
    OTEL_BSP_SCHEDULE_DELAY: "50",
    // Every request traced, including the ones sent without a traceparent (the default samples 5 % of those).
    OTEL_TRACES_SAMPLER: "parentbased_always_on",
    OTEL_SERVICE_NAME: "",
  };
  Object.assign(process.env, env);
  stop = await startTracing(env, { defaultServiceName: "strategist-agent", fastify: true });
});

afterAll(async () => {
  await stop?.();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

const attributesOf = (span: OtlpSpan) => Object.fromEntries((span.attributes ?? []).map((attribute) => [attribute.key, Object.values(attribute.value)[0]]));

describe("startTracing with OTEL_EXPORTER_OTLP_PROTOCOL=http/json", () => {
  it("exports the server span of a request in the caller's trace, with the service name, a redacted child span and log correlation", async () => {
    // CommonJS loads, as the app's dependencies (pino, Fastify) are loaded. The agent's Fastify app makes each
    // request's server span itself (traceRequests), since tracing started with `fastify: true`.
    const require = createRequire(import.meta.url);
    const fastify = require("fastify") as typeof import("fastify").default;
    const pino = require("pino") as typeof import("pino").default;
    const lines: string[] = [];
    // The agent's logger gets the trace ids from its own mixin (the pino instrumentation is not started with `fastify`).
    const logger = pino({ mixin: traceFields }, new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()) }));

    const api = fastify();
    expect(appMakesSpans()).toBe(true);
    traceRequests(api);
    api.get("/api/strategy/:id", async () => {
      trace.getTracer("strategist").startActiveSpan("chat us.amazon.nova-pro-v1:0", (span) => {
        span.setAttributes({
          "gen_ai.request.model": "us.amazon.nova-pro-v1:0",
          "gen_ai.usage.input_tokens": 900,
          "gen_ai.response.finish_reasons": ["end_turn"],
          "gen_ai.prompt": BRIEF,
          "gen_ai.input.messages": JSON.stringify([{ role: "user", content: BRIEF }]),
          "http.request.header.authorization": "Bearer eyJhbGciOiJIUzI1NiJ9.payload.signature",
          "url.full": "https://images.s3.amazonaws.com/u/1.png?X-Amz-Signature=abcdef&X-Amz-Credential=AKIA",
          "strategist.brief": BRIEF,
        });
        span.addEvent("gen_ai.user.message", { content: BRIEF });
        logger.info("generating");
        span.end();
      });
      return "ok";
    });
    api.get("/api/brands/:brandId", async () => ({ ok: true }));
    api.get("/api/health", async () => ({ status: "ok" }));
    await api.listen({ port: 0, host: "127.0.0.1" });
    const port = (api.server.address() as AddressInfo).port;
    // A raw socket, so that no instrumented client replaces the caller's traceparent with its own.
    await new Promise<void>((resolve, reject) => {
      const socket = connect(port, "127.0.0.1", () => {
        socket.end(`GET /api/strategy/abc HTTP/1.1\r\nHost: 127.0.0.1\r\ntraceparent: 00-${TRACE_ID}-${PARENT_SPAN_ID}-01\r\nConnection: close\r\n\r\n`);
      });
      socket
        .on("data", () => {})
        .on("end", resolve)
        .on("error", reject);
    });
    await (await fetch(`http://127.0.0.1:${port}/api/brands/b-123`)).text();
    await (await fetch(`http://127.0.0.1:${port}/api/health`)).text();
    await api.close();
    await stop();

    expect(received.length).toBeGreaterThan(0);
    expect(received[0]!.contentType).toMatch(/application\/json/);
    const resources = received.flatMap((entry) => entry.body.resourceSpans);
    const serviceNames = resources.map((resource) => attributesOf({ attributes: resource.resource.attributes } as OtlpSpan)["service.name"]);
    expect(new Set(serviceNames)).toEqual(new Set(["strategist-agent"]));
    const spans = resources.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans));

    const servers = spans.filter((span) => span.kind === 2);
    expect(servers.map((span) => span.name).sort(), "one server span per request, none for health checks").toEqual([
      "GET /api/brands/:brandId",
      "GET /api/strategy/:id",
    ]);
    const server = servers.find((span) => span.name === "GET /api/strategy/:id");
    expect(server!.traceId).toBe(TRACE_ID);
    expect(server!.parentSpanId).toBe(PARENT_SPAN_ID);

    const model = spans.find((span) => span.name.startsWith("chat "))!;
    expect(model.traceId).toBe(TRACE_ID);
    expect(model.parentSpanId).toBe(server!.spanId);
    expect(attributesOf(model)).toEqual({
      "gen_ai.request.model": "us.amazon.nova-pro-v1:0",
      "gen_ai.usage.input_tokens": 900,
      "gen_ai.response.finish_reasons": expect.anything(),
      "url.full": "https://images.s3.amazonaws.com/u/1.png",
    });
    const exported = JSON.stringify(received);
    expect(exported).not.toContain("vegan bakery");
    expect(exported).not.toContain("eyJhbGciOiJIUzI1NiJ9");
    expect(exported).not.toContain("X-Amz-Signature");

    const routeSpans = spans.filter((span) => attributesOf(span)["http.route"] === "/api/brands/:brandId");
    expect(routeSpans.length, "Fastify spans carry the route template").toBeGreaterThan(0);
    expect(routeSpans.map((span) => span.name)).toContain("GET /api/brands/:brandId");

    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line.trace_id).toBe(TRACE_ID);
    expect(line.span_id).toBe(model.spanId);
  });
});
