import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  startTracing,
  tracesEndpoint,
  tracesProtocol,
  tracingEnabled,
  contentCaptureEnabled,
  instrumentationsWanted,
  sampleRatio,
  DEFAULT_SAMPLE_RATIO,
} from "../src/tracing";

describe("startTracing without an OTLP endpoint", () => {
  it("starts nothing: no global tracer provider is registered and the stop function resolves", async () => {
    const stop = await startTracing({ NODE_ENV: "production" }, { defaultServiceName: "strategist-agent", fastify: true });
    expect((globalThis as Record<symbol, unknown>)[Symbol.for("opentelemetry.js.api.1")]).toBeUndefined();
    await expect(stop()).resolves.toBeUndefined();
  });

  it("imports nothing at load time: every import of the module is a type import", () => {
    const source = readFileSync(new URL("../src/tracing.ts", import.meta.url), "utf8");
    const staticImports = source.split("\n").filter((line) => /^import\s/.test(line));
    expect(staticImports.every((line) => /^import type /.test(line))).toBe(true);
  });
});

describe("the OTEL_* environment", () => {
  it("enables tracing with either endpoint variable, unless the SDK or the traces exporter is disabled", () => {
    expect(tracingEnabled({})).toBe(false);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_ENDPOINT: " " })).toBe(false);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://jaeger:4318" })).toBe(true);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://collector:4318/v1/traces" })).toBe(true);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://jaeger:4318", OTEL_SDK_DISABLED: "true" })).toBe(false);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://jaeger:4318", OTEL_TRACES_EXPORTER: "none" })).toBe(false);
  });

  it("starts every instrumentation unless OTEL_NODE_ENABLED_INSTRUMENTATIONS or OTEL_NODE_DISABLED_INSTRUMENTATIONS narrows them", () => {
    expect([...instrumentationsWanted({})].sort()).toEqual(["aws-sdk", "http", "pino", "undici"]);
    expect([...instrumentationsWanted({ OTEL_NODE_ENABLED_INSTRUMENTATIONS: " undici, aws-sdk ,nope" })].sort()).toEqual(["aws-sdk", "undici"]);
    expect([...instrumentationsWanted({ OTEL_NODE_DISABLED_INSTRUMENTATIONS: "pino,undici" })].sort()).toEqual(["aws-sdk", "http"]);
    expect([...instrumentationsWanted({ OTEL_NODE_ENABLED_INSTRUMENTATIONS: "http,pino", OTEL_NODE_DISABLED_INSTRUMENTATIONS: "pino" })]).toEqual(["http"]);
  });

  it("samples the default share of new traces unless OTEL_TRACES_SAMPLER_ARG gives a ratio", () => {
    expect(sampleRatio({})).toBe(DEFAULT_SAMPLE_RATIO);
    expect(sampleRatio({ OTEL_TRACES_SAMPLER_ARG: "0.25" })).toBe(0.25);
    expect(sampleRatio({ OTEL_TRACES_SAMPLER_ARG: "0" })).toBe(0);
    expect(sampleRatio({ OTEL_TRACES_SAMPLER_ARG: "1.5" })).toBe(DEFAULT_SAMPLE_RATIO);
    expect(sampleRatio({ OTEL_TRACES_SAMPLER_ARG: "half" })).toBe(DEFAULT_SAMPLE_RATIO);
  });

  it("sends to <endpoint>/v1/traces, or to the traces endpoint as given", () => {
    expect(tracesEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://jaeger:4318/" })).toBe("http://jaeger:4318/v1/traces");
    expect(tracesEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://a:4318", OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://b:4318/custom" })).toBe(
      "http://b:4318/custom",
    );
  });

  it("speaks http/protobuf by default, http/json on request, and names the variable of an unsupported protocol", () => {
    expect(tracesProtocol({})).toBe("http/protobuf");
    expect(tracesProtocol({ OTEL_EXPORTER_OTLP_PROTOCOL: "http/json" })).toBe("http/json");
    expect(tracesProtocol({ OTEL_EXPORTER_OTLP_PROTOCOL: "http/json", OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: "http/protobuf" })).toBe("http/protobuf");
    expect(() => tracesProtocol({ OTEL_EXPORTER_OTLP_PROTOCOL: "grpc" })).toThrow(/OTEL_EXPORTER_OTLP_PROTOCOL=grpc/);
  });

  it("captures content only with the development flag, never in production", () => {
    expect(contentCaptureEnabled({})).toBe(false);
    expect(contentCaptureEnabled({ STRATEGIST_OTEL_CAPTURE_CONTENT: "true", NODE_ENV: "development" })).toBe(true);
    expect(contentCaptureEnabled({ STRATEGIST_OTEL_CAPTURE_CONTENT: "true", NODE_ENV: "production" })).toBe(false);
  });
});
