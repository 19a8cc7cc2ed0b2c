/**
 * OpenTelemetry tracing, started before the app is imported. Everything heavy is imported inside
 * `startTracing` and only when an OTLP endpoint is configured, so an app without one loads nothing.
 */

import type { Instrumentation } from "@opentelemetry/instrumentation";

export type Env = Record<string, string | undefined>;

export interface TracingOptions {
  /** `service.name` when OTEL_SERVICE_NAME is unset: "strategist-agent" or "strategist-web". */
  defaultServiceName: string;
  /**
   * The agent: its Fastify app makes each request's server span and its AWS clients their call spans
   * (`traceRequests`, `traceAwsCalls`), deciding on sampling first, in place of the HTTP, Fastify and AWS SDK
   * instrumentations, which did their work for every request, sampled or not (BENCHMARKS.md, overhead).
   */
  fastify?: boolean;
}

let appSpans = false;

/** Whether tracing started for an app that makes its own request and AWS call spans (the agent's `fastify` option). */
export function appMakesSpans(): boolean {
  return appSpans;
}

/**
 * The share of new traces sampled when OTEL_TRACES_SAMPLER is unset: parent-based, so a request that arrives with a
 * sampled traceparent (from the web app, or a caller's) is always traced, and 5 % of the others start a trace
 * (the fixed rate of AWS X-Ray's default rule). A sampled read costs about as much CPU again as the read itself
 * (its spans are built, redacted and exported), so the share sampled is most of tracing's cost on a busy read path:
 * about +8 % CPU per read at 10 %, +3 % at 1 % (BENCHMARKS.md). OTEL_TRACES_SAMPLER_ARG sets another ratio.
 */
export const DEFAULT_SAMPLE_RATIO = 0.05;

/** The share of new traces sampled when OTEL_TRACES_SAMPLER is unset: OTEL_TRACES_SAMPLER_ARG when it is a ratio, else the default. */
export function sampleRatio(env: Env): number {
  const given = Number(env.OTEL_TRACES_SAMPLER_ARG?.trim() || Number.NaN);
  return given >= 0 && given <= 1 ? given : DEFAULT_SAMPLE_RATIO;
}

/** Stops tracing after flushing what is buffered. */
export type StopTracing = () => Promise<void>;

/** The documented development flag that lets prompt and content attributes through (never in production). */
export const CAPTURE_CONTENT_FLAG = "STRATEGIST_OTEL_CAPTURE_CONTENT";

/** Health checks and scrapes every few seconds would drown the requests worth reading. */
export const HEALTH_PATH = /^\/(api\/)?health(\?|$)/;

const stopNothing: StopTracing = async () => {};

/** Where spans go: the traces endpoint as given, else `<OTEL_EXPORTER_OTLP_ENDPOINT>/v1/traces`; undefined when neither is set. */
export function tracesEndpoint(env: Env): string | undefined {
  const traces = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  if (traces) return traces;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  return base ? `${base.replace(/\/+$/, "")}/v1/traces` : undefined;
}

/** Whether `startTracing` would start the SDK for this environment. */
export function tracingEnabled(env: Env): boolean {
  return tracesEndpoint(env) !== undefined && env.OTEL_SDK_DISABLED?.trim().toLowerCase() !== "true" && env.OTEL_TRACES_EXPORTER?.trim() !== "none";
}

/** The OTLP protocol for traces: http/protobuf (the default) or http/json. gRPC is not shipped. */
export function tracesProtocol(env: Env): "http/protobuf" | "http/json" {
  const protocol = (env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL ?? "http/protobuf").trim() || "http/protobuf";
  if (protocol === "http/protobuf" || protocol === "http/json") return protocol;
  const variable = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ? "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL" : "OTEL_EXPORTER_OTLP_PROTOCOL";
  throw new Error(`${variable}=${protocol} is not supported: use http/protobuf or http/json`);
}

/**
 * The instrumentations this package can start, by the names OTEL_NODE_ENABLED/DISABLED_INSTRUMENTATIONS use
 * (the agent uses undici only: its own spans and log fields stand for http, aws-sdk and pino).
 */
export const INSTRUMENTATIONS = ["http", "aws-sdk", "undici", "pino"] as const;
export type InstrumentationName = (typeof INSTRUMENTATIONS)[number];

/**
 * The instrumentations to start: all of them, or those OTEL_NODE_ENABLED_INSTRUMENTATIONS lists, less those
 * OTEL_NODE_DISABLED_INSTRUMENTATIONS lists (comma-separated names, as the OpenTelemetry Node auto-instrumentation reads them).
 */
export function instrumentationsWanted(env: Env): Set<InstrumentationName> {
  const list = (value: string | undefined) =>
    new Set(
      (value ?? "")
        .split(",")
        .map((name) => name.trim())
        .filter(Boolean),
    );
  const enabled = list(env.OTEL_NODE_ENABLED_INSTRUMENTATIONS);
  const disabled = list(env.OTEL_NODE_DISABLED_INSTRUMENTATIONS);
  return new Set(INSTRUMENTATIONS.filter((name) => (enabled.size === 0 || enabled.has(name)) && !disabled.has(name)));
}

/** Content capture is a development aid: on only with the flag set to "true" and NODE_ENV other than production. */
export function contentCaptureEnabled(env: Env): boolean {
  return env[CAPTURE_CONTENT_FLAG]?.trim().toLowerCase() === "true" && env.NODE_ENV !== "production";
}

/**
 * Starts the OpenTelemetry Node SDK when OTEL_EXPORTER_OTLP_ENDPOINT (or the traces endpoint) is set, and
 * does nothing otherwise. The exporter, sampler (OTEL_TRACES_SAMPLER; parent-based 5 % when unset), batch processor (OTEL_BSP_*), headers
 * and timeouts follow the standard OTEL_* variables. Call it before importing the app: the pino and AWS SDK
 * instrumentations patch those modules as they load.
 */
export async function startTracing(env: Env, options: TracingOptions): Promise<StopTracing> {
  if (!tracingEnabled(env)) return stopNothing;
  const url = tracesEndpoint(env)!;
  const protocol = tracesProtocol(env);
  const captureContent = contentCaptureEnabled(env);

  // ESM imports reach the instrumentations through this loader hook; CommonJS requires are patched without it.
  // The agent needs none: what it still instruments (pino, undici) is CommonJS or a diagnostics channel, and the
  // hook, which wraps every ES module it loads (all of the agent's own code), measurably slowed each request.
  if (!options.fastify) {
    const { register } = await import("node:module");
    register("@opentelemetry/instrumentation/hook.mjs", import.meta.url);
  }

  const [
    { NodeSDK },
    { BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler },
    { resourceFromAttributes },
    { HttpInstrumentation },
    { AwsInstrumentation },
    { UndiciInstrumentation },
    { PinoInstrumentation },
    { RedactingSpanProcessor },
  ] = await Promise.all([
    import("@opentelemetry/sdk-node"),
    import("@opentelemetry/sdk-trace-base"),
    import("@opentelemetry/resources"),
    import("@opentelemetry/instrumentation-http"),
    import("@opentelemetry/instrumentation-aws-sdk"),
    import("@opentelemetry/instrumentation-undici"),
    import("@opentelemetry/instrumentation-pino"),
    import("./redaction"),
  ]);
  const exporter =
    protocol === "http/json"
      ? new (await import("@opentelemetry/exporter-trace-otlp-http")).OTLPTraceExporter({ url })
      : new (await import("@opentelemetry/exporter-trace-otlp-proto")).OTLPTraceExporter({ url });

  const wanted = instrumentationsWanted(env);
  const instrumentations: Instrumentation[] = [];
  // The agent makes its server and AWS spans itself (`fastify`); the web app and the image worker use the instrumentations.
  if (!options.fastify) {
    if (wanted.has("http")) instrumentations.push(new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => HEALTH_PATH.test(request.url ?? "") }));
    if (wanted.has("aws-sdk")) instrumentations.push(new AwsInstrumentation({ suppressInternalInstrumentation: true }));
  }
  if (wanted.has("undici")) instrumentations.push(new UndiciInstrumentation());
  // Log correlation only: trace_id and span_id on each line; log records stay on stdout. The agent's logger does
  // it with a mixin of its own (`traceFields`), which costs nothing until a line is written.
  if (wanted.has("pino") && !options.fastify) instrumentations.push(new PinoInstrumentation({ disableLogSending: true }));

  const sdk = new NodeSDK({
    resource: resourceFromAttributes({ "service.name": env.OTEL_SERVICE_NAME?.trim() || options.defaultServiceName }),
    // OTEL_TRACES_SAMPLER (and _ARG) win when set; the SDK reads them itself.
    ...(env.OTEL_TRACES_SAMPLER?.trim() ? {} : { sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(sampleRatio(env)) }) }),
    // The batch processor reads OTEL_BSP_* itself; the redacting processor filters attributes before it.
    spanProcessors: [new RedactingSpanProcessor(new BatchSpanProcessor(exporter), captureContent)],
    instrumentations,
  });
  sdk.start();
  appSpans = options.fastify === true;
  let stopped: Promise<void> | undefined;
  return () => (stopped ??= sdk.shutdown());
}
