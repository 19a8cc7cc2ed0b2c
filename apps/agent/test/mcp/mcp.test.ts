import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, VALID_BRIEF, type Harness } from "../support/harness";

const TOOLS = ["export_plan", "generate_strategy", "get_plan", "get_strategy", "list_brands", "list_strategies", "refine_strategy", "write_plan"];

describe("the MCP server at /mcp", () => {
  let harness: Harness;
  let base: string;
  const clients: Client[] = [];

  async function keyFor(userId: string, scopes: string[]): Promise<string> {
    const response = await harness.app.inject({
      method: "POST",
      url: "/api/keys",
      headers: { authorization: `Bearer ${harness.token(userId)}` },
      payload: { name: "mcp", scopes },
    });
    return response.json().key as string;
  }
  async function connect(key: string): Promise<Client> {
    const client = new Client({ name: "strategist-test", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/mcp`), { requestInit: { headers: { authorization: `Bearer ${key}` } } }));
    clients.push(client);
    return client;
  }
  const text = (result: CallToolResult) => result.content.map((part) => (part.type === "text" ? part.text : "")).join("\n");

  beforeAll(async () => {
    harness = await startHarness();
    base = await harness.app.listen({ host: "127.0.0.1", port: 0 });
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await harness.close();
  });

  it("lists the tools with object input schemas, descriptions and read/write annotations", async () => {
    const client = await connect(await keyFor("lister", ["read"]));
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(TOOLS);
    for (const tool of tools) {
      expect(tool.inputSchema.type, tool.name).toBe("object");
      expect(tool.description?.length ?? 0, tool.name).toBeGreaterThan(40);
      const reads = ["get_plan", "get_strategy", "list_brands", "list_strategies", "export_plan"].includes(tool.name);
      expect(tool.annotations?.readOnlyHint, tool.name).toBe(reads);
    }
    expect(tools.find((tool) => tool.name === "write_plan")?.annotations?.destructiveHint).toBe(true);
    expect(Object.keys(tools.find((tool) => tool.name === "generate_strategy")!.inputSchema.properties ?? {})).toEqual(
      expect.arrayContaining(["brand_name", "industry", "target_audience", "goals", "brand_id", "model"]),
    );
  });

  it("generates with progress, reads, plans and exports ICS; the strategy is a resource; another account cannot read it", async () => {
    const client = await connect(await keyFor("mcp-owner", ["read", "write"]));
    const progress: string[] = [];
    const generated = (await client.callTool({ name: "generate_strategy", arguments: VALID_BRIEF }, undefined, {
      onprogress: (update) => progress.push(update.message ?? ""),
    })) as CallToolResult;
    expect(generated.isError, text(generated)).toBeFalsy();
    const id = (generated.structuredContent as { id: string }).id;
    expect(text(generated)).toContain(id);
    expect(progress.length).toBeGreaterThan(0);

    const read = (await client.callTool({ name: "get_strategy", arguments: { strategy_id: id } })) as CallToolResult;
    expect(read.structuredContent).toMatchObject({ id, brand_name: VALID_BRIEF.brand_name, user_id: "mcp-owner" });

    const listed = (await client.callTool({ name: "list_strategies", arguments: {} })) as CallToolResult;
    expect((listed.structuredContent as { strategies: { id: string }[] }).strategies.map((item) => item.id)).toContain(id);

    const plan = (await client.callTool({
      name: "write_plan",
      arguments: { strategy_id: id, weeks: 1, start_date: "2026-12-14", timezone: "Europe/Paris" },
    })) as CallToolResult;
    expect(plan.isError, text(plan)).toBeFalsy();
    expect(plan.structuredContent).toMatchObject({ strategy_id: id, weeks: 1, timezone: "Europe/Paris", start_date: "2026-12-14" });
    const stored = (await client.callTool({ name: "get_plan", arguments: { strategy_id: id } })) as CallToolResult;
    expect((stored.structuredContent as { posts: unknown[] }).posts.length).toBeGreaterThan(0);

    const ics = (await client.callTool({ name: "export_plan", arguments: { strategy_id: id, format: "ics" } })) as CallToolResult;
    expect(text(ics)).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics.content.find((part) => part.type === "resource_link")).toMatchObject({
      uri: expect.stringContaining(`/api/strategy/${id}/export.pdf`),
      mimeType: "application/pdf",
    });
    const md = (await client.callTool({ name: "export_plan", arguments: { strategy_id: id, format: "md" } })) as CallToolResult;
    expect(text(md)).toMatch(/^# TechCorp: content plan/);

    const resource = await client.readResource({ uri: `strategist://strategies/${id}` });
    expect(JSON.parse((resource.contents[0] as { text: string }).text)).toMatchObject({ id });
    const planResource = await client.readResource({ uri: `strategist://strategies/${id}/plan` });
    expect(JSON.parse((planResource.contents[0] as { text: string }).text)).toMatchObject({ strategy_id: id });

    const stranger = await connect(await keyFor("mcp-stranger", ["read", "write"]));
    const theirs = (await stranger.callTool({ name: "get_strategy", arguments: { strategy_id: id } })) as CallToolResult;
    const missing = (await stranger.callTool({ name: "get_strategy", arguments: { strategy_id: "no-such-strategy" } })) as CallToolResult;
    expect(theirs.isError).toBe(true);
    expect(text(theirs)).toBe(text(missing));
    expect(text(theirs)).toContain("Strategy not found");
    await expect(stranger.readResource({ uri: `strategist://strategies/${id}` })).rejects.toThrow(/Strategy not found/);
  });

  it("a bad argument is a tool error naming the field and the reason; a read key cannot write", async () => {
    const client = await connect(await keyFor("mcp-validator", ["read", "write"]));
    const bad = (await client.callTool({ name: "write_plan", arguments: { strategy_id: "x", weeks: 99 } })) as CallToolResult;
    expect(bad.isError).toBe(true);
    const rest = await harness.app.inject({
      method: "POST",
      url: "/api/strategy/x/plan",
      headers: { authorization: `Bearer ${harness.token("mcp-validator")}` },
      payload: { weeks: 99 },
    });
    const [field] = rest.json().errors as { field: string; message: string }[];
    expect(field?.field).toBe("weeks");
    expect(text(bad)).toBe(`${rest.json().detail}\nweeks: ${field!.message}`);
    const missing = (await client.callTool({ name: "generate_strategy", arguments: { brand_name: "Only a name" } })) as CallToolResult;
    expect(missing.isError).toBe(true);
    expect(text(missing)).toMatch(/industry/);

    const reader = await connect(await keyFor("mcp-reader", ["read"]));
    const refused = (await reader.callTool({ name: "generate_strategy", arguments: VALID_BRIEF })) as CallToolResult;
    expect(refused.isError).toBe(true);
    expect(text(refused)).toMatch(/write scope/);
  });

  it("property: a tool error for any invalid export format names the format field", async () => {
    const client = await connect(await keyFor("mcp-formats", ["read"]));
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 20 }).filter((format) => !["ics", "csv", "md"].includes(format)),
        async (format) => {
          const result = (await client.callTool({ name: "export_plan", arguments: { strategy_id: "s", format } })) as CallToolResult;
          expect(result.isError).toBe(true);
          expect(text(result)).toMatch(/format/);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("answers 401 without a key, with resource_metadata pointing at the metadata document it serves", async () => {
    const response = await fetch(`${base}/mcp`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
    });
    expect(response.status).toBe(401);
    const challenge = response.headers.get("www-authenticate") ?? "";
    const url = /resource_metadata="([^"]+)"/.exec(challenge)?.[1];
    expect(url).toBe(`${base}/.well-known/oauth-protected-resource`);
    const metadata = await fetch(url!);
    expect(metadata.status).toBe(200);
    expect(await metadata.json()).toMatchObject({ resource: `${base}/mcp`, bearer_methods_supported: ["header"], scopes_supported: ["read", "write"] });
  });
});

describe("MCP tools under the per-user read limit", () => {
  let harness: Harness;
  let client: Client;

  beforeAll(async () => {
    harness = await startHarness({ env: { READ_RATE_LIMIT_PER_MINUTE: "2" } });
    const base = await harness.app.listen({ host: "127.0.0.1", port: 0 });
    const created = await harness.app.inject({
      method: "POST",
      url: "/api/keys",
      headers: { authorization: `Bearer ${harness.token("limited")}` },
      payload: { name: "l", scopes: ["read"] },
    });
    client = new Client({ name: "strategist-test", version: "1.0.0" });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${base}/mcp`), { requestInit: { headers: { authorization: `Bearer ${created.json().key as string}` } } }),
    );
  });
  afterAll(async () => {
    await client.close();
    await harness.close();
  });

  it("a rate-limited tool call is a tool error that says when to retry", async () => {
    const results: CallToolResult[] = [];
    for (let call = 0; call < 3; call++) results.push((await client.callTool({ name: "list_strategies", arguments: {} })) as CallToolResult);
    expect(results.slice(0, 2).map((result) => result.isError ?? false)).toEqual([false, false]);
    expect(results[2]!.isError).toBe(true);
    const words = results[2]!.content.map((part) => (part.type === "text" ? part.text : "")).join("\n");
    expect(words).toMatch(/^Rate limit exceeded\nRetry after \d+ seconds\.$/);
    expect(results[2]!.structuredContent).toMatchObject({ status: 429, retry_after: expect.any(Number) });
  });
});
