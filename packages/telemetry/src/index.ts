export { createMetrics, DEFAULT_PREFIX, FAMILIES, METRIC_FAMILIES, processMetrics, type Metrics, type MetricsOptions } from "./metrics";
export { startMetricsServer, type MetricsServer, type MetricsServerOptions } from "./server";
export { instrumentDynamoDb, DYNAMODB_METRICS_MIDDLEWARE } from "./dynamodb";
export { traceAwsCalls, AWS_SPANS_MIDDLEWARE } from "./aws-spans";
export { traceFields, traceRequests } from "./request-spans";
export * from "./labels";
export { ALLOWED_PRODUCT_ATTRIBUTES, ALLOWED_SPAN_ATTRIBUTES, isAllowedAttribute, RedactingSpanProcessor, redactAttributes } from "./redaction";
export {
  CAPTURE_CONTENT_FLAG,
  contentCaptureEnabled,
  appMakesSpans,
  DEFAULT_SAMPLE_RATIO,
  startTracing,
  tracesEndpoint,
  tracesProtocol,
  tracingEnabled,
  type Env,
  type StopTracing,
  type TracingOptions,
} from "./tracing";
