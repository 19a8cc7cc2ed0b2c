import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ErrorBody, ProtectedResourceMetadata } from "@strategist/schemas";
import { z } from "zod";
import { requestOrigin } from "../http/origin";
import { strategistMcpServer, type McpServices } from "./tools";

interface McpRouteOptions {
  services: McpServices;
  /** The web app's origin, where API keys are issued. */
  webUrl: string;
}

/** The RFC 9728 document of a resource at `resource`: bearer keys in a header, issued in the web app. */
export function protectedResourceMetadata(resource: string, webUrl: string): ProtectedResourceMetadata {
  return {
    resource,
    resource_name: "Strategist",
    bearer_methods_supported: ["header"],
    scopes_supported: ["read", "write"],
    resource_documentation: `${webUrl}/account/keys`,
    api_key_issuer: `${webUrl}/account/keys`,
    api_key_instructions: "No OAuth server: create an API key in the web app (Account, API keys) and send it as `Authorization: Bearer sk_strat_...`.",
  };
}

const JsonRpcBody = z
  .looseObject({ jsonrpc: z.literal("2.0"), method: z.string().optional() })
  .describe("A JSON-RPC 2.0 message of the Model Context Protocol");
const McpAnswer = z.unknown().describe("application/json or text/event-stream: the JSON-RPC answer, with progress notifications first when asked for");

/**
 * The MCP server over Streamable HTTP (stateless: a server and transport per POST), authenticated like /api by the
 * caller of this plugin's scope, and the OAuth protected resource metadata (RFC 9728) that 401 answers point to.
 */
export const mcpRoutes: FastifyPluginAsyncZod<McpRouteOptions> = async (app, { services, webUrl }) => {
  app.post(
    "/mcp",
    {
      onRequest: app.authenticate,
      schema: {
        operationId: "mcp",
        tags: ["mcp"],
        summary: "Model Context Protocol (Streamable HTTP, stateless) with an API key as Bearer token: tools and resources for assistants",
        description:
          "See docs/mcp.md. A notification is answered 202 with no body. Tools: generate_strategy, list_strategies, get_strategy, refine_strategy, write_plan, get_plan, export_plan, list_brands.",
        body: JsonRpcBody,
        response: { 200: McpAnswer, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const server = strategistMcpServer(services, {
        userId: request.userId,
        credential: request.credential,
        log: request.log,
        apiOrigin: requestOrigin(request),
      });
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
      reply.hijack();
      reply.raw.on("close", () => {
        void transport.close();
        void server.close();
      });
      // The answer is written by the transport; Fastify's own headers (request id) go with it.
      for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) reply.raw.setHeader(name, value);
      try {
        await server.connect(transport);
        await transport.handleRequest(request.raw, reply.raw, request.body);
      } catch (error) {
        // The transport answers protocol errors itself; anything thrown here is ours, and the reply is hijacked.
        request.log.error({ err: error }, "mcp request failed");
        if (!reply.raw.headersSent) reply.raw.writeHead(500, { "content-type": "application/json" });
        if (!reply.raw.writableEnded) reply.raw.end(JSON.stringify({ jsonrpc: "2.0", id: null, error: { code: -32603, message: "Internal server error" } }));
      }
    },
  );

  // Stateless: no server-to-client stream to open and no session to end.
  const notAllowed = { onRequest: app.authenticate, schema: { hide: true } };
  app.get("/mcp", notAllowed, async (_request, reply) =>
    reply.code(405).header("allow", "POST").send({ detail: "Method not allowed: POST JSON-RPC messages to /mcp" }),
  );
  app.delete("/mcp", notAllowed, async (_request, reply) =>
    reply.code(405).header("allow", "POST").send({ detail: "Method not allowed: POST JSON-RPC messages to /mcp" }),
  );

  const metadata = {
    schema: {
      operationId: "protectedResourceMetadata",
      tags: ["mcp"],
      summary: "OAuth 2.0 protected resource metadata (RFC 9728) of /mcp: API keys as Bearer tokens, issued in the web app",
      security: [],
      response: { 200: ProtectedResourceMetadata },
    },
  };
  app.get("/.well-known/oauth-protected-resource", metadata, async (request) => protectedResourceMetadata(`${requestOrigin(request)}/mcp`, webUrl));
  app.get("/.well-known/oauth-protected-resource/mcp", { schema: { ...metadata.schema, operationId: "protectedResourceMetadataOfMcp" } }, async (request) =>
    protectedResourceMetadata(`${requestOrigin(request)}/mcp`, webUrl),
  );
};
