import type { Metrics } from "./metrics";

/** The slice of an AWS SDK v3 client this module needs: its middleware stack. */
export interface ClientWithMiddleware {
  middlewareStack: {
    add(middleware: (next: Handler, context: { commandName?: string }) => Handler, options: { step: "initialize"; name: string; override?: boolean }): void;
  };
}
type Handler = (args: any) => Promise<any>;

/** Name of the middleware on the client's stack. */
export const DYNAMODB_METRICS_MIDDLEWARE = "strategistDynamoDbMetrics";

const operationOf = (commandName: string | undefined) => (commandName ?? "").replace(/Command$/, "");

/**
 * Records every call the client makes (retries included, since the initialize step wraps them) in
 * `dynamodb_call_duration_seconds` by operation and outcome. It reads only the command name: no key,
 * table name or item ever reaches a label, and it logs nothing.
 */
export function instrumentDynamoDb(client: ClientWithMiddleware, metrics: Pick<Metrics, "observeDynamoDbCall">): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
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
    },
    { step: "initialize", name: DYNAMODB_METRICS_MIDDLEWARE, override: true },
  );
}
