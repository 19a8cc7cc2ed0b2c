import { z } from "zod";

const prepared = new WeakMap<z.ZodType, z.ZodType>();

/**
 * The same schema for parsing, whose JSON Schema is built once. The Strands agent builds a structured-output tool
 * for every invocation and converts its zod schema to JSON Schema each time (about 0.8 ms for a strategy); zod lets a
 * schema supply its own JSON Schema (`_zod.toJSONSchema`), so the conversion runs once per schema per process and
 * each invocation gets a fresh copy of the result.
 */
export function withPrebuiltJsonSchema<T extends z.ZodType>(schema: T): T {
  let wrapped = prepared.get(schema);
  if (!wrapped) {
    const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema);
    const text = JSON.stringify(jsonSchema);
    // A copy from the same definition (no parent link, which zod would otherwise walk) with the same metadata.
    const copy = schema.clone(schema._zod.def);
    const meta = z.globalRegistry.get(schema);
    if (meta) z.globalRegistry.add(copy, meta);
    (copy._zod as { toJSONSchema?: () => unknown }).toJSONSchema = () => JSON.parse(text) as unknown;
    wrapped = copy;
    prepared.set(schema, wrapped);
  }
  return wrapped as T;
}
