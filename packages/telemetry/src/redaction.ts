import type { Context } from "@opentelemetry/api";
import type { ReadableSpan, Span, SpanProcessor } from "@opentelemetry/sdk-trace-base";

/**
 * Span attribute keys that may leave the process. Each carries a method, a status, a route template, an
 * address, a table or queue name, a model id, a count or an id: never brief text, a caption, a prompt, a
 * completion, a token or a key. Everything else is dropped before export.
 */
export const ALLOWED_SPAN_ATTRIBUTES: ReadonlySet<string> = new Set([
  // HTTP, stable and older semantic conventions (server, client, undici).
  "http.request.method",
  "http.request.method_original",
  "http.response.status_code",
  "http.route",
  "url.scheme",
  "url.path",
  "url.full",
  "server.address",
  "server.port",
  "client.address",
  "network.protocol.name",
  "network.protocol.version",
  "network.peer.address",
  "network.peer.port",
  "network.transport",
  "user_agent.original",
  "http.method",
  "http.status_code",
  "http.status_text",
  "http.scheme",
  "http.host",
  "http.flavor",
  "http.target",
  "http.url",
  "http.user_agent",
  "http.request_content_length_uncompressed",
  "http.response_content_length_uncompressed",
  "http.response_content_length",
  "net.host.name",
  "net.host.port",
  "net.host.ip",
  "net.peer.name",
  "net.peer.port",
  "net.peer.ip",
  "net.transport",
  // Fastify.
  "fastify.type",
  "fastify.plugin.name",
  "hook.name",
  "hook.callback.name",
  "service.name",
  // AWS SDK: DynamoDB, S3, SQS.
  "rpc.system",
  "rpc.service",
  "rpc.method",
  "cloud.region",
  "aws.region",
  "aws.request.id",
  "aws.dynamodb.table_names",
  "aws.dynamodb.index_name",
  "aws.dynamodb.consistent_read",
  "aws.dynamodb.limit",
  "aws.dynamodb.select",
  "aws.dynamodb.count",
  "aws.dynamodb.scanned_count",
  "aws.dynamodb.scan_forward",
  "db.system",
  "db.system.name",
  "db.operation",
  "db.operation.name",
  "db.name",
  "db.namespace",
  "aws.s3.bucket",
  "messaging.system",
  "messaging.operation",
  "messaging.operation.type",
  "messaging.destination.name",
  "messaging.message.id",
  "messaging.batch.message_count",
  // GenAI semantic conventions: model, usage and finish reasons only.
  "gen_ai.system",
  "gen_ai.provider.name",
  "gen_ai.operation.name",
  "gen_ai.request.model",
  "gen_ai.response.model",
  "gen_ai.response.id",
  "gen_ai.response.finish_reasons",
  "gen_ai.request.max_tokens",
  "gen_ai.request.temperature",
  "gen_ai.request.top_p",
  "gen_ai.usage.input_tokens",
  "gen_ai.usage.output_tokens",
  "gen_ai.usage.prompt_tokens",
  "gen_ai.usage.completion_tokens",
  "gen_ai.usage.total_tokens",
  "gen_ai.usage.cache_read_input_tokens",
  "gen_ai.usage.cache_write_input_tokens",
  "gen_ai.agent.name",
  "gen_ai.tool.name",
  "gen_ai.server.time_to_first_token",
  "gen_ai.server.request.duration",
  // Errors: the type, never the message (a validation message can quote the input).
  "error.type",
  "exception.type",
  "exception.escaped",
  "code.function",
  "code.function.name",
  "code.namespace",
]);

/**
 * Attributes of the product's own spans: `strategist.` followed by a name from this list (ids and closed
 * sets only, e.g. `strategist.job.id`, `strategist.generation.kind`).
 */
export const ALLOWED_PRODUCT_ATTRIBUTES: ReadonlySet<string> = new Set([
  "strategist.generation.kind",
  "strategist.generation.outcome",
  "strategist.strategy.id",
  "strategist.job.id",
  "strategist.job.state",
  "strategist.model.kind",
  "strategist.idempotent_replay",
  "strategist.limit",
]);

/** Keys whose values are credentials or content whatever the mode: dropped even when content capture is on. */
const ALWAYS_FORBIDDEN = /authorization|cookie|password|secret|api[._-]?key|access[._-]?key|session[._-]?token|credential|jwt|(^|\.)token$/i;

/** Attribute values that are URLs lose their query string and fragment: presigned links carry signatures there. */
const URL_KEYS = new Set(["url.full", "http.url", "http.target"]);

/** Whether an attribute key may be exported. With content capture on, only credentials are dropped. */
export function isAllowedAttribute(key: string, captureContent = false): boolean {
  if (ALLOWED_SPAN_ATTRIBUTES.has(key) || ALLOWED_PRODUCT_ATTRIBUTES.has(key)) return true;
  if (captureContent) return !ALWAYS_FORBIDDEN.test(key);
  return false;
}

/** `https://h/p?X-Amz-Signature=...#f` -> `https://h/p`. */
export function withoutQuery(value: string): string {
  const cut = value.search(/[?#]/);
  return cut < 0 ? value : value.slice(0, cut);
}

/** Removes, in place, every attribute that may not be exported; strips queries from URL values. */
export function redactAttributes(attributes: Record<string, unknown>, captureContent = false): void {
  for (const key of Object.keys(attributes)) {
    if (!isAllowedAttribute(key, captureContent)) delete attributes[key];
    else if (URL_KEYS.has(key) && typeof attributes[key] === "string") attributes[key] = withoutQuery(attributes[key]);
  }
}

/**
 * Strands records a model call's finish reason only inside its `gen_ai.choice` events, beside the message text the
 * redaction drops; the reasons are copied to the span's `gen_ai.response.finish_reasons` so they survive it.
 */
function liftFinishReasons(span: ReadableSpan): void {
  const attributes = span.attributes as Record<string, unknown>;
  if (attributes["gen_ai.response.finish_reasons"] !== undefined) return;
  const reasons = span.events
    .filter((event) => event.name === "gen_ai.choice" && typeof event.attributes?.finish_reason === "string")
    .map((event) => event.attributes!.finish_reason as string);
  if (reasons.length > 0) attributes["gen_ai.response.finish_reasons"] = reasons;
}

/**
 * Runs before the exporting processor: span, event and link attributes are filtered to the allowed keys
 * when the span ends, so nothing else ever reaches the exporter.
 */
export class RedactingSpanProcessor implements SpanProcessor {
  constructor(
    private readonly next: SpanProcessor,
    private readonly captureContent = false,
  ) {}

  onStart(span: Span, parentContext: Context): void {
    this.next.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    liftFinishReasons(span);
    redactAttributes(span.attributes, this.captureContent);
    for (const event of span.events) if (event.attributes) redactAttributes(event.attributes, this.captureContent);
    for (const link of span.links) if (link.attributes) redactAttributes(link.attributes, this.captureContent);
    this.next.onEnd(span);
  }

  forceFlush(): Promise<void> {
    return this.next.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.next.shutdown();
  }
}
