import type { SwaggerOptions } from "@fastify/swagger";
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from "fastify-type-provider-zod";
import { z } from "zod";
import type { $ZodType } from "zod/v4/core";
import { AGENT_VERSION } from "../../core/version";
import { documentRegistry } from "./registry";

/** Where the API is reachable: the agent itself and the web origin's proxy (same paths under /api). */
interface ApiServers {
  agentUrl: string;
  webUrl: string;
}

/** The tags operations may use, with their descriptions; a tag used by a route but missing here is still listed. */
const API_TAGS: Record<string, string> = {
  strategies: "Generate, list and read a user's social media strategies",
  models: "The models a user may choose for generation",
  conversations: "Refine a strategy by chat; versions of a strategy",
  plans: "Content plans, their posts and exports",
  images: "Image generation jobs for a strategy's visual prompts",
  brands: "Brand profiles and brand voice",
  results: "Post results in (one post, or a CSV or JSON import) and insights out, for a strategy or a brand",
  health: "Liveness",
  keys: "API keys for scripts and assistants (managed from a web session only)",
  mcp: "The Model Context Protocol server for AI assistants, and its protected resource metadata",
};

/** Response headers a route may name in its schema's `x-response-headers`, e.g. `{ 200: ["X-Next-Cursor"] }`. */
const RESPONSE_HEADERS: Record<string, { description: string; schema: Record<string, unknown> }> = {
  "Retry-After": { description: "Seconds to wait before trying again", schema: { type: "integer", minimum: 0 } },
  "X-Next-Cursor": {
    description: "Opaque cursor of the next page: send it back as `cursor`; absent on the last page",
    schema: { type: "string" },
  },
};

/** The description of a response when the route gives none. */
const STATUS_DESCRIPTIONS: Record<string, string> = {
  "200": "OK",
  "201": "Created",
  "202": "Accepted",
  "204": "No content",
  "400": "Validation error: which fields, and why",
  "401": "Missing, invalid or expired token",
  "403": "Access denied: the resource belongs to another user",
  "404": "Not found",
  "409": "Conflict: a lost race or a request still in progress",
  "413": "Request body too large",
  "415": "Unsupported content type",
  "429": "Rate limit exceeded or too many generations in progress; see Retry-After",
  "500": "Internal error or the model failed to produce a valid result",
  "502": "Bad gateway",
  "503": "The model service or the agent is temporarily unavailable; see Retry-After",
  "504": "The request took longer than its time budget",
};

/** Statuses that always carry Retry-After. */
const RETRY_STATUSES = new Set(["429", "503"]);

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/* The document is plain JSON here: these types name only what is read or written. */
type Json = Record<string, unknown>;
interface Operation extends Json {
  operationId?: string;
  tags?: string[];
  responses?: Record<string, Json>;
  security?: unknown[];
}

/**
 * A `200 text/event-stream` response documenting each Server-Sent Event by name with its payload:
 * the body is a sequence of `event: <name>` / `data: <JSON payload>` messages (plus `: heartbeat` comments).
 */
export function eventStreamResponse(description: string, events: Record<string, $ZodType>) {
  const messages = Object.entries(events).map(([name, data]) =>
    z.object({ event: z.literal(name), data: data as z.ZodType }).describe(`\`event: ${name}\` with its JSON \`data\``),
  );
  return {
    description: `${description}. Each message is \`event: <name>\` and \`data: <JSON>\`; idle streams get \`: heartbeat\` comments.`,
    content: { "text/event-stream": { schema: z.union(messages) } },
  };
}

function walk(value: unknown, visit: (node: Json) => void): void {
  if (Array.isArray(value)) for (const item of value) walk(item, visit);
  else if (value !== null && typeof value === "object") {
    visit(value as Json);
    for (const child of Object.values(value)) walk(child, visit);
  }
}

const SCHEMA_REF = "#/components/schemas/";

function referencedSchemas(root: unknown, schemas: Record<string, unknown>): Set<string> {
  const seen = new Set<string>();
  const visit = (node: Json) => {
    const ref = node.$ref;
    if (typeof ref !== "string" || !ref.startsWith(SCHEMA_REF)) return;
    const name = ref.slice(SCHEMA_REF.length);
    if (seen.has(name)) return;
    seen.add(name);
    walk(schemas[name], visit);
  };
  walk(root, visit);
  return seen;
}

/**
 * Finishes the generated document: components only for shapes some operation uses, one name per shape
 * (`GenerateRequestInput` becomes `GenerateRequest` unless an output shape of that name differs), response
 * descriptions and headers, and the tag list.
 */
function finishDocument(document: Json): Json {
  const components = (document.components ?? {}) as Json;
  let schemas = (components.schemas ?? {}) as Record<string, unknown>;
  const paths = (document.paths ?? {}) as Record<string, Record<string, Operation>>;

  // One name per shape: fastify-type-provider-zod names request shapes `<id>Input`.
  const used = referencedSchemas(paths, schemas);
  const renames = new Map<string, string>();
  for (const name of used) {
    if (!name.endsWith("Input")) continue;
    const plain = name.slice(0, -"Input".length);
    if (!used.has(plain) || JSON.stringify(schemas[plain]) === JSON.stringify(schemas[name])) renames.set(name, plain);
  }
  const renamed = JSON.parse(JSON.stringify({ paths, schemas }), (key, value: unknown) =>
    key === "$ref" && typeof value === "string" && value.startsWith(SCHEMA_REF) && renames.has(value.slice(SCHEMA_REF.length))
      ? SCHEMA_REF + renames.get(value.slice(SCHEMA_REF.length))
      : value,
  ) as { paths: typeof paths; schemas: typeof schemas };
  for (const [from, to] of renames) renamed.schemas[to] = renamed.schemas[from];
  const keep = referencedSchemas(renamed.paths, renamed.schemas);
  schemas = Object.fromEntries(
    Object.keys(renamed.schemas)
      .filter((name) => keep.has(name))
      .sort()
      .map((name) => [name, renamed.schemas[name]]),
  );

  const usedHeaders = new Set<string>();
  const usedTags = new Set<string>();
  for (const [path, item] of Object.entries(renamed.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      for (const tag of operation.tags ?? []) usedTags.add(tag);
      const extra = (operation["x-response-headers"] ?? {}) as Record<string, string[]>;
      delete operation["x-response-headers"];
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (response.description === "Default Response") response.description = STATUS_DESCRIPTIONS[status] ?? `Status ${status}`;
        const names = [...(RETRY_STATUSES.has(status) ? ["Retry-After"] : []), ...(extra[status] ?? [])];
        for (const name of names) {
          if (!RESPONSE_HEADERS[name])
            throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} names an unknown response header "${name}"; add it to RESPONSE_HEADERS`);
          usedHeaders.add(name);
          response.headers = { ...(response.headers as Json | undefined), [name]: { $ref: `#/components/headers/${name}` } };
        }
      }
      for (const status of Object.keys(extra)) {
        if (!operation.responses?.[status])
          throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} has response headers for ${status} but no ${status} response`);
      }
    }
  }

  // A route `/` under a prefix answers with and without the slash (Fastify's prefixTrailingSlash "both"): document it without.
  const finalPaths = Object.fromEntries(
    Object.entries(renamed.paths).map(([path, item]) => [
      path.length > 1 && path.endsWith("/") && !renamed.paths[path.slice(0, -1)] ? path.slice(0, -1) : path,
      item,
    ]),
  );

  return {
    ...document,
    tags: [...usedTags].sort().map((name) => ({ name, ...(API_TAGS[name] ? { description: API_TAGS[name] } : {}) })),
    paths: finalPaths,
    components: {
      ...components,
      schemas,
      headers: Object.fromEntries([...usedHeaders].sort().map((name) => [name, RESPONSE_HEADERS[name]])),
    },
  };
}

/** The @fastify/swagger options: OpenAPI 3.1 from the routes' zod schemas, named shapes as components. */
export function swaggerOptions(servers: ApiServers): SwaggerOptions {
  const schemaRegistry = documentRegistry();
  const toComponents = createJsonSchemaTransformObject({ schemaRegistry });
  return {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Strategist API",
        version: AGENT_VERSION,
        description:
          "AI social media strategies, generated and stored per user. Call the agent with a Bearer JWT or an API key (`Authorization: Bearer sk_strat_...`, created at POST /api/keys), or the web origin's `/api/*` proxy with the session cookie (or the same Bearer token or key).",
        license: { name: "Proprietary", identifier: "LicenseRef-Strategist-Proprietary" },
      },
      servers: [
        { url: servers.webUrl, description: "The web origin: /api/* is proxied to the agent" },
        { url: servers.agentUrl, description: "The agent itself" },
      ],
      components: {
        securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "A JWT (web session or minted token) or an API key sk_strat_..." } },
      },
      security: [{ bearerAuth: [] }],
    },
    transform: createJsonSchemaTransform({ schemaRegistry }),
    transformObject: (input) => finishDocument(toComponents(input)),
  };
}
