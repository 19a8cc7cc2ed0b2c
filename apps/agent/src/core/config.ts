import { parseAllowHosts } from "@strategist/fetcher";
import { z } from "zod";

const optionalString = z.preprocess((value) => (value === "" ? undefined : value), z.string().optional());
const flag = z.preprocess(
  (value) => (typeof value === "string" && value !== "" ? value.toLowerCase() : undefined),
  z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((value) => value === "true" || value === "1"),
);
const positiveNumber = (fallback: number) => z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().positive().default(fallback));
const positiveInt = (fallback: number) => z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().int().positive().default(fallback));

/** Every environment variable the agent reads; the keys are the variable names. */
export const agentEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  HOST: z.string().default("0.0.0.0"),
  PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  /** The Prometheus exposition's own port, bound on HOST like the app; never the API port. 0 picks a free one. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  JWT_SECRET: optionalString,
  AWS_REGION: z.string().default("us-east-1"),
  DYNAMODB_ENDPOINT: optionalString.pipe(z.url().optional()),
  DYNAMODB_STRATEGIES_TABLE: z.string().min(3).default("strategies-dev"),
  DYNAMODB_USERS_TABLE: z.string().min(3).default("users-dev"),
  DYNAMODB_BRANDS_TABLE: z.string().min(3).default("brands-dev"),
  DYNAMODB_STRATEGY_ITEMS_TABLE: z.string().min(3).default("strategy-items-dev"),
  DYNAMODB_LIMITS_TABLE: z.string().min(3).default("limits-dev"),
  DYNAMODB_SESSIONS_TABLE: z.string().min(3).default("sessions-dev"),
  DYNAMODB_API_KEYS_TABLE: z.string().min(3).default("api-keys-dev"),
  /** Failed API key attempts a client IP may make per minute before 429. */
  API_KEY_FAILURES_PER_IP_PER_MINUTE: positiveInt(20),
  /** Proxies in front of the agent whose X-Forwarded-For entry is trusted (the web app: 1 in production); 0 uses the socket. */
  TRUST_PROXY_HOPS: z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().int().min(0).max(10).default(0)),
  DYNAMODB_CREATE_TABLES: flag,
  DATA_DIR: z.string().default(".data"),
  MODEL_PROVIDER: z.enum(["offline", "bedrock", "openai"]).default("offline"),
  BEDROCK_MODEL_ID: z.string().default("us.anthropic.claude-sonnet-4-20250514-v1:0"),
  BEDROCK_ENDPOINT: optionalString.pipe(z.url().optional()),
  BEDROCK_MAX_TOKENS: positiveInt(4096),
  BEDROCK_TEMPERATURE: z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().min(0).max(1).default(0.7)),
  BEDROCK_MODELS: z
    .string()
    .default("us.anthropic.claude-sonnet-4-20250514-v1:0=Claude Sonnet 4,us.amazon.nova-pro-v1:0=Amazon Nova Pro,qwen.qwen3-32b-v1:0=Qwen3 32B"),
  BEDROCK_FALLBACK_MODEL_IDS: optionalString,
  BEDROCK_MAX_ATTEMPTS: positiveInt(4),
  BEDROCK_RETRY_BASE_MS: positiveInt(500),
  AGENT_TIMEOUT_SECONDS: positiveNumber(60),
  /** Any OpenAI-compatible Chat Completions endpoint: OpenAI, OpenRouter, Ollama, LM Studio, vLLM. */
  OPENAI_BASE_URL: z.preprocess((value) => (value === "" ? undefined : value), z.url().default("https://api.openai.com/v1")),
  /** Local servers (Ollama, LM Studio) accept any key; hosted ones need theirs. */
  OPENAI_API_KEY: optionalString,
  /** `id=Display name` entries separated by commas; the first is the default model. */
  OPENAI_MODELS: z.string().default("gpt-4o-mini=GPT-4o mini"),
  OPENAI_FALLBACK_MODEL_IDS: optionalString,
  /** Prices in USD per million tokens, `id=input/output/cacheRead` entries separated by commas; they override the defaults. */
  MODEL_PRICES: optionalString,
  FRONTEND_URL: z.string().default("http://localhost:3000"),
  RATE_LIMIT_PER_MINUTE: positiveInt(10),
  MAX_CONCURRENT_GENERATIONS: positiveInt(100),
  MAX_CONCURRENT_GENERATIONS_PER_USER: positiveInt(3),
  DYNAMODB_IMAGE_JOBS_TABLE: z.string().min(3).default("image-jobs-dev"),
  S3_ENDPOINT: optionalString.pipe(z.url().optional()),
  S3_BUCKET: z.string().min(3).default("strategist-images-dev"),
  S3_PRESIGN_EXPIRES_SECONDS: positiveInt(3600),
  BEDROCK_IMAGE_MODEL_ID: z.string().default("amazon.nova-canvas-v1:0"),
  BEDROCK_IMAGE_MODELS: z.string().default("amazon.nova-canvas-v1:0=Amazon Nova Canvas,stability.stable-image-core-v1:1=Stable Image Core"),
  IMAGE_WORKER: z.enum(["in-process", "sqs"]).default("in-process"),
  IMAGE_QUEUE_URL: optionalString.pipe(z.url().optional()),
  SQS_ENDPOINT: optionalString.pipe(z.url().optional()),
  IMAGE_WORKER_CONCURRENCY: positiveInt(2),
  /** Worker threads rendering exports (PDF, ICS, CSV) at once, off the event loop. */
  EXPORT_THREADS: positiveInt(1),
  /** Exports waiting for a thread at most; past it, 503 with Retry-After. */
  EXPORT_QUEUE_MAX: positiveInt(8),
  /** One export's time budget, waiting included; past it, 504 with Retry-After. */
  EXPORT_TIME_BUDGET_SECONDS: positiveInt(10),
  IMAGE_JOB_LEASE_SECONDS: positiveInt(120),
  IMAGE_JOB_SWEEP_SECONDS: positiveInt(15),
  IMAGE_JOB_RETRY_BASE_MS: positiveInt(1000),
  IMAGE_JOBS_MAX_ACTIVE_PER_USER: positiveInt(3),
  GENERATION_LEASE_SECONDS: positiveNumber(30),
  READ_RATE_LIMIT_PER_MINUTE: positiveInt(600),
  /**
   * Comma-separated exact `host:port` pairs the page fetcher may reach although they are local or on another port
   * (development and tests only; docs/sources.md). Production logs a warning when it is set.
   */
  FETCH_ALLOW_HOSTS: optionalString,
  /** The page fetcher's budget for one page: robots.txt, redirects and the body. */
  FETCH_TIMEOUT_SECONDS: positiveNumber(10),
  /**
   * Comma-separated ports the page fetcher reads on any host (hosts in FETCH_ALLOW_HOSTS aside). Production sets 443
   * alone, the one port its security group lets the agent reach on the internet, so an http URL is refused at once.
   */
  FETCH_PORTS: z.string().default("80,443"),
});
type AgentEnv = z.infer<typeof agentEnvSchema>;

/** What a model costs, in USD per million tokens. */
export interface ModelPrice {
  input: number;
  output: number;
  cacheRead: number;
}

/** Parses MODEL_PRICES: `id=input/output/cacheRead` entries separated by commas (cacheRead may be left out). */
export function parsePrices(value: string | undefined): Record<string, ModelPrice> {
  const prices: Record<string, ModelPrice> = {};
  for (const entry of (value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const at = entry.lastIndexOf("=");
    const numbers = entry
      .slice(at + 1)
      .split("/")
      .map((part) => Number(part.trim()));
    const [input, output, cacheRead = input] = numbers;
    if (at <= 0 || numbers.length < 2 || numbers.length > 3 || [input, output, cacheRead].some((n) => n === undefined || !Number.isFinite(n) || n < 0)) {
      throw new Error(`MODEL_PRICES: "${entry}" is not id=input/output[/cacheRead] in USD per million tokens`);
    }
    prices[entry.slice(0, at).trim()] = { input: input!, output: output!, cacheRead: cacheRead! };
  }
  return prices;
}

/** The agent's configuration after checks that span variables (the JWT secret rule). */
export type AgentConfig = Omit<AgentEnv, "JWT_SECRET"> & { JWT_SECRET: string };

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Minimum JWT secret length in bytes: HS256 needs a key at least as long as its hash (RFC 7518 §3.2). */
const MIN_JWT_SECRET_BYTES = 32;

/**
 * Parses the environment once. The JWT secret must come from the environment in production; elsewhere a
 * caller may supply a development secret (the server keeps one under DATA_DIR).
 */
export function loadConfig(env: Record<string, string | undefined>, developmentSecret?: () => string): AgentConfig {
  const parsed = agentEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const config = parsed.data;
  let secret = config.JWT_SECRET;
  if (!secret) {
    if (config.NODE_ENV === "production" || !developmentSecret) {
      throw new ConfigError("JWT_SECRET is required (at least 32 bytes; generate one with `openssl rand -hex 32`)");
    }
    secret = developmentSecret();
  }
  if (Buffer.byteLength(secret, "utf8") < MIN_JWT_SECRET_BYTES) {
    throw new ConfigError(`JWT_SECRET must be at least ${MIN_JWT_SECRET_BYTES} bytes`);
  }
  try {
    parsePrices(config.MODEL_PRICES);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  if (parsePorts(config.FETCH_PORTS).length === 0) throw new ConfigError(`FETCH_PORTS: "${config.FETCH_PORTS}" is not a list of ports such as 80,443`);
  for (const entry of parseAllowHosts(config.FETCH_ALLOW_HOSTS)) {
    if (!/^(?:\[[0-9a-f:.]+\]|[^\s:/@[\]]+):\d{1,5}$/i.test(entry)) throw new ConfigError(`FETCH_ALLOW_HOSTS: "${entry}" is not host:port`);
  }
  return { ...config, JWT_SECRET: secret };
}

/** FETCH_PORTS as numbers; empty when any entry is not a port. */
function parsePorts(value: string): number[] {
  const entries = value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const ports = entries.map(Number);
  return entries.length > 0 && ports.every((port, index) => /^\d{1,5}$/.test(entries[index]!) && port >= 1 && port <= 65535) ? ports : [];
}

/** The page fetcher's settings from the configuration: the allowed hosts (FETCH_ALLOW_HOSTS), ports and time budget. */
export function fetchSettings(config: Pick<AgentEnv, "FETCH_ALLOW_HOSTS" | "FETCH_TIMEOUT_SECONDS" | "FETCH_PORTS">): {
  allowHosts: string[];
  allowPorts: number[];
  timeoutMs: number;
} {
  return {
    allowHosts: parseAllowHosts(config.FETCH_ALLOW_HOSTS),
    allowPorts: parsePorts(config.FETCH_PORTS),
    timeoutMs: Math.round(config.FETCH_TIMEOUT_SECONDS * 1000),
  };
}

/** Settings that are allowed but risky where they are: logged as warnings when the service starts. */
export function configWarnings(config: Pick<AgentEnv, "NODE_ENV" | "FETCH_ALLOW_HOSTS">): string[] {
  const warnings: string[] = [];
  const allowed = parseAllowHosts(config.FETCH_ALLOW_HOSTS);
  if (config.NODE_ENV === "production" && allowed.length > 0) {
    warnings.push(`FETCH_ALLOW_HOSTS is set in production: the page fetcher may reach ${allowed.join(", ")}, which it otherwise refuses`);
  }
  return warnings;
}

/** The image worker service's configuration: the agent's variables, without the JWT secret it never uses. */
export function loadWorkerConfig(env: Record<string, string | undefined>): AgentEnv {
  const parsed = agentEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(`Invalid configuration: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  }
  return parsed.data;
}
