import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, takeCspViolations, WIDTHS } from "./browser";
import { startStack, type Stack } from "./stack";

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const BRIEF = { brand_name: "Harbor Kayaks", industry: "Outdoor rentals", target_audience: "Tourists in Seattle", goals: "Fill weekday tours" };

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${stack.webUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: stack.webUrl, ...headers },
    body: JSON.stringify(body),
  });
}

/** Signs up (or logs in) through the web and returns the session as a cookie header and a token. */
async function session(email: string, mode: "register" | "login" = "register") {
  const response = await post(`/api/auth/${mode}`, { email, password: "correct horse 42" });
  expect(response.status).toBeLessThan(300);
  const { token } = (await response.json()) as { token: string };
  return { token, cookie: `strategist_session=${token}` };
}

const APP_DIR = join(import.meta.dirname, "../../src/app");
const SOMEONE_ELSES_ID = "00000000-0000-4000-8000-000000000000";

/**
 * Every URL the app directory defines (`page.tsx` or `route.ts`), so a page or route added later is
 * checked too: `[id]` becomes `id`, any other parameter an id nobody owns, a catch-all `list`.
 */
function appPaths(file: "page.tsx" | "route.ts", id: string): string[] {
  return readdirSync(APP_DIR, { recursive: true, encoding: "utf8" })
    .filter((entry) => entry === file || entry.endsWith(`${sep}${file}`))
    .map(
      (entry) =>
        `/${relative(APP_DIR, join(APP_DIR, entry, ".."))}`
          .split(sep)
          .join("/")
          .split("/")
          .filter((segment) => !/^\(.*\)$/.test(segment))
          .map((segment) => (segment === "[id]" ? id : /^\[\.\.\..+\]$/.test(segment) ? "list" : /^\[.+\]$/.test(segment) ? SOMEONE_ELSES_ID : segment))
          .join("/")
          .replace(/\/$/, "") || "/",
    );
}

const scriptSrc = (policy: string) =>
  policy
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith("script-src ")) ?? "";

function expectFixedHeaders(response: Response, where: string) {
  expect.soft(response.headers.get("x-content-type-options"), where).toBe("nosniff");
  expect.soft(response.headers.get("referrer-policy"), where).toBe("strict-origin-when-cross-origin");
  expect.soft(response.headers.get("permissions-policy"), where).toMatch(/camera=\(\)/);
  expect.soft(response.headers.get("x-frame-options"), where).toBe("DENY");
  // The stack runs `next start`, which is production.
  expect.soft(response.headers.get("strict-transport-security"), where).toMatch(/^max-age=\d{8,}/);
  expect.soft(response.headers.get("content-security-policy"), where).toMatch(/frame-ancestors 'none'/);
}

describe("security headers through the web origin", () => {
  it("every page carries a CSP whose scripts need this response's nonce, and every script tag carries it", { timeout: 60_000 }, async () => {
    const { cookie } = await session("headers@example.com");
    const created = await fetch(`${stack.webUrl}/api/strategy/generate`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: stack.webUrl },
      body: JSON.stringify(BRIEF),
    });
    const { id } = (await created.json()) as { id: string };
    const pages = [...appPaths("page.tsx", id), "/no-such-page"];
    expect(pages).toEqual(expect.arrayContaining(["/", "/login", "/signup", "/strategies", "/strategies/new", `/strategies/${id}`]));
    const nonces = new Set<string>();
    for (const path of pages) {
      for (const headers of [{ cookie }, {}] as Record<string, string>[]) {
        const where = `${path} ${headers.cookie ? "signed in" : "signed out"}`;
        const response = await fetch(`${stack.webUrl}${path}`, { headers, redirect: "manual" });
        expectFixedHeaders(response, where);
        const policy = response.headers.get("content-security-policy") ?? "";
        const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc(policy))?.[1];
        expect(nonce, where).toBeDefined();
        expect(scriptSrc(policy), where).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
        nonces.add(nonce!);
        if (response.status !== 200 && response.status !== 404) continue;
        const html = await response.text();
        const scripts = html.match(/<script\b[^>]*>/g) ?? [];
        expect(scripts.length, where).toBeGreaterThan(0);
        for (const tag of scripts) expect(tag, where).toContain(`nonce="${nonce}"`);
      }
    }
    // A fresh nonce per response.
    expect(nonces.size).toBe(pages.length * 2);
  });

  it("every API answer, proxied or the web's own, carries the headers and a policy that allows nothing", { timeout: 30_000 }, async () => {
    const { cookie } = await session("api-headers@example.com");
    const routes = appPaths("route.ts", SOMEONE_ELSES_ID);
    expect(routes).toEqual(expect.arrayContaining(["/api/health", "/api/models", "/api/strategy/list", "/api/auth/login"]));
    const answers: [string, Response][] = [
      // Every route's GET, whatever it answers (200, 401, 404 or 405).
      ...(await Promise.all(
        routes.map(async (path): Promise<[string, Response]> => [`GET ${path}`, await fetch(`${stack.webUrl}${path}`, { headers: { cookie } })]),
      )),
      ["GET /api/health", await fetch(`${stack.webUrl}/api/health`)],
      ["GET /api/models", await fetch(`${stack.webUrl}/api/models`, { headers: { cookie } })],
      ["GET /api/strategy/list", await fetch(`${stack.webUrl}/api/strategy/list`, { headers: { cookie } })],
      ["GET /api/strategy/list signed out", await fetch(`${stack.webUrl}/api/strategy/list`)],
      ["GET /api/strategy/:id unknown", await fetch(`${stack.webUrl}/api/strategy/00000000-0000-4000-8000-000000000000`, { headers: { cookie } })],
      ["POST /api/auth/login", await post("/api/auth/login", { email: "api-headers@example.com", password: "correct horse 42" })],
      ["POST /api/auth/login bad", await post("/api/auth/login", { email: "api-headers@example.com", password: "wrong horse 42" })],
      ["POST /api/auth/logout", await post("/api/auth/logout", {}, { cookie })],
    ];
    for (const [where, response] of answers) {
      expectFixedHeaders(response, where);
      expect.soft(response.headers.get("content-security-policy"), where).toMatch(/^default-src 'none'/);
    }
    const icon = await fetch(`${stack.webUrl}/icon.svg`);
    expect(icon.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("log-out ends the session on the server", () => {
  it("a copied cookie or token stops working on the web, through the proxy and at the agent; other sessions stay open", { timeout: 30_000 }, async () => {
    const laptop = await session("revoke@example.com");
    const phone = await session("revoke@example.com", "login");
    const works = async (s: { token: string; cookie: string }) => [
      (await fetch(`${stack.webUrl}/strategies`, { headers: { cookie: s.cookie }, redirect: "manual" })).status,
      (await fetch(`${stack.webUrl}/api/strategy/list`, { headers: { cookie: s.cookie } })).status,
      (await fetch(`${stack.webUrl}/api/strategy/list`, { headers: { authorization: `Bearer ${s.token}` } })).status,
      (await fetch(`${stack.agentUrl}/api/strategy/list`, { headers: { authorization: `Bearer ${s.token}` } })).status,
    ];
    expect(await works(laptop)).toEqual([200, 200, 200, 200]);

    expect((await post("/api/auth/logout", {}, { cookie: laptop.cookie })).status).toBe(204);
    // The page sends the copied cookie to log in; every API answers 401.
    expect(await works(laptop)).toEqual([307, 401, 401, 401]);
    expect(await works(phone)).toEqual([200, 200, 200, 200]);

    // curl logs out with its Bearer token.
    expect((await post("/api/auth/logout", {}, { authorization: `Bearer ${phone.token}` })).status).toBe(204);
    expect(await works(phone)).toEqual([307, 401, 401, 401]);
  });
});

describe("the log-in page's return path", () => {
  it("never sends a signed-in visitor to another origin, however the path is spelt", async () => {
    const { cookie } = await session("redirect@example.com");
    for (const next of ["/%09/evil.example", "/%5Cevil.example", "//evil.example", "/.//evil.example", "https://evil.example", "%2F%2Fevil.example"]) {
      const response = await fetch(`${stack.webUrl}/login?next=${encodeURIComponent(decodeURIComponent(next))}`, { headers: { cookie }, redirect: "manual" });
      expect.soft(response.status, next).toBe(307);
      expect.soft(new URL(response.headers.get("location")!, stack.webUrl).origin, next).toBe(stack.webUrl);
    }
    const local = await fetch(`${stack.webUrl}/login?next=${encodeURIComponent("/strategies/new")}`, { headers: { cookie }, redirect: "manual" });
    expect(new URL(local.headers.get("location")!, stack.webUrl).pathname).toBe("/strategies/new");
  });
});

describe("the Content-Security-Policy in a browser", () => {
  it("lets every page load and hydrate without a single violation, and the watcher does see one", { timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: WIDTHS.desktop });
    await page.goto(`${stack.webUrl}/signup`);
    await page.getByLabel("Work email").fill("browser-csp@example.com");
    await page.getByLabel("Password").fill("correct horse 42");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL("**/strategies/new");
    for (const path of ["/", "/strategies", "/strategies/new", "/no-such-page"]) {
      await page.goto(`${stack.webUrl}${path}`);
      await page.waitForLoadState("networkidle");
    }
    // Client-side navigation runs Next's router, which loads chunks under 'strict-dynamic'.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "History" }).click();
    await page.waitForURL("**/strategies");
    expect(takeCspViolations()).toEqual([]);

    // An injected inline handler is refused, and the watcher reports it.
    await page.evaluate(() => {
      document.body.insertAdjacentHTML("beforeend", '<img src="/nope.png" onerror="window.injected = true">');
    });
    const seen: string[] = [];
    await expect.poll(() => (seen.push(...takeCspViolations()), seen.join("\n")), { timeout: 5_000 }).toMatch(/script-src-attr/);
    expect(await page.evaluate(() => (window as { injected?: boolean }).injected)).toBeUndefined();
    await page.close();
    // Chromium reports the one violation twice (its own line and the DOM event); both were this test's doing.
    takeCspViolations();
  });
});

describe("API keys and MCP through the web origin", () => {
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
  async function createKey(cookie: string, scopes: string[]) {
    const response = await post("/api/keys", { name: `e2e ${scopes.join("+")}`, scopes }, { cookie });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; key: string; prefix: string };
  }
  async function mcpClient(key: string): Promise<Client> {
    const client = new Client({ name: "strategist-e2e", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${stack.webUrl}/api/mcp`), { requestInit: { headers: bearer(key) } }));
    return client;
  }
  const text = (result: CallToolResult) => result.content.map((part) => (part.type === "text" ? part.text : "")).join("\n");

  it(
    "REST with keys: generate with a write key; a read key lists but cannot generate; a made-up key is 401; the list holds no secret",
    { timeout: 30_000 },
    async () => {
      const { cookie } = await session("keys-rest@example.com");
      const writer = await createKey(cookie, ["read", "write"]);
      const reader = await createKey(cookie, ["read"]);
      const generated = await fetch(`${stack.webUrl}/api/strategy/generate`, {
        method: "POST",
        headers: { "content-type": "application/json", ...bearer(writer.key) },
        body: JSON.stringify(BRIEF),
      });
      expect(generated.status).toBe(200);
      expect((await fetch(`${stack.webUrl}/api/strategy/list`, { headers: bearer(reader.key) })).status).toBe(200);
      const refused = await fetch(`${stack.webUrl}/api/strategy/generate`, {
        method: "POST",
        headers: { "content-type": "application/json", ...bearer(reader.key) },
        body: JSON.stringify(BRIEF),
      });
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { detail: string }).detail).toMatch(/write scope/);
      const madeUp = await fetch(`${stack.webUrl}/api/strategy/list`, { headers: bearer(`sk_strat_${"x".repeat(43)}`) });
      expect(madeUp.status).toBe(401);
      expect(madeUp.headers.get("www-authenticate")).toContain(`resource_metadata="${stack.webUrl}/.well-known/oauth-protected-resource"`);
      // Key management is for sessions only.
      expect((await fetch(`${stack.webUrl}/api/keys`, { headers: bearer(writer.key) })).status).toBe(403);
      const list = await fetch(`${stack.webUrl}/api/keys`, { headers: { cookie } });
      expect(list.status).toBe(200);
      const body = await list.text();
      expect(body).not.toContain(writer.key);
      expect(body).not.toContain(reader.key);
      expect((JSON.parse(body) as { id: string }[]).map((key) => key.id).sort()).toEqual([writer.id, reader.id].sort());
    },
  );

  it(
    "MCP with the official client: tools listed; generate, read, plan, export ICS; a bad argument names the field; another account cannot read",
    { timeout: 60_000 },
    async () => {
      const { cookie } = await session("mcp-web@example.com");
      const client = await mcpClient((await createKey(cookie, ["read", "write"])).key);
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name).sort()).toEqual([
        "export_plan",
        "generate_strategy",
        "get_plan",
        "get_strategy",
        "list_brands",
        "list_strategies",
        "refine_strategy",
        "write_plan",
      ]);
      for (const tool of tools) {
        expect(tool.inputSchema.type).toBe("object");
        expect(tool.description).toBeTruthy();
      }
      const progress: number[] = [];
      const generated = (await client.callTool({ name: "generate_strategy", arguments: BRIEF }, undefined, {
        onprogress: (update) => progress.push(update.progress),
      })) as CallToolResult;
      expect(generated.isError, text(generated)).toBeFalsy();
      expect(progress.length).toBeGreaterThan(0);
      const id = (generated.structuredContent as { id: string }).id;
      expect(((await client.callTool({ name: "get_strategy", arguments: { strategy_id: id } })) as CallToolResult).structuredContent).toMatchObject({ id });
      const plan = (await client.callTool({
        name: "write_plan",
        arguments: { strategy_id: id, weeks: 1, start_date: "2026-12-14", timezone: "America/Los_Angeles" },
      })) as CallToolResult;
      expect(plan.isError, text(plan)).toBeFalsy();
      const ics = (await client.callTool({ name: "export_plan", arguments: { strategy_id: id, format: "ics" } })) as CallToolResult;
      expect(text(ics)).toMatch(/^BEGIN:VCALENDAR/);
      const bad = (await client.callTool({ name: "write_plan", arguments: { strategy_id: id, weeks: 0 } })) as CallToolResult;
      expect(bad.isError).toBe(true);
      expect(text(bad)).toMatch(/^Validation error\nweeks: /);

      const other = await session("mcp-other@example.com");
      const stranger = await mcpClient((await createKey(other.cookie, ["read"])).key);
      const theirs = (await stranger.callTool({ name: "get_strategy", arguments: { strategy_id: id } })) as CallToolResult;
      expect(theirs.isError).toBe(true);
      expect(text(theirs)).toContain("Strategy not found");
      await Promise.all([client.close(), stranger.close()]);
    },
  );

  it("/api/mcp without a key is 401 pointing at the metadata document, which both origins serve", async () => {
    const response = await fetch(`${stack.webUrl}/api/mcp`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
    });
    expect(response.status).toBe(401);
    const url = /resource_metadata="([^"]+)"/.exec(response.headers.get("www-authenticate") ?? "")?.[1];
    expect(url).toBe(`${stack.webUrl}/.well-known/oauth-protected-resource`);
    const metadata = await fetch(url!);
    expect(metadata.status).toBe(200);
    expect(await metadata.json()).toMatchObject({
      resource: `${stack.webUrl}/api/mcp`,
      bearer_methods_supported: ["header"],
      scopes_supported: ["read", "write"],
    });
    const agent = await fetch(`${stack.agentUrl}/.well-known/oauth-protected-resource`);
    expect(await agent.json()).toMatchObject({ resource: `${stack.agentUrl}/mcp` });
  });

  it("a revoked key fails on the web and on the agent within 5 seconds", { timeout: 20_000 }, async () => {
    const { cookie } = await session("keys-revoke@example.com");
    const key = await createKey(cookie, ["read"]);
    const statuses = async () => [
      (await fetch(`${stack.webUrl}/api/strategy/list`, { headers: bearer(key.key) })).status,
      (await fetch(`${stack.agentUrl}/api/strategy/list`, { headers: bearer(key.key) })).status,
    ];
    expect(await statuses()).toEqual([200, 200]);
    const revoked = await fetch(`${stack.webUrl}/api/keys/${key.id}`, { method: "DELETE", headers: { cookie, origin: stack.webUrl } });
    expect(revoked.status).toBe(204);
    const start = Date.now();
    let now = await statuses();
    while (now.some((status) => status !== 401) && Date.now() - start < 6_000) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      now = await statuses();
    }
    expect(now).toEqual([401, 401]);
    expect(Date.now() - start).toBeLessThanOrEqual(5_500);
  });
});
