import { appMakesSpans, traceFields } from "@strategist/telemetry";
import type { LoggerOptions } from "pino";

/** A URL as logged: a calendar feed's token (the only key to the feed) replaced by `***`. */
export function loggedUrl(url: string): string {
  return url.replace(/(\/plan-feeds\/)[^/?#.]+/gu, "$1***");
}

interface RequestLike {
  method: string;
  url: string;
  hostname?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Log options: JSON lines, request ids, and never a token, cookie or secret. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: ["req.headers.authorization", "req.headers.cookie", "headers.authorization", "*.password", "*.token"], remove: true },
    base: { service: "strategist-agent" },
    serializers: {
      req: (request: RequestLike) => ({
        method: request.method,
        url: loggedUrl(request.url),
        host: request.hostname,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
    },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    // With tracing on, a line written inside a sampled request or job carries its trace_id and span_id.
    ...(appMakesSpans() ? { mixin: traceFields } : {}),
  };
}

/** The fields a logger does not already carry (pino writes a key twice when a line repeats a child's binding). */
export function unbound(log: unknown, fields: Record<string, unknown>): Record<string, unknown> {
  const bindings = (log as { bindings?: () => Record<string, unknown> }).bindings?.() ?? {};
  return Object.fromEntries(Object.entries(fields).filter(([key]) => !(key in bindings)));
}
