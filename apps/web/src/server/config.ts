import "server-only";
import { z } from "zod";

/** Minimum JWT secret length in bytes: HS256 needs a key at least as long as its hash (RFC 7518 §3.2). */
const MIN_JWT_SECRET_BYTES = 32;

const optionalString = z.preprocess((value) => (value === "" ? undefined : value), z.string().optional());

/** Every environment variable the web app reads; the keys are the variable names. */
export const webEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** The Prometheus exposition's own port (src/instrumentation.ts); never the app's port. 0 picks a free one. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9465),
  AGENT_URL: z.url().default("http://127.0.0.1:8000"),
  JWT_SECRET: z
    .string({ error: "JWT_SECRET is required (at least 32 bytes; generate one with `openssl rand -hex 32`)" })
    .refine((secret) => Buffer.byteLength(secret, "utf8") >= MIN_JWT_SECRET_BYTES, {
      error: `JWT_SECRET must be at least ${MIN_JWT_SECRET_BYTES} bytes`,
    }),
  AWS_REGION: z.string().min(1).default("us-east-1"),
  DYNAMODB_ENDPOINT: optionalString.pipe(z.url().optional()),
  DYNAMODB_USERS_TABLE: z.string().min(3).default("users-dev"),
  DYNAMODB_LIMITS_TABLE: z.string().min(3).default("limits-dev"),
  /** Proxies in front of the web that append to X-Forwarded-For (1 behind the AWS load balancer). */
  TRUST_PROXY_HOPS: z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().int().min(0).max(10).default(0)),
  /** Sign-ups, log-ins and password-reset requests and confirmations one client IP may attempt per minute, per route, across every web task. */
  AUTH_RATE_LIMIT_PER_IP_PER_MINUTE: z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().int().positive().default(20)),
  DYNAMODB_SESSIONS_TABLE: z.string().min(3).default("sessions-dev"),
  DYNAMODB_CREATE_TABLES: z.preprocess(
    (value) => (typeof value === "string" && value !== "" ? value.toLowerCase() : undefined),
    z
      .enum(["true", "false", "1", "0"])
      .optional()
      .transform((value) => value === "true" || value === "1"),
  ),
});
export type WebConfig = z.infer<typeof webEnvSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses an environment; a bad one fails with a message naming each variable. */
export function parseWebConfig(env: Record<string, string | undefined>): WebConfig {
  const parsed = webEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}

let cached: WebConfig | undefined;

/**
 * The web app's configuration, parsed from the environment on first use. Lazy because `next build`
 * loads route modules without the runtime secrets; the first request fails fast instead.
 */
export function webConfig(): WebConfig {
  cached ??= parseWebConfig(process.env);
  return cached;
}
