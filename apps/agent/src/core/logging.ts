import type { LoggerOptions } from "pino";

/** Log options: JSON lines, request ids, and never a token, cookie or secret. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: ["req.headers.authorization", "req.headers.cookie", "headers.authorization", "*.password", "*.token"], remove: true },
    base: { service: "strategist-agent" },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
  };
}

/** The fields a logger does not already carry (pino writes a key twice when a line repeats a child's binding). */
export function unbound(log: unknown, fields: Record<string, unknown>): Record<string, unknown> {
  const bindings = (log as { bindings?: () => Record<string, unknown> }).bindings?.() ?? {};
  return Object.fromEntries(Object.entries(fields).filter(([key]) => !(key in bindings)));
}
