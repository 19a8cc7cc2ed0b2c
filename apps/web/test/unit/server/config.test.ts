import { describe, expect, it } from "vitest";
import { ConfigError, parseWebConfig, webEnvSchema } from "@/server/config";

const SECRET = "x".repeat(32);

describe("web configuration", () => {
  it("is keyed by the environment variable names", () => {
    expect(Object.keys(webEnvSchema.shape).sort()).toEqual(
      [
        "AGENT_URL",
        "AWS_REGION",
        "DYNAMODB_CREATE_TABLES",
        "DYNAMODB_ENDPOINT",
        "DYNAMODB_USERS_TABLE",
        "DYNAMODB_LIMITS_TABLE",
        "DYNAMODB_SESSIONS_TABLE",
        "TRUST_PROXY_HOPS",
        "AUTH_RATE_LIMIT_PER_IP_PER_MINUTE",
        "JWT_SECRET",
        "NODE_ENV",
        "PORT",
        "METRICS_PORT",
      ].sort(),
    );
  });

  it("fills the documented defaults", () => {
    expect(parseWebConfig({ JWT_SECRET: SECRET })).toEqual({
      NODE_ENV: "development",
      PORT: 3000,
      METRICS_PORT: 9465,
      AGENT_URL: "http://127.0.0.1:8000",
      JWT_SECRET: SECRET,
      AWS_REGION: "us-east-1",
      DYNAMODB_ENDPOINT: undefined,
      DYNAMODB_USERS_TABLE: "users-dev",
      DYNAMODB_LIMITS_TABLE: "limits-dev",
      TRUST_PROXY_HOPS: 0,
      AUTH_RATE_LIMIT_PER_IP_PER_MINUTE: 20,
      DYNAMODB_SESSIONS_TABLE: "sessions-dev",
      DYNAMODB_CREATE_TABLES: false,
    });
  });

  it("requires a JWT secret of at least 32 bytes, naming the variable", () => {
    expect(() => parseWebConfig({ NODE_ENV: "production" })).toThrow(/JWT_SECRET/);
    expect(() => parseWebConfig({ JWT_SECRET: "x".repeat(31) })).toThrow(ConfigError);
    expect(() => parseWebConfig({ JWT_SECRET: "é".repeat(16) })).not.toThrow();
  });

  it("rejects a malformed agent URL or DynamoDB endpoint and reads the table flag", () => {
    expect(() => parseWebConfig({ JWT_SECRET: SECRET, AGENT_URL: "not a url" })).toThrow(/AGENT_URL/);
    expect(() => parseWebConfig({ JWT_SECRET: SECRET, DYNAMODB_ENDPOINT: "nope" })).toThrow(/DYNAMODB_ENDPOINT/);
    expect(parseWebConfig({ JWT_SECRET: SECRET, DYNAMODB_CREATE_TABLES: "TRUE", DYNAMODB_ENDPOINT: "" })).toMatchObject({
      DYNAMODB_CREATE_TABLES: true,
      DYNAMODB_ENDPOINT: undefined,
    });
  });
});
