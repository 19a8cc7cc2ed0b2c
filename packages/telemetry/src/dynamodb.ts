import type { InitializeMiddleware, MiddlewareStack } from "@smithy/types";
import type { Metrics } from "./metrics";

/** Name of the middleware on the client's stack. */
export const DYNAMODB_METRICS_MIDDLEWARE = "strategistDynamoDbMetrics";

const operationOf = (commandName: string | undefined) => (commandName ?? "").replace(/Command$/, "");

/**
 * Records every call the client makes in `dynamodb_call_duration_seconds` by operation and outcome (the
 * initialize step wraps the SDK's retries, so one call is one observation). It reads only the command name:
 * no key, table name or item ever reaches a label, and it logs nothing. Adding it twice replaces the first.
 */
export function instrumentDynamoDb<Input extends object, Output extends object>(
  client: { middlewareStack: MiddlewareStack<Input, Output> },
  metrics: Pick<Metrics, "observeDynamoDbCall">,
): void {
  const middleware: InitializeMiddleware<Input, Output> = (next, context) => async (args) => {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const result = await next(args);
      metrics.observeDynamoDbCall(operationOf(context.commandName), "ok", seconds());
      return result;
    } catch (error) {
      metrics.observeDynamoDbCall(operationOf(context.commandName), "error", seconds());
      throw error;
    }
  };
  client.middlewareStack.add(middleware, { step: "initialize", name: DYNAMODB_METRICS_MIDDLEWARE, override: true });
}
