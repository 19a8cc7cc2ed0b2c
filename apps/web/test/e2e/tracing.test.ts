import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./stack";

// The web app and the agent both export spans (OTLP/HTTP JSON) to one local receiver: a request sent to the web
// proxy with a W3C traceparent must come back as one trace, from the web's spans through the agent's server span to
// its DynamoDB call.

const TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
const PARENT_SPAN_ID = "b7ad6b7169203331";

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: { key: string; value: Record<string, unknown> }[];
}
interface OtlpExport {
  resourceSpans: { resource: { attributes: { key: string; value: Record<string, unknown> }[] }; scopeSpans: { spans: OtlpSpan[] }[] }[];
}

const exports: string[] = [];
const receiver: Server = createServer((request, response) => {
  let text = "";
  request.on("data", (chunk: Buffer) => (text += chunk.toString()));
  request.on("end", () => {
    if (request.method === "POST" && request.url === "/v1/traces") exports.push(text);
    response.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
});

/** Every exported span with the service that sent it. */
const spans = () =>
  exports.flatMap((text) =>
    (JSON.parse(text) as OtlpExport).resourceSpans.flatMap((resource) => {
      const service = String(Object.values(resource.resource.attributes.find((attribute) => attribute.key === "service.name")?.value ?? {})[0]);
      return resource.scopeSpans.flatMap((scope) => scope.spans.map((span) => ({ ...span, service })));
    }),
  );
const attributesOf = (span: OtlpSpan) => Object.fromEntries((span.attributes ?? []).map((attribute) => [attribute.key, Object.values(attribute.value)[0]]));

let stack: Stack;

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const otel = {
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`,
    OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
    OTEL_BSP_SCHEDULE_DELAY: "100",
  };
  stack = await startStack({ agentEnv: otel, webEnv: otel });
});

afterAll(async () => {
  await stack?.stop();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

describe("a request through the web proxy, with tracing on in both services", () => {
  it("is one trace from the caller's traceparent through the web's spans to the agent's server span and its DynamoDB call", async () => {
    const signup = await fetch(`${stack.webUrl}/api/auth/register`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: stack.webUrl },
      body: JSON.stringify({ email: "tracing@example.com", password: "correct horse 42" }),
    });
    expect(signup.status).toBeLessThan(300);
    const { token } = (await signup.json()) as { token: string };

    const response = await fetch(`${stack.webUrl}/api/strategy/list?view=summary`, {
      headers: { cookie: `strategist_session=${token}`, traceparent: `00-${TRACE_ID}-${PARENT_SPAN_ID}-01` },
    });
    expect(response.status).toBe(200);

    let inTrace: ReturnType<typeof spans> = [];
    for (let waited = 0; waited < 15_000; waited += 200) {
      inTrace = spans().filter((span) => span.traceId === TRACE_ID);
      if (inTrace.some((span) => span.service === "strategist-agent" && attributesOf(span)["rpc.service"] === "DynamoDB")) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const web = inTrace.filter((span) => span.service === "strategist-web");
    const agentServer = inTrace.find((span) => span.service === "strategist-agent" && span.kind === 2);
    expect(web.length, "the web's spans are in the caller's trace").toBeGreaterThan(0);
    expect(
      web.some((span) => span.parentSpanId === PARENT_SPAN_ID),
      "the web's first span is the caller's child",
    ).toBe(true);
    expect(agentServer, "the agent's server span is in the same trace").toBeDefined();
    expect(agentServer!.name).toBe("GET /api/strategy/list");
    // Its parent is a span of the web app (the proxy's outgoing fetch), not the caller's span copied through.
    expect(web.map((span) => span.spanId)).toContain(agentServer!.parentSpanId);
    const dynamo = inTrace.filter((span) => span.service === "strategist-agent" && attributesOf(span)["rpc.service"] === "DynamoDB");
    expect(dynamo.length, "the agent's DynamoDB call is in the same trace").toBeGreaterThan(0);
    expect(JSON.stringify(inTrace)).not.toContain(token);
  });
});
