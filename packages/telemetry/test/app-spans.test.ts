import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { context, propagation, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { AlwaysOffSampler, BasicTracerProvider, InMemorySpanExporter, ParentBasedSampler, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { traceAwsCalls, traceRequests } from "../src/index";

// The agent's own spans: a server span per sampled request and a client span per AWS call inside it. New traces are
// never sampled here (AlwaysOff at the root), so a request is traced only when its caller's traceparent is sampled.

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const PARENT_SPAN_ID = "00f067aa0ba902b7";
const exporter = new InMemorySpanExporter();
let dynamo: Server;
let app: FastifyInstance;
const seen: { active: boolean; recording: boolean }[] = [];

beforeAll(async () => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(
    new BasicTracerProvider({ sampler: new ParentBasedSampler({ root: new AlwaysOffSampler() }), spanProcessors: [new SimpleSpanProcessor(exporter)] }),
  );
  // A DynamoDB stand-in: every call answers an empty item.
  dynamo = createServer((request, response) => {
    request.resume();
    request.on("end", () => response.writeHead(200, { "content-type": "application/x-amz-json-1.0" }).end("{}"));
  });
  await new Promise<void>((resolve) => dynamo.listen(0, "127.0.0.1", resolve));
  const client = new DynamoDBClient({
    region: "eu-west-1",
    endpoint: `http://127.0.0.1:${(dynamo.address() as AddressInfo).port}`,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  traceAwsCalls(client, "DynamoDB");

  app = Fastify();
  traceRequests(app);
  const handler = async (request: { params: { id: string } }) => {
    const active = trace.getActiveSpan();
    seen.push({ active: active !== undefined, recording: active?.isRecording() ?? false });
    await client.send(new GetItemCommand({ TableName: "strategies", Key: { strategyId: { S: request.params.id } }, ConsistentRead: true }));
    return { ok: true };
  };
  app.get<{ Params: { id: string } }>("/api/strategy/:id", handler);
  app.post<{ Params: { id: string } }>("/api/strategy/:id/refine", handler);
  app.get("/health", async () => ({ status: "ok" }));
  await app.listen({ port: 0, host: "127.0.0.1" });
});

afterAll(async () => {
  await app?.close();
  await new Promise<void>((resolve) => dynamo.close(() => resolve()));
});

beforeEach(() => {
  exporter.reset();
  seen.length = 0;
});

const call = (path: string, init: { method?: string; traceparent?: string } = {}) =>
  app.inject({ method: (init.method ?? "GET") as "GET", url: path, headers: init.traceparent ? { traceparent: init.traceparent } : {} });

describe("traceRequests and traceAwsCalls", () => {
  it("put a sampled request's server span, named by route, in the caller's trace, with its DynamoDB call as a child", async () => {
    expect((await call("/api/strategy/s-1?view=full", { traceparent: `00-${TRACE_ID}-${PARENT_SPAN_ID}-01` })).statusCode).toBe(200);
    // The server span ends in onResponse, just after the reply is written.
    await new Promise((resolve) => setImmediate(resolve));
    const spans = exporter.getFinishedSpans();
    const server = spans.find((span) => span.name === "GET /api/strategy/:id")!;
    expect(server).toBeDefined();
    expect(server.spanContext().traceId).toBe(TRACE_ID);
    expect(server.parentSpanContext?.spanId).toBe(PARENT_SPAN_ID);
    expect(server.attributes).toMatchObject({ "http.route": "/api/strategy/:id", "url.path": "/api/strategy/s-1", "http.response.status_code": 200 });
    const dynamoSpan = spans.find((span) => span.name === "DynamoDB.GetItem")!;
    expect(dynamoSpan.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
    expect(dynamoSpan.attributes).toMatchObject({
      "rpc.system": "aws-api",
      "rpc.service": "DynamoDB",
      "rpc.method": "GetItem",
      "aws.dynamodb.table_names": ["strategies"],
      "aws.dynamodb.consistent_read": true,
    });
    expect(JSON.stringify(dynamoSpan.attributes)).not.toContain("s-1");
  });

  it("leave an unsampled read out of any trace context: no span, no context, and its DynamoDB call makes no root trace", async () => {
    await call("/api/strategy/s-2");
    await call("/api/strategy/s-3", { traceparent: `00-${TRACE_ID}-${PARENT_SPAN_ID}-00` });
    expect(seen).toEqual([
      { active: false, recording: false },
      { active: false, recording: false },
    ]);
    expect(exporter.getFinishedSpans()).toEqual([]);
  });

  it("run an unsampled write inside the unsampled context, so what it starts stays out of the trace too", async () => {
    await call("/api/strategy/s-4/refine", { method: "POST" });
    expect(seen).toEqual([{ active: true, recording: false }]);
    expect(exporter.getFinishedSpans()).toEqual([]);
  });

  it("never trace health checks", async () => {
    await call("/health", { traceparent: `00-${TRACE_ID}-${PARENT_SPAN_ID}-01` });
    expect(exporter.getFinishedSpans()).toEqual([]);
  });
});

describe("traceFields", () => {
  it("gives a log line the active span's ids, and nothing outside a trace context", async () => {
    const { traceFields } = await import("../src/index");
    expect(traceFields()).toEqual({});
    const span = trace.getTracer("test").startSpan("work", {}, propagation.extract(context.active(), { traceparent: `00-${TRACE_ID}-${PARENT_SPAN_ID}-01` }));
    const fields = context.with(trace.setSpan(context.active(), span), () => traceFields());
    span.end();
    expect(fields).toEqual({ trace_id: TRACE_ID, span_id: span.spanContext().spanId, trace_flags: "01" });
  });
});
