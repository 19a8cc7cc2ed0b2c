import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** A stand-in agent on loopback: each test says how it answers and sees what arrived. */
let handle: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) => response.end();
let agent: Server;
let api: typeof import("@/server/agent-api");

const RECORD = {
  id: "s-1",
  user_id: "u-1",
  brand_name: "Acme",
  industry: "Retail",
  target_audience: "Everyone",
  goals: "Grow",
  strategy_output: {
    content_pillars: ["a", "b", "c"],
    posting_schedule: "Daily",
    platform_recommendations: [
      { platform: "Instagram", rationale: "Visual", priority: "high" },
      { platform: "LinkedIn", rationale: "B2B", priority: "low" },
    ],
    content_themes: ["1", "2", "3", "4", "5"],
    engagement_tactics: ["1", "2", "3", "4"],
    visual_prompts: ["x", "y"],
  },
  created_at: "2026-01-01T00:00:00.000Z",
  updated_at: "2026-01-01T00:00:00.000Z",
  version: 1,
  model: "offline",
};

/** What the history page reads: the list's summary view of RECORD. */
const SUMMARY = {
  id: "s-1",
  brand_name: "Acme",
  industry: "Retail",
  created_at: "2026-01-01T00:00:00.000Z",
  updated_at: "2026-01-01T00:00:00.000Z",
  model: "offline",
  version: 1,
};

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

beforeAll(async () => {
  agent = createServer((request, response) => handle(request, response));
  await new Promise<void>((resolve) => agent.listen(0, "127.0.0.1", resolve));
  process.env.AGENT_URL = `http://127.0.0.1:${(agent.address() as AddressInfo).port}`;
  process.env.JWT_SECRET = "web-unit-test-secret-that-is-long-enough-0123456789";
  api = await import("@/server/agent-api");
});

afterAll(() => {
  agent.closeAllConnections();
  return new Promise<void>((resolve) => agent.close(() => resolve()));
});

describe("agent-api (the generated typed client)", () => {
  it("lists a page with the Bearer token, the limit and the cursor, and returns the next cursor", async () => {
    const seen: { url?: string; authorization?: string }[] = [];
    handle = (request, response) => {
      seen.push({ url: request.url, authorization: request.headers.authorization });
      json(response, 200, [SUMMARY], { "x-next-cursor": "next+/=" });
    };
    const page = await api.listStrategies("tok", 5, "c u/r+sor");
    expect(page).toEqual({ kind: "ok", value: { strategies: [SUMMARY], nextCursor: "next+/=" } });
    expect(seen[0]?.authorization).toBe("Bearer tok");
    const url = new URL(seen[0]?.url ?? "", "http://x");
    expect(url.pathname).toBe("/api/strategy/list");
    expect(Object.fromEntries(url.searchParams)).toEqual({ limit: "5", cursor: "c u/r+sor", view: "summary" });
  });

  it("gets one strategy by an encoded id and maps 401, 403 and 404", async () => {
    let path = "";
    handle = (request, response) => {
      path = request.url ?? "";
      json(response, 200, RECORD);
    };
    expect(await api.getStrategy("tok", "a/b c")).toEqual({ kind: "ok", value: RECORD });
    expect(path).toBe("/api/strategy/a%2Fb%20c");
    for (const [status, kind] of [
      [401, "unauthorized"],
      [403, "forbidden"],
      [404, "not_found"],
    ] as const) {
      handle = (_request, response) => json(response, status, { detail: "x" });
      expect(await api.getStrategy("tok", "s-1")).toEqual({ kind });
    }
  });

  it("answers 502 for a body that breaks the documented shape or an agent that is gone", async () => {
    handle = (_request, response) => json(response, 200, { not: "a record" });
    expect(await api.getStrategy("tok", "s-1")).toEqual({ kind: "failed", status: 502 });
    handle = (request) => request.socket.destroy();
    expect(await api.listStrategies("tok", 5)).toEqual({ kind: "failed", status: 502 });
    expect(await api.listModels("tok")).toEqual([]);
  });

  it("reads the model list", async () => {
    const models = [{ id: "offline", name: "Offline", provider: "offline", default: true, kind: "text" }];
    handle = (_request, response) => json(response, 200, models);
    expect(await api.listModels("tok")).toEqual(models);
  });
});
