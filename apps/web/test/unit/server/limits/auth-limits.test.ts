import { startEmbeddedDynamo, type EmbeddedDynamo } from "@strategist/dynamo/embedded";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let dynamo: EmbeddedDynamo;
let limitAuthByIp: typeof import("@/server/limits/auth-limits").limitAuthByIp;

beforeAll(async () => {
  dynamo = await startEmbeddedDynamo();
  // The web reads its configuration from the environment once; this file's module graph is its own.
  Object.assign(process.env, {
    JWT_SECRET: "x".repeat(32),
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    DYNAMODB_LIMITS_TABLE: "limits-auth-test",
    AUTH_RATE_LIMIT_PER_IP_PER_MINUTE: "2",
    TRUST_PROXY_HOPS: "1",
  });
  ({ limitAuthByIp } = await import("@/server/limits/auth-limits"));
}, 60_000);
afterAll(() => dynamo.close());

const from = (forwardedFor: string) => new Request("http://web.test/api/auth/login", { method: "POST", headers: { "x-forwarded-for": forwardedFor } });

describe("per-IP limit on sign-up and log-in", () => {
  it("lets a client IP make AUTH_RATE_LIMIT_PER_IP_PER_MINUTE attempts per route a minute, whatever it prepends to X-Forwarded-For", async () => {
    expect(await limitAuthByIp(from("10.0.0.7"), "login")).toBeUndefined();
    expect(await limitAuthByIp(from("1.2.3.4, 10.0.0.7"), "login")).toBeUndefined();
    const refused = await limitAuthByIp(from("9.9.9.9, 10.0.0.7"), "login");
    expect(refused?.status).toBe(429);
    expect(await refused?.json()).toEqual({ detail: "Rate limit exceeded" });
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another client, and the same client on the other route, have their own counts.
    expect(await limitAuthByIp(from("10.0.0.8"), "login")).toBeUndefined();
    expect(await limitAuthByIp(from("10.0.0.7"), "register")).toBeUndefined();
  });
});
