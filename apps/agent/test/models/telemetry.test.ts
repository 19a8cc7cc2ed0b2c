import { trace } from "@opentelemetry/api";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterAll, describe, expect, it, vi } from "vitest";
import { ModelCatalog } from "../../src/models/catalog";
import { offlineEntry } from "../../src/models/providers";
import { strategyCall } from "../../src/strategies/strategist";
import { ModelCaller } from "../../src/models/model-call";
import { VALID_BRIEF } from "../support/harness";
import { OFFLINE_WRITERS } from "../../src/main/offline-writers";

// The Strands SDK is patched (patches/README.md) to serialize conversation content only onto spans that record.
describe("OpenTelemetry spans of a model call", () => {
  const models = new ModelCaller(new ModelCatalog([offlineEntry(OFFLINE_WRITERS, true)]));
  const call = () => models.call(strategyCall(VALID_BRIEF), { signal: new AbortController().signal, deadline: Date.now() + 10_000 });
  const brand = VALID_BRIEF.brand_name;
  afterAll(() => trace.disable());

  it("serializes no message content when no OpenTelemetry SDK is registered (spans record nothing)", async () => {
    const stringify = vi.spyOn(JSON, "stringify");
    let calls: Parameters<typeof JSON.stringify>[];
    try {
      const result = await call();
      expect(result.output.content_pillars.length).toBeGreaterThanOrEqual(3);
    } finally {
      calls = [...stringify.mock.calls];
      stringify.mockRestore();
    }
    // The tracer serializes span content with its own replacer function; nothing else in a model call passes one.
    expect(calls.filter(([value, replacer]) => typeof replacer === "function" && JSON.stringify(value)?.includes(brand))).toEqual([]);
  });

  it("records the conversation on the spans once an SDK is registered", async () => {
    const exporter = new InMemorySpanExporter();
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
    await call();
    const spans = exporter.getFinishedSpans();
    expect(spans.map((span) => span.name)).toEqual(expect.arrayContaining(["chat", "execute_tool strands_structured_output"]));
    const chat = spans.find((span) => span.name === "chat")!;
    const recorded = JSON.stringify([...chat.events.map((event) => event.attributes), chat.attributes]);
    expect(recorded).toContain(brand);
  });
});
