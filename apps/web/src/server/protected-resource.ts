import "server-only";
import type { ProtectedResourceMetadata } from "@strategist/schemas";
import { publicOrigin } from "./origin";

/**
 * The OAuth protected resource metadata (RFC 9728) of this origin's MCP endpoint, `/api/mcp`: API keys as Bearer
 * tokens, created on the account's API keys page. There is no OAuth authorization server.
 */
export function protectedResourceMetadataResponse(request: Request): Response {
  const origin = publicOrigin(request);
  const metadata: ProtectedResourceMetadata = {
    resource: `${origin}/api/mcp`,
    resource_name: "Strategist",
    bearer_methods_supported: ["header"],
    scopes_supported: ["read", "write"],
    resource_documentation: `${origin}/account/keys`,
    api_key_issuer: `${origin}/account/keys`,
    api_key_instructions: "No OAuth server: create an API key in the web app (Account, API keys) and send it as `Authorization: Bearer sk_strat_...`.",
  };
  return Response.json(metadata, { headers: { "cache-control": "public, max-age=300" } });
}
