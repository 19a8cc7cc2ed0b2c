import { z } from "zod";

/** What an API key may do: `read` may GET; `write` may also generate, refine, plan, edit and delete (it implies read). */
export const ApiKeyScope = z.enum(["read", "write"], { error: "Must be read or write" });
export type ApiKeyScope = z.infer<typeof ApiKeyScope>;

/** Every API key starts with this, so secret scanners (and the auth plugin) recognise one. */
export const API_KEY_PREFIX = "sk_strat_";

/** Limits on a user's keys: names are labels, and a handful of keys covers every script and assistant. */
export const API_KEY_LIMITS = { name: 100, perUser: 50, maxDays: 366 } as const;

/** POST /api/keys. */
export const ApiKeyCreate = z
  .strictObject({
    name: z
      .string({ error: (issue) => (issue.input === undefined ? "Field required" : "Must be a string") })
      .trim()
      .min(1, { error: "Must not be empty or only whitespace" })
      .max(API_KEY_LIMITS.name, { error: `Must be at most ${API_KEY_LIMITS.name} characters` })
      .refine((value) => !value.includes("\u0000"), { error: "Must not contain NUL characters" })
      .describe("A label for the key, e.g. 'CI' or 'Claude Desktop'"),
    scopes: z
      .array(ApiKeyScope, { error: (issue) => (issue.input === undefined ? "Field required" : "Must be a list") })
      .min(1, { error: "Must name at least one scope" })
      .max(2, { error: "Must have at most 2 items" })
      .refine((scopes) => new Set(scopes).size === scopes.length, { error: "Must not repeat a scope" })
      .describe("read: GET only; write: also generate, refine, plan, edit and delete"),
    expires_at: z.iso
      .datetime({ offset: true, error: "Must be an ISO 8601 date-time with an offset" })
      .optional()
      .describe(`When the key stops working (in the future, at most ${API_KEY_LIMITS.maxDays} days away); never when absent`),
  })
  .meta({ id: "ApiKeyCreate" });
export type ApiKeyCreate = z.infer<typeof ApiKeyCreate>;

/** A key as listed: never the secret, only its first characters. */
export const ApiKey = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe("The key's first characters, to recognise it"),
    scopes: z.array(ApiKeyScope),
    created_at: z.iso.datetime({ offset: true }),
    last_used_at: z.iso.datetime({ offset: true }).nullable().describe("Updated at most once a minute"),
    expires_at: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: "ApiKey" });
export type ApiKey = z.infer<typeof ApiKey>;

/** The answer to POST /api/keys: the key with its secret, shown this once. */
export const ApiKeyCreated = ApiKey.extend({
  key: z.string().describe("The secret: send it as `Authorization: Bearer <key>`. It is shown only in this answer."),
}).meta({ id: "ApiKeyCreated" });
export type ApiKeyCreated = z.infer<typeof ApiKeyCreated>;

export const ApiKeyList = z.array(ApiKey).meta({ id: "ApiKeyList" });
export type ApiKeyList = z.infer<typeof ApiKeyList>;

export const ApiKeyIdParams = z.strictObject({ id: z.string().min(1).max(200) });

/** OAuth 2.0 protected resource metadata (RFC 9728) of the MCP endpoint, served at /.well-known/oauth-protected-resource. */
export const ProtectedResourceMetadata = z
  .object({
    resource: z.string().describe("The MCP endpoint this document describes"),
    resource_name: z.string(),
    bearer_methods_supported: z.array(z.literal("header")),
    scopes_supported: z.array(ApiKeyScope),
    resource_documentation: z.string().describe("Where API keys are created"),
    api_key_issuer: z.string().describe("The web app page that issues API keys (there is no OAuth authorization server)"),
    api_key_instructions: z.string(),
  })
  .meta({ id: "ProtectedResourceMetadata" });
export type ProtectedResourceMetadata = z.infer<typeof ProtectedResourceMetadata>;
