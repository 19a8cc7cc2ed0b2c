import "server-only";
import agentDocument from "@strategist/api-client/openapi.json" with { type: "json" };
import { agentTarget } from "./agent-proxy";
import { SESSION_COOKIE } from "./session";

type Json = Record<string, unknown>;

/**
 * The agent's OpenAPI document as the web origin offers it: only the operations its /api proxy forwards,
 * `servers` pointing at this origin, and the session cookie accepted beside the Bearer token. It is the
 * committed document of @strategist/api-client, which a test keeps equal to the agent's live one.
 */
export function webApiDocument(origin: string): Json {
  const paths = Object.fromEntries(Object.entries(agentDocument.paths).filter(([path]) => agentTarget("http://agent.invalid", new URL(path, origin)) !== null));
  const components = agentDocument.components as Json;
  return {
    ...agentDocument,
    servers: [{ url: origin, description: "This web origin: /api/* is proxied to the agent" }],
    paths,
    tags: agentDocument.tags.filter((tag) =>
      Object.values(paths).some((item) => Object.values(item).some((operation) => (operation as { tags?: string[] }).tags?.includes(tag.name))),
    ),
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    components: {
      ...components,
      securitySchemes: {
        ...(components.securitySchemes as Json),
        sessionCookie: { type: "apiKey", in: "cookie", name: SESSION_COOKIE, description: "The session the web app's login sets" },
      },
    },
  };
}
