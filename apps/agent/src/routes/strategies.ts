import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ErrorBody, GenerateRequest, ListQuery, StrategyIdParams, StrategyList, StrategyRecord, StrategySummaryList, ValidationErrorBody } from "@strategist/schemas";
import { z } from "zod";
import type { StrategyService } from "../strategies/service";
import { clientGoneSignal } from "./request-signal";
import { serializeRecord, serializeRecords, serializeSummaries, serializeWith } from "./serializers";

const IdempotencyHeaders = z.object({
  "idempotency-key": z
    .string()
    .min(1, { error: "Must not be empty" })
    .max(200, { error: "Must be at most 200 characters" })
    .regex(/^[\x21-\x7e]+$/, { error: "Must be printable ASCII without spaces" })
    .optional()
    .describe("Retries with the same key within 24 h return the same strategy without generating again"),
});

const errors = { 400: ValidationErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } as const;

/** The seed's strategy API. Routes speak HTTP only; the service does the work. */
export const strategyRoutes: FastifyPluginAsyncZod<{ service: StrategyService }> = async (
  app,
  { service },
) => {
  app.post(
    "/generate",
    {
      schema: {
        summary: "Generate and store a social media strategy for a brief",
        body: GenerateRequest,
        headers: IdempotencyHeaders,
        response: { 200: StrategyRecord, ...errors, 409: ErrorBody, 429: ErrorBody, 500: ErrorBody, 503: ErrorBody, 504: ErrorBody },
      },
    },
    async (request, reply) => {
      const record = await service.generate(request.userId, request.body, {
        signal: clientGoneSignal(reply),
        log: request.log,
        idempotencyKey: request.headers["idempotency-key"],
      });
      serializeWith(reply, serializeRecord);
      return record;
    },
  );

  app.get(
    "/list",
    {
      preHandler: app.limitReads,
      schema: {
        summary: "The user's strategies, newest first; X-Next-Cursor holds the cursor of the next page",
        description: "`view=summary` answers StrategySummary items (no strategy output) for history pages; the default `full` answers whole strategies.",
        querystring: ListQuery,
        response: { 200: z.union([StrategyList, StrategySummaryList]), ...errors, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const { limit, cursor, view } = request.query;
      const page = view === "summary" ? await service.listSummaries(request.userId, limit, cursor) : await service.list(request.userId, limit, cursor);
      if (page.nextCursor) reply.header("x-next-cursor", page.nextCursor);
      serializeWith(reply, view === "summary" ? serializeSummaries : serializeRecords);
      return page.records;
    },
  );

  app.get(
    "/:id",
    {
      preHandler: app.limitReads,
      schema: {
        summary: "One strategy of the user's",
        params: StrategyIdParams,
        response: { 200: StrategyRecord, ...errors, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const record = await service.get(request.userId, request.params.id, request.log);
      serializeWith(reply, serializeRecord);
      return record;
    },
  );
};
