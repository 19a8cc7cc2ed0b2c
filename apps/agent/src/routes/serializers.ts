import fastJson from "fast-json-stringify";
import type { FastifyReply } from "fastify";
import { StrategyList, StrategyRecord, StrategySummaryList } from "@strategist/schemas";
import { z } from "zod";

/**
 * A response serializer compiled once from a zod schema's JSON Schema (fast-json-stringify, as Fastify compiles its
 * own): it writes exactly the schema's properties, in its order, without re-validating what the service built.
 * The hot read routes (list, get) and generate use these instead of a zod parse per response; OpenAPI still comes
 * from the zod schemas on the routes.
 */
export function compiledSerializer(schema: z.ZodType): (data: unknown) => string {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, { io: "output", target: "draft-7", unrepresentable: "any" });
  return fastJson(jsonSchema as Parameters<typeof fastJson>[0]) as (data: unknown) => string;
}

export const serializeRecord = compiledSerializer(StrategyRecord);
export const serializeRecords = compiledSerializer(StrategyList);
export const serializeSummaries = compiledSerializer(StrategySummaryList);

/** Answers this reply's payload through a compiled serializer, as JSON. */
export function serializeWith(reply: FastifyReply, serializer: (data: unknown) => string): void {
  reply.type("application/json; charset=utf-8").serializer(serializer);
}
