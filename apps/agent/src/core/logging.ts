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
