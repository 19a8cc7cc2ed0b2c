import agentDocument from "@strategist/api-client/openapi.json" with { type: "json" };
import { describe, expect, it } from "vitest";
import { agentTarget } from "@/server/agent-proxy";
import { webApiDocument } from "@/server/api-document";
import { GET } from "@/app/api/docs/route";

type Json = Record<string, any>;

function refs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refs(item, found);
  else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      if (key === "$ref" && typeof child === "string") found.push(child);
      else refs(child, found);
    }
  }
  return found;
}

describe("GET /api/docs on the web origin", () => {
  it("serves the agent's document for exactly the operations the proxy forwards, with this origin as the server", async () => {
    const response = GET(new Request("https://strategist.test/api/docs"));
    expect(response.status).toBe(200);
    const document = (await response.json()) as Json;
    expect(document.servers).toEqual([expect.objectContaining({ url: "https://strategist.test" })]);
    const proxied = Object.keys(agentDocument.paths).filter((path) => agentTarget("http://agent", new URL(path, "http://web")) !== null);
    expect(Object.keys(document.paths)).toEqual(proxied);
    expect(proxied).toEqual(expect.arrayContaining(["/api/strategy/generate", "/api/strategy/list", "/api/strategy/{id}", "/api/models"]));
    expect(document.paths["/api/strategy/list"]).toEqual(agentDocument.paths["/api/strategy/list"]);
    expect(document.paths["/health"]).toBeUndefined();
  });

  it("accepts the session cookie or a Bearer token, and every reference resolves", () => {
    const document: Json = webApiDocument("http://localhost:3000");
    expect(document.security).toEqual([{ bearerAuth: [] }, { sessionCookie: [] }]);
    expect(document.components.securitySchemes.sessionCookie).toMatchObject({ type: "apiKey", in: "cookie", name: "strategist_session" });
    for (const ref of refs(document)) {
      const [, section, name] = /^#\/components\/(\w+)\/(.+)$/.exec(ref) ?? [];
      expect(document.components[section ?? ""]?.[name ?? ""], ref).toBeDefined();
    }
    const used = new Set(Object.values(document.paths as Json).flatMap((item) => Object.values(item as Json).flatMap((operation) => (operation as Json).tags)));
    expect(document.tags.map((tag: Json) => tag.name).sort()).toEqual([...used].sort());
  });
});
