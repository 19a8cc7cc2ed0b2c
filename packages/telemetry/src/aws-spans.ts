import { context, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import type { InitializeMiddleware, MiddlewareStack } from "@smithy/types";

/** Name of the middleware on the client's stack. */
export const AWS_SPANS_MIDDLEWARE = "strategistAwsSpans";

const tracer = () => trace.getTracer("strategist-aws-sdk");

/**
 * A client span per AWS call (DynamoDB, S3, SQS) named `<service>.<operation>`, with the semantic-convention
 * attributes the AWS SDK instrumentation writes (rpc.*, cloud.region, the DynamoDB table), made only inside a
 * request or job whose span is being recorded. A call outside a sampled trace costs one context lookup: no span,
 * no context switch, no root trace of its own. The initialize step wraps the SDK's retries: one call, one span.
 */
export function traceAwsCalls<Input extends object, Output extends object>(
  client: { middlewareStack: MiddlewareStack<Input, Output>; config?: { region?: unknown } },
  service: "DynamoDB" | "S3" | "SQS",
): void {
  const middleware: InitializeMiddleware<Input, Output> = (next, handlerContext) => async (args) => {
    if (!trace.getActiveSpan()?.isRecording()) return next(args);
    const operation = (handlerContext.commandName ?? "").replace(/Command$/, "");
    const input = args.input as { TableName?: unknown; Bucket?: unknown; ConsistentRead?: unknown; IndexName?: unknown };
    const span = tracer().startSpan(`${service}.${operation}`, {
      kind: SpanKind.CLIENT,
      attributes: {
        "rpc.system": "aws-api",
        "rpc.service": service,
        "rpc.method": operation,
        ...(typeof input.TableName === "string" ? { "aws.dynamodb.table_names": [input.TableName], "db.system": "dynamodb" } : {}),
        ...(typeof input.IndexName === "string" ? { "aws.dynamodb.index_name": input.IndexName } : {}),
        ...(typeof input.ConsistentRead === "boolean" ? { "aws.dynamodb.consistent_read": input.ConsistentRead } : {}),
        ...(typeof input.Bucket === "string" ? { "aws.s3.bucket": input.Bucket } : {}),
      },
    });
    try {
      const result = await context.with(trace.setSpan(context.active(), span), () => next(args));
      const metadata = (result.output as { $metadata?: { requestId?: string; httpStatusCode?: number } }).$metadata;
      if (metadata?.requestId) span.setAttribute("aws.request.id", metadata.requestId);
      if (metadata?.httpStatusCode) span.setAttribute("http.status_code", metadata.httpStatusCode);
      return result;
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : "error" });
      throw error;
    } finally {
      span.end();
    }
  };
  client.middlewareStack.add(middleware, { step: "initialize", name: AWS_SPANS_MIDDLEWARE, override: true });
}
