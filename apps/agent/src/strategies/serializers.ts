import type { FastifyReply } from "fastify";
import { StrategyList, StrategyRecord, StrategySummaryList } from "@strategist/schemas";
import { z } from "zod";

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  $ref?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};
type Picker = (value: unknown) => unknown;

const identity: Picker = (value) => value;

/** A function that copies, from a value of the schema, exactly the properties the schema names (recursively). */
function compilePicker(schema: JsonSchema, definitions: Record<string, JsonSchema>): Picker {
  if (schema.$ref) {
    const name = schema.$ref.replace(/^#\/(?:\$defs|definitions)\//, "");
    const target = definitions[name];
    return target ? compilePicker(target, definitions) : identity;
  }
  // Unions and intersections are not taken apart: their values are written as they are.
  if (schema.anyOf || schema.oneOf || schema.allOf) return identity;
  if (schema.properties) {
    const fields = Object.entries(schema.properties).map(([key, property]) => [key, compilePicker(property, definitions)] as const);
    return (value) => {
      if (value === null || typeof value !== "object") return value;
      const source = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [key, pick] of fields) {
        const field = source[key];
        if (field !== undefined) out[key] = pick(field);
      }
      return out;
    };
  }
  if (schema.items) {
    const pick = compilePicker(schema.items, definitions);
    return pick === identity ? identity : (value) => (Array.isArray(value) ? value.map(pick) : value);
  }
  return identity;
}

/**
 * A response serializer compiled once from a zod schema's JSON Schema: it keeps exactly the schema's properties
 * (what zod's output would hold; anything else on the object is dropped, never leaked) and writes them with the
 * engine's JSON.stringify — without re-validating per response what the service built from typed code. The hot
 * routes (list, get, generate) use these instead of the zod serializer; OpenAPI still comes from the zod schemas.
 */
function compiledSerializer(schema: z.ZodType): (data: unknown) => string {
  const json = z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }) as JsonSchema & {
    $defs?: Record<string, JsonSchema>;
    definitions?: Record<string, JsonSchema>;
  };
  const pick = compilePicker(json, { ...json.definitions, ...json.$defs });
  return (data) => JSON.stringify(pick(data));
}

export const serializeRecord = compiledSerializer(StrategyRecord);
export const serializeRecords = compiledSerializer(StrategyList);
export const serializeSummaries = compiledSerializer(StrategySummaryList);

/** Answers this reply's payload through a compiled serializer, as JSON. */
export function serializeWith(reply: FastifyReply, serializer: (data: unknown) => string): void {
  reply.type("application/json; charset=utf-8").serializer(serializer);
}
