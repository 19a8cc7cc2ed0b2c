import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALLOWED_PRODUCT_ATTRIBUTES, ALLOWED_SPAN_ATTRIBUTES, isAllowedAttribute, redactAttributes } from "../src/redaction";

const CONTENT_KEYS = [
  "gen_ai.prompt",
  "gen_ai.completion",
  "gen_ai.input.messages",
  "gen_ai.output.messages",
  "gen_ai.system_instructions",
  "gen_ai.tool.call.arguments",
  "exception.message",
  "exception.stacktrace",
  "db.statement",
  "url.query",
  "http.request.header.authorization",
  "strategist.brief",
  "strategist.caption",
];
const CREDENTIAL_KEYS = [
  "http.request.header.authorization",
  "http.request.header.cookie",
  "aws.secret_access_key",
  "openai.api_key",
  "session.token",
  "user.password",
];

describe("span attribute redaction", () => {
  it("keeps model, usage and finish reasons; drops prompts, messages, exception messages and headers", () => {
    for (const key of [
      "gen_ai.request.model",
      "gen_ai.usage.input_tokens",
      "gen_ai.usage.output_tokens",
      "gen_ai.response.finish_reasons",
      "aws.dynamodb.table_names",
      "http.route",
    ])
      expect(isAllowedAttribute(key)).toBe(true);
    for (const key of CONTENT_KEYS) expect(isAllowedAttribute(key), key).toBe(false);
  });

  it("with content capture on, still drops credentials", () => {
    expect(isAllowedAttribute("gen_ai.prompt", true)).toBe(true);
    for (const key of CREDENTIAL_KEYS) expect(isAllowedAttribute(key, true), key).toBe(false);
  });

  it("no allowed key names a credential or content (sizes, token counts and message ids are numbers or ids)", () => {
    const measure = /(\.[a-z_]*_tokens|\.message_count|content_length(_uncompressed)?|\.message\.id)$/;
    for (const key of [...ALLOWED_SPAN_ATTRIBUTES, ...ALLOWED_PRODUCT_ATTRIBUTES])
      expect(key.replace(measure, "")).not.toMatch(/prompt|message|content|completion|brief|caption|authorization|cookie|secret|password|api_key|statement/);
  });

  it("property: after redaction only allowed keys remain and no URL keeps a query string", () => {
    const key = fc.oneof(fc.constantFrom(...ALLOWED_SPAN_ATTRIBUTES, ...ALLOWED_PRODUCT_ATTRIBUTES, ...CONTENT_KEYS, ...CREDENTIAL_KEYS), fc.string());
    const value = fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.integer());
    fc.assert(
      fc.property(fc.dictionary(key, value), (input) => {
        const attributes: Record<string, unknown> = { ...input };
        redactAttributes(attributes);
        for (const [name, kept] of Object.entries(attributes)) {
          expect(ALLOWED_SPAN_ATTRIBUTES.has(name) || ALLOWED_PRODUCT_ATTRIBUTES.has(name)).toBe(true);
          if (["url.full", "http.url", "http.target"].includes(name) && typeof kept === "string") expect(kept).not.toMatch(/[?#]/);
        }
      }),
      { numRuns: 200 },
    );
  });
});
