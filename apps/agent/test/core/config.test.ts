import { describe, expect, it } from "vitest";
import { agentEnvSchema, configWarnings, fetchSettings, loadConfig } from "../../src/core/config";

const SECRET = "s".repeat(32);

describe("configuration", () => {
  it("uses the documented defaults", () => {
    const config = loadConfig({ JWT_SECRET: SECRET });
    expect(config).toMatchObject({
      PORT: 8000,
      METRICS_PORT: 9464,
      AWS_REGION: "us-east-1",
      DYNAMODB_STRATEGIES_TABLE: "strategies-dev",
      DYNAMODB_USERS_TABLE: "users-dev",
      MODEL_PROVIDER: "offline",
      AGENT_TIMEOUT_SECONDS: 60,
      RATE_LIMIT_PER_MINUTE: 10,
      FRONTEND_URL: "http://localhost:3000",
      DATA_DIR: ".data",
      DYNAMODB_CREATE_TABLES: false,
    });
  });

  it("reads FETCH_ALLOW_HOSTS as exact host:port pairs, warns about it in production only, and refuses an entry without a port", () => {
    const config = loadConfig({ JWT_SECRET: SECRET, FETCH_ALLOW_HOSTS: " 127.0.0.1:8080, localhost:3000,[::1]:9000 ", FETCH_TIMEOUT_SECONDS: "2.5" });
    expect(fetchSettings(config)).toEqual({ allowHosts: ["127.0.0.1:8080", "localhost:3000", "[::1]:9000"], allowPorts: [80, 443], timeoutMs: 2500 });
    expect(fetchSettings(loadConfig({ JWT_SECRET: SECRET }))).toEqual({ allowHosts: [], allowPorts: [80, 443], timeoutMs: 10_000 });
    expect(fetchSettings(loadConfig({ JWT_SECRET: SECRET, FETCH_PORTS: "443" })).allowPorts).toEqual([443]);
    for (const ports of ["", "http", "80,", "0", "70000", "80;443"]) {
      if (ports === "80,") expect(fetchSettings(loadConfig({ JWT_SECRET: SECRET, FETCH_PORTS: ports })).allowPorts).toEqual([80]);
      else expect(() => loadConfig({ JWT_SECRET: SECRET, FETCH_PORTS: ports }), ports).toThrow(/FETCH_PORTS/);
    }
    expect(configWarnings(config)).toEqual([]);
    expect(configWarnings({ ...config, NODE_ENV: "production" })).toEqual([expect.stringMatching(/FETCH_ALLOW_HOSTS is set in production.*127\.0\.0\.1:8080/)]);
    expect(configWarnings({ NODE_ENV: "production", FETCH_ALLOW_HOSTS: "" })).toEqual([]);
    expect(() => loadConfig({ JWT_SECRET: SECRET, FETCH_ALLOW_HOSTS: "127.0.0.1" })).toThrow(/FETCH_ALLOW_HOSTS: "127.0.0.1" is not host:port/);
    expect(() => loadConfig({ JWT_SECRET: SECRET, FETCH_ALLOW_HOSTS: "http://a:1/" })).toThrow(/FETCH_ALLOW_HOSTS/);
  });

  it("refuses a JWT secret shorter than 32 bytes", () => {
    expect(() => loadConfig({ JWT_SECRET: "s".repeat(31) })).toThrow(/at least 32 bytes/);
    expect(() => loadConfig({ JWT_SECRET: "é".repeat(16) })).not.toThrow();
  });

  it("has no default secret in production, even when a development secret is on offer", () => {
    expect(() => loadConfig({ NODE_ENV: "production" }, () => SECRET)).toThrow(/JWT_SECRET is required/);
    expect(loadConfig({ NODE_ENV: "development" }, () => SECRET).JWT_SECRET).toBe(SECRET);
  });

  it("names the variable when a value is wrong", () => {
    expect(() => loadConfig({ JWT_SECRET: SECRET, MODEL_PROVIDER: "gpt" })).toThrow(/MODEL_PROVIDER/);
    expect(() => loadConfig({ JWT_SECRET: SECRET, AGENT_TIMEOUT_SECONDS: "-1" })).toThrow(/AGENT_TIMEOUT_SECONDS/);
    expect(() => loadConfig({ JWT_SECRET: SECRET, DYNAMODB_ENDPOINT: "not a url" })).toThrow(/DYNAMODB_ENDPOINT/);
  });

  it("reads flags and treats empty values as unset", () => {
    expect(loadConfig({ JWT_SECRET: SECRET, DYNAMODB_CREATE_TABLES: "true", DYNAMODB_ENDPOINT: "" })).toMatchObject({
      DYNAMODB_CREATE_TABLES: true,
      DYNAMODB_ENDPOINT: undefined,
    });
  });

  it("lists every variable the service reads", () => {
    expect(Object.keys(agentEnvSchema.shape)).toEqual(
      expect.arrayContaining(["JWT_SECRET", "AGENT_TIMEOUT_SECONDS", "BEDROCK_MODEL_ID", "FRONTEND_URL", "RATE_LIMIT_PER_MINUTE", "DATA_DIR"]),
    );
  });
});
