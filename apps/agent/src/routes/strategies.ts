import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ErrorBody, GenerateRequest, ListQuery, StrategyIdParams, StrategyList, StrategyRecord, ValidationErrorBody } from "@strategist/schemas";
import { z } from "zod";
import type { StrategyService } from "../strategies/service";
import { clientGoneSignal } from "./request-signal";

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
        operationId: "generateStrategy",
        tags: ["strategies"],
        summary: "Generate and store a social media strategy for a brief",
        body: GenerateRequest,
        headers: IdempotencyHeaders,
        response: { 200: StrategyRecord, ...errors, 409: ErrorBody, 429: ErrorBody, 500: ErrorBody, 503: ErrorBody, 504: ErrorBody },
      },
    },
    async (request, reply) =>
      service.generate(request.userId, request.body, {
        signal: clientGoneSignal(reply),
        log: request.log,
        idempotencyKey: request.headers["idempotency-key"],
      }),
  );

  app.get(
    "/list",
    {
      schema: {
        operationId: "listStrategies",
        tags: ["strategies"],
        summary: "The user's strategies, newest first; X-Next-Cursor holds the cursor of the next page",
        "x-response-headers": { 200: ["X-Next-Cursor"] },
        querystring: ListQuery,
        response: { 200: StrategyList, ...errors },
      },
    },
    async (request, reply) => {
      const page = await service.list(request.userId, request.query.limit, request.query.cursor);
      if (page.nextCursor) reply.header("x-next-cursor", page.nextCursor);
      return page.records;
    },
  );

  app.get(
    "/:id",
    {
      schema: {
        operationId: "getStrategy",
        tags: ["strategies"],
        summary: "One strategy of the user's",
        params: StrategyIdParams,
        response: { 200: StrategyRecord, ...errors },
      },
    },
    async (request) => service.get(request.userId, request.params.id, request.log),
  );
};
