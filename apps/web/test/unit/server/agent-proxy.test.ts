import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AGENT_UNREACHABLE, agentTarget, endToEndHeaders, forwardToAgent } from "@/server/agent-proxy";

/** A stand-in agent on loopback: each test installs the handler it needs and sees what arrived. */
let handle: (request: IncomingMessage, response: ServerResponse) => void | Promise<void> = (_request, response) => {
  response.end();
};
let agent: Server;
let agentUrl: string;

beforeAll(async () => {
  agent = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => agent.listen(0, "127.0.0.1", resolve));
  agentUrl = `http://127.0.0.1:${(agent.address() as AddressInfo).port}`;
});

afterAll(() => {
  agent.closeAllConnections();
  return new Promise<void>((resolve) => agent.close(() => resolve()));
});

function webRequest(path: string, init: RequestInit = {}): Request {
  return new Request(`http://localhost:3000${path}`, init);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => resolve(body));
  });
}

describe("agent proxy", () => {
  it("forwards a results import's PUT and text/csv, and answers a body over 10 MB with 413 before calling the agent", async () => {
    const seen: string[] = [];
    handle = async (request, response) => {
      seen.push(`${request.method} ${request.url} ${request.headers["content-type"]} ${(await readBody(request)).length}`);
      response.end("{}");
    };
    const put = await forwardToAgent(
      webRequest("/api/strategy/s1/posts/p1/results", { method: "PUT", body: "{}", headers: { "content-type": "application/json" } }),
      {
        agentUrl,
      },
    );
    const csv = await forwardToAgent(
      webRequest("/api/strategy/s1/results?dry_run=true", { method: "POST", body: "a,b\n", headers: { "content-type": "text/csv" } }),
      {
        agentUrl,
      },
    );
    expect([put.status, csv.status]).toEqual([200, 200]);
    const big = await forwardToAgent(
      webRequest("/api/strategy/s1/results", {
        method: "POST",
        body: "x",
        headers: { "content-type": "text/csv", "content-length": String(12 * 1024 * 1024) },
      }),
      { agentUrl },
    );
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ detail: expect.any(String) });
    expect(seen).toEqual(["PUT /api/strategy/s1/posts/p1/results application/json 2", "POST /api/strategy/s1/results?dry_run=true text/csv 4"]);
  });

  it("forwards an API key as it is, the client's IP and this origin instead of what the client sent, and points a 401 at this origin's metadata", async () => {
    let seen: IncomingMessage["headers"] = {};
    let path: string | undefined;
    handle = (request, response) => {
      seen = request.headers;
      path = request.url;
      response.writeHead(401, { "www-authenticate": 'Bearer realm="strategist", resource_metadata="http://agent:8000/.well-known/oauth-protected-resource"' });
      response.end('{"detail":"Invalid token"}');
    };
    const answer = await forwardToAgent(
      webRequest("/api/mcp", {
        method: "POST",
        body: "{}",
        headers: { authorization: "Bearer sk_strat_abc", "x-forwarded-for": "6.6.6.6", "x-forwarded-host": "evil.example", forwarded: "for=6.6.6.6" },
      }),
      { agentUrl, sessionToken: "cookie-token", clientIp: "203.0.113.7", publicOrigin: "https://strategist.example" },
    );
    expect(path).toBe("/mcp");
    expect(seen.authorization).toBe("Bearer sk_strat_abc");
    expect(seen["x-forwarded-for"]).toBe("203.0.113.7");
    expect(seen["x-forwarded-host"]).toBe("strategist.example");
    expect(seen["x-forwarded-proto"]).toBe("https");
    expect(seen.forwarded).toBeUndefined();
    expect(answer.status).toBe(401);
    expect(answer.headers.get("www-authenticate")).toBe(
      'Bearer realm="strategist", resource_metadata="https://strategist.example/.well-known/oauth-protected-resource"',
    );
  });

  it("reaches the key routes and the MCP server, nothing else new", () => {
    expect(agentTarget("http://agent", new URL("http://web/api/keys"))?.pathname).toBe("/api/keys");
    expect(agentTarget("http://agent", new URL("http://web/api/keys/key_1"))?.pathname).toBe("/api/keys/key_1");
    expect(agentTarget("http://agent", new URL("http://web/api/mcp"))?.pathname).toBe("/mcp");
    expect(agentTarget("http://agent", new URL("http://web/mcp"))).toBeNull();
    expect(agentTarget("http://agent", new URL("http://web/api/mcp/other"))).toBeNull();
  });

  it("adds the session's Bearer token when the request brings none, and keeps an explicit one", async () => {
    const seen: (string | undefined)[] = [];
    handle = (request, response) => {
      seen.push(request.headers.authorization);
      response.end("[]");
    };
    await forwardToAgent(webRequest("/api/strategy/list"), { agentUrl, sessionToken: "cookie-token" });
    await forwardToAgent(webRequest("/api/strategy/list", { headers: { authorization: "Bearer explicit" } }), { agentUrl, sessionToken: "cookie-token" });
    await forwardToAgent(webRequest("/api/strategy/list"), { agentUrl });
    expect(seen).toEqual(["Bearer cookie-token", "Bearer explicit", undefined]);
  });

  it("forwards method, path, query and body, but not cookies, the host or hop-by-hop headers", async () => {
    let seen: { method?: string; url?: string; headers: IncomingMessage["headers"]; body: string } | undefined;
    handle = async (request, response) => {
      seen = { method: request.method, url: request.url, headers: request.headers, body: await readBody(request) };
      response.end("{}");
    };
    const body = JSON.stringify({ brand_name: "Juniper" });
    await forwardToAgent(
      webRequest("/api/strategy/generate?x=1", {
        method: "POST",
        body,
        headers: {
          "content-type": "application/json",
          cookie: "strategist_session=secret",
          "idempotency-key": "key-1",
          "x-request-id": "req-1",
          connection: "x-private-hop",
          "x-private-hop": "1",
          "proxy-authorization": "Basic abc",
          te: "trailers",
        },
      }),
      { agentUrl },
    );
    expect(seen).toMatchObject({ method: "POST", url: "/api/strategy/generate?x=1", body });
    expect(seen!.headers).toMatchObject({ "content-type": "application/json", "idempotency-key": "key-1", "x-request-id": "req-1" });
    for (const name of ["cookie", "x-private-hop", "proxy-authorization", "te"]) expect(seen!.headers[name]).toBeUndefined();
    expect(seen!.headers.host).toBe(new URL(agentUrl).host);
  });

  it("returns the agent's status, body and end-to-end headers unchanged", async () => {
    handle = (_request, response) => {
      response.writeHead(429, {
        "content-type": "application/json; charset=utf-8",
        "retry-after": "17",
        "x-next-cursor": "cursor-abc",
        "idempotency-key": "key-1",
        "keep-alive": "timeout=5",
        "x-agent-only": "kept",
      });
      response.end(JSON.stringify({ detail: "Rate limit exceeded" }));
    };
    const response = await forwardToAgent(webRequest("/api/strategy/generate", { method: "POST", body: "{}" }), { agentUrl });
    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({ detail: "Rate limit exceeded" });
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/json; charset=utf-8",
      "retry-after": "17",
      "x-next-cursor": "cursor-abc",
      "idempotency-key": "key-1",
      "x-agent-only": "kept",
    });
    expect(response.headers.get("keep-alive")).toBeNull();
  });

  it("streams Server-Sent Events chunk by chunk instead of buffering the answer", async () => {
    let sendSecond!: () => void;
    const secondRequested = new Promise<void>((resolve) => (sendSecond = resolve));
    handle = async (_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write("event: section\ndata: 1\n\n");
      await secondRequested;
      response.end("event: done\ndata: 2\n\n");
    };
    const response = await forwardToAgent(webRequest("/api/strategy/generate/stream", { method: "POST", body: "{}" }), { agentUrl });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    // The first event arrives while the agent is still holding the second back.
    expect((await reader.read()).value).toBe("event: section\ndata: 1\n\n");
    sendSecond();
    let rest = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += chunk.value;
    expect(rest).toBe("event: done\ndata: 2\n\n");
  });

  it("streams the request body to the agent as it is produced", async () => {
    let firstArrived!: (chunk: string) => void;
    const arrived = new Promise<string>((resolve) => (firstArrived = resolve));
    handle = (request, response) => {
      request.setEncoding("utf8");
      request.once("data", (chunk: string) => firstArrived(chunk));
      request.on("end", () => response.end("{}"));
    };
    let finish!: () => void;
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(new TextEncoder().encode('{"brand_name":'));
        await new Promise<void>((resolve) => (finish = resolve));
        controller.enqueue(new TextEncoder().encode('"Juniper"}'));
        controller.close();
      },
    });
    const forwarded = forwardToAgent(webRequest("/api/strategy/generate", { method: "POST", body, duplex: "half" } as RequestInit), { agentUrl });
    expect(await arrived).toBe('{"brand_name":');
    finish();
    expect((await forwarded).status).toBe(200);
  });

  it("aborts the agent request when the client goes away", async () => {
    let agentSawClose!: () => void;
    const closed = new Promise<void>((resolve) => (agentSawClose = resolve));
    let arrived!: () => void;
    const started = new Promise<void>((resolve) => (arrived = resolve));
    handle = (_request, response) => {
      response.on("close", () => agentSawClose());
      arrived();
    };
    const client = new AbortController();
    const forwarded = forwardToAgent(webRequest("/api/strategy/generate", { method: "POST", body: "{}", signal: client.signal }), { agentUrl });
    await started;
    client.abort();
    await closed;
    expect((await forwarded).status).toBe(499);
  });

  it("answers 504 when the agent outlives the proxy's timeout, and 502 when it is unreachable", async () => {
    handle = () => undefined;
    const slow = await forwardToAgent(webRequest("/api/strategy/list"), { agentUrl, timeoutMs: 100 });
    expect(slow.status).toBe(504);
    expect(await slow.json()).toEqual({ detail: "Request timeout" });

    const closedPort = createServer();
    await new Promise<void>((resolve) => closedPort.listen(0, "127.0.0.1", resolve));
    const deadUrl = `http://127.0.0.1:${(closedPort.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closedPort.close(() => resolve()));
    const dead = await forwardToAgent(webRequest("/api/strategy/list"), { agentUrl: deadUrl });
    expect(dead.status).toBe(502);
    expect(await dead.json()).toEqual({ detail: AGENT_UNREACHABLE });
  });

  it("only reaches the strategy API and the model list on the agent", () => {
    const base = "http://agent:8000";
    expect(agentTarget(base, new URL("http://web/api/strategy/list?limit=5"))?.href).toBe("http://agent:8000/api/strategy/list?limit=5");
    expect(agentTarget(base, new URL("http://web/api/models"))?.href).toBe("http://agent:8000/api/models");
    expect(agentTarget(base, new URL("http://web/api/images/jobs/j1/content?download=1"))?.href).toBe(
      "http://agent:8000/api/images/jobs/j1/content?download=1",
    );
    expect(agentTarget(base, new URL("http://web/api/images/%2e%2e/%2e%2e/docs"))).toBeNull();
    expect(agentTarget(base, new URL("http://web/api/strategy/%2e%2e/%2e%2e/docs"))).toBeNull();
    expect(agentTarget(base, new URL("http://web/health"))).toBeNull();
  });

  it("forwards a plan's calendar feed and its pictures, and nothing that only starts like it", () => {
    const base = "http://agent:8000";
    expect(agentTarget(base, new URL("http://web/api/plan-feeds/abc~def.ics"))?.href).toBe("http://agent:8000/api/plan-feeds/abc~def.ics");
    expect(agentTarget(base, new URL("http://web/api/plan-feeds/abc~def/images/j1"))?.href).toBe("http://agent:8000/api/plan-feeds/abc~def/images/j1");
    expect(agentTarget(base, new URL("http://web/api/plan-feedsX"))).toBeNull();
    expect(agentTarget(base, new URL("http://web/api/plan-feeds/%2e%2e/%2e%2e/docs"))).toBeNull();
  });

  it("forwards the brand API, the list and each brand, and nothing that only starts like it", () => {
    const base = "http://agent:8000";
    expect(agentTarget(base, new URL("http://web/api/brands?limit=5"))?.href).toBe("http://agent:8000/api/brands?limit=5");
    expect(agentTarget(base, new URL("http://web/api/brands/b-1/voice/suggest"))?.href).toBe("http://agent:8000/api/brands/b-1/voice/suggest");
    expect(agentTarget(base, new URL("http://web/api/brands/voice/suggest"))?.href).toBe("http://agent:8000/api/brands/voice/suggest");
    expect(agentTarget(base, new URL("http://web/api/brandsX"))).toBeNull();
    expect(agentTarget(base, new URL("http://web/api/brands/%2e%2e/%2e%2e/docs"))).toBeNull();
  });

  it("drops headers named by Connection as well as the standard hop-by-hop set", () => {
    const kept = endToEndHeaders(new Headers({ connection: "close, X-Trace", "x-trace": "1", upgrade: "h2c", "transfer-encoding": "chunked", accept: "*/*" }));
    expect([...kept.keys()]).toEqual(["accept"]);
  });
});

describe("agent proxy with plan exports", () => {
  it("passes binary files through byte for byte, with their type and file name", async () => {
    const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0xfe, 0x80, 0x0a, 0x0d]);
    handle = (_request, response) => {
      response.writeHead(200, { "content-type": "application/pdf", "content-disposition": 'attachment; filename="acme-strategy.pdf"' });
      response.end(pdf);
    };
    const forwarded = await forwardToAgent(webRequest("/api/strategy/s-1/export.pdf"), { agentUrl, sessionToken: "t" });
    expect(forwarded.headers.get("content-type")).toBe("application/pdf");
    expect(forwarded.headers.get("content-disposition")).toBe('attachment; filename="acme-strategy.pdf"');
    expect(Buffer.from(await forwarded.arrayBuffer())).toEqual(pdf);
  });

  it("passes calendar and CSV text through unchanged, CRLF and byte-order mark included", async () => {
    const files = {
      "plan.ics": ["text/calendar; charset=utf-8", "BEGIN:VCALENDAR\r\nSUMMARY:X: caf\u00e9 \ud83d\ude00\r\n folded\r\nEND:VCALENDAR\r\n"],
      "plan.csv": ["text/csv; charset=utf-8", '\ufeffcaption\r\n"a, ""b""\r\nc"\r\n'],
    } as const;
    for (const [name, [type, body]] of Object.entries(files)) {
      handle = (_request, response) => {
        response.writeHead(200, { "content-type": type, "content-disposition": `attachment; filename="acme-${name}"` });
        response.end(body);
      };
      const forwarded = await forwardToAgent(webRequest(`/api/strategy/s-1/${name}`), { agentUrl, sessionToken: "t" });
      expect(forwarded.headers.get("content-type")).toBe(type);
      expect(forwarded.headers.get("content-disposition")).toBe(`attachment; filename="acme-${name}"`);
      expect(Buffer.from(await forwarded.arrayBuffer()).toString("utf8")).toBe(body);
    }
  });
});
