import "server-only";
import { processMetrics, type LimitName, type Metrics } from "@strategist/telemetry";

/** The web app's registry, served on METRICS_PORT by src/instrumentation.ts. */
export function webMetrics(): Metrics {
  return processMetrics("web");
}

/**
 * A route handler that records its duration under the route's template (`/api/strategy/[...path]`), never the
 * path. For a streamed answer the time is the time to its headers.
 */
export function measured<Rest extends unknown[]>(
  route: string,
  handler: (request: Request, ...rest: Rest) => Promise<Response>,
): (request: Request, ...rest: Rest) => Promise<Response> {
  webMetrics().registerRoute(route);
  return async (request, ...rest) => {
    const started = performance.now();
    let status = 500;
    try {
      const response = await handler(request, ...rest);
      status = response.status;
      return response;
    } finally {
      webMetrics().observeRequest(route, request.method, status, (performance.now() - started) / 1000);
    }
  };
}

/** Counts a request a limit turned away. */
export function countLimitRejection(limit: LimitName): void {
  webMetrics().countLimitRejection(limit);
}
