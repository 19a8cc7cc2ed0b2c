import "server-only";

/**
 * Writes one JSON log line to stdout, in the shape the agent's pino lines have (`level`, `time`, `service`, `msg`).
 * The web logs no requests: only the events that call this.
 */
export function logLine(level: "info" | "warn" | "error", msg: string, fields: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ level, time: Date.now(), service: "strategist-web", ...fields, msg }));
}
