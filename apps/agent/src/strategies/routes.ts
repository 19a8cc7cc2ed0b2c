import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ErrorBody,
  GenerateRequest,
  StrategyIdParams,
  StrategyListQuery,
  StrategyList,
  StrategyRecord,
  StrategySummaryList,
  ValidationErrorBody,
} from "@strategist/schemas";
import { z } from "zod";
import { IdempotencyHeaders, MODEL_CALL_ERRORS, modelCallContext } from "../http/generation";
import type { StrategyService } from "./service";
import { serializeRecord, serializeRecords, serializeSummaries, serializeWith } from "./serializers";

const errors = { 400: ValidationErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } as const;

/** The strategy API: generate, list, read and delete. Routes speak HTTP only; the service does the work. */
export const strategyRoutes: FastifyPluginAsyncZod<{ service: StrategyService }> = async (app, { service }) => {
  app.post(
    "/generate",
    {
      schema: {
        operationId: "generateStrategy",
        tags: ["strategies"],
        summary: "Generate and store a social media strategy for a brief",
        body: GenerateRequest,
        headers: IdempotencyHeaders,
        response: { 200: StrategyRecord, ...MODEL_CALL_ERRORS },
      },
    },
    async (request, reply) => {
      const record = await service.generate(request.userId, request.body, modelCallContext(request, reply));
      serializeWith(reply, serializeRecord);
      return record;
    },
  );

  app.get(
    "/list",
    {
      preHandler: app.limitReads,
      schema: {
        operationId: "listStrategies",
        tags: ["strategies"],
        summary: "The user's strategies, newest first; X-Next-Cursor holds the cursor of the next page",
        description: "`view=summary` answers StrategySummary items (no strategy output) for history pages; the default `full` answers whole strategies.",
        "x-response-headers": { 200: ["X-Next-Cursor"] },
        querystring: StrategyListQuery,
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
        operationId: "getStrategy",
        tags: ["strategies"],
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

  app.delete(
    "/:id",
    {
      schema: {
        operationId: "deleteStrategy",
        tags: ["strategies"],
        summary: "Delete a strategy with its versions, conversation, session and everything stored under it",
        params: StrategyIdParams,
        response: { 204: z.null().describe("Deleted"), ...errors },
      },
    },
    async (request, reply) => {
      await service.delete(request.userId, request.params.id, request.log.child({ strategy_id: request.params.id }));
      return reply.code(204).send(null);
    },
  );
};
