import { apiNames } from "@strategist/schemas";
import { z } from "zod";
import type { $ZodRegistry, $ZodType } from "zod/v4/core";

type Meta = { id?: string | undefined; [key: string]: unknown };

/**
 * One registry of every named shape for the document: the ones named with `named()` (packages/schemas
 * `apiNames`) and any given `.meta({ id })` (zod's global registry). Two shapes with one name fail here, naming it.
 * Other schemas' metadata (descriptions) is still read from the global registry: zod offers no public way to
 * layer registries, so this reaches into `_map` / `_idmap` as fastify-type-provider-zod itself does.
 */
export function documentRegistry(): $ZodRegistry<Meta> {
  const registry = z.registry<Meta>() as unknown as $ZodRegistry<Meta> & { _map: WeakMap<$ZodType, Meta> };
  const global = z.globalRegistry as unknown as $ZodRegistry<Meta> & { _map: WeakMap<$ZodType, Meta>; _idmap: Map<string, $ZodType> };
  const own = new WeakMap<$ZodType, Meta>();
  registry._map = new (class extends WeakMap<$ZodType, Meta> {
    override get(key: $ZodType) {
      return own.get(key) ?? global._map.get(key);
    }
    override has(key: $ZodType) {
      return own.has(key) || global._map.has(key);
    }
    override set(key: $ZodType, value: Meta) {
      own.set(key, value);
      return this;
    }
    override delete(key: $ZodType) {
      return own.delete(key);
    }
  })();
  const add = (id: string, schema: $ZodType, source: string) => {
    const existing = registry._idmap.get(id);
    if (existing === schema) return;
    if (existing) throw new Error(`OpenAPI: two different shapes are named "${id}" (${source}); give one another name`);
    registry.add(schema, { ...global._map.get(schema), id });
  };
  for (const [id, schema] of global._idmap) add(id, schema, ".meta({ id })");
  for (const [id, schema] of (apiNames as unknown as { _idmap: Map<string, $ZodType> })._idmap) add(id, schema, "named()");
  return registry;
}
