import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ConversationMessageList,
  ErrorBody,
  ListQuery,
  RefineRequest,
  RegenerateRequest,
  StrategyIdParams,
  StrategyRecord,
  ValidationErrorBody,
  VersionList,
  VersionParams,
} from "@strategist/schemas";
import { IdempotencyHeaders, MODEL_CALL_ERRORS, STREAM_REFUSALS, liveEventStream, modelCallContext } from "../http/generation";
import { streamAdmitted } from "../http/sse";
import type { ConversationService } from "./service";

interface ConversationRouteOptions {
  service: ConversationService;
  /** How often an idle refine stream gets a comment line. */
  heartbeatMs: number;
}

const readErrors = { 400: ValidationErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody } as const;
const tags = ["conversations"];

/** Refine by chat, regenerate, versions (read and restore) and the conversation of a strategy. Routes speak HTTP only. */
export const conversationRoutes: FastifyPluginAsyncZod<ConversationRouteOptions> = async (app, { service, heartbeatMs }) => {
  app.post(
    "/:id/refine",
    {
      schema: {
        operationId: "refineStrategy",
        tags,
        summary: "Refine a strategy by an instruction; answers the new version",
        params: StrategyIdParams,
        body: RefineRequest,
        headers: IdempotencyHeaders,
        response: { 200: StrategyRecord, ...MODEL_CALL_ERRORS },
      },
    },
    async (request, reply) =>
      service.refine(request.userId, request.params.id, request.body, modelCallContext(request, reply, { strategy_id: request.params.id })),
  );

  app.post(
    "/:id/refine/stream",
    {
      schema: {
        operationId: "refineStrategyStream",
        tags,
        summary: "Refine a strategy and watch the revision being written (text/event-stream, the events of generate/stream)",
        params: StrategyIdParams,
        body: RefineRequest,
        headers: IdempotencyHeaders,
        response: { 200: liveEventStream(StrategyRecord), ...STREAM_REFUSALS },
      },
    },
    async (request, reply) => {
      const context = modelCallContext(request, reply, { strategy_id: request.params.id });
      const admitted = await service.admitRefine(request.userId, request.params.id, request.body, context);
      await streamAdmitted(request, reply, admitted, { heartbeatMs, signal: context.signal, completed: (record) => app.withCost(record) });
    },
  );

  app.post(
    "/:id/regenerate",
    {
      schema: {
        operationId: "regenerateStrategy",
        tags,
        summary: "Write a new version afresh from the same brief",
        params: StrategyIdParams,
        body: RegenerateRequest.nullish().describe("Optional; an empty body keeps the default model"),
        headers: IdempotencyHeaders,
        response: { 200: StrategyRecord, ...MODEL_CALL_ERRORS },
      },
    },
    async (request, reply) =>
      service.regenerate(request.userId, request.params.id, request.body ?? {}, modelCallContext(request, reply, { strategy_id: request.params.id })),
  );

  app.get(
    "/:id/versions",
    {
      preHandler: app.limitReads,
      schema: {
        operationId: "listStrategyVersions",
        tags,
        summary: "The strategy's versions, newest first",
        params: StrategyIdParams,
        response: { 200: VersionList, ...readErrors },
      },
    },
    async (request) => service.versions(request.userId, request.params.id, request.log),
  );

  app.get(
    "/:id/versions/:version",
    {
      preHandler: app.limitReads,
      schema: {
        operationId: "getStrategyVersion",
        tags,
        summary: "The strategy as it was at a version",
        params: VersionParams,
        response: { 200: StrategyRecord, ...readErrors },
      },
    },
    async (request) => service.version(request.userId, request.params.id, request.params.version, request.log),
  );

  app.post(
    "/:id/versions/:version/restore",
    {
      preHandler: app.limitReads,
      schema: {
        operationId: "restoreStrategyVersion",
        tags,
        summary: "Make an earlier version the latest again, as a new version with its content (every version is kept); answers the latest",
        params: VersionParams,
        headers: IdempotencyHeaders,
        response: { 200: StrategyRecord, ...readErrors, 409: ErrorBody },
      },
    },
    async (request, reply) =>
      service.restore(request.userId, request.params.id, request.params.version, modelCallContext(request, reply, { strategy_id: request.params.id })),
  );

  app.get(
    "/:id/messages",
    {
      preHandler: app.limitReads,
      schema: {
        operationId: "listStrategyMessages",
        tags,
        summary: "The refine conversation, oldest first; X-Next-Cursor holds the cursor of the next page",
        "x-response-headers": { 200: ["X-Next-Cursor"] },
        params: StrategyIdParams,
        querystring: ListQuery,
        response: { 200: ConversationMessageList, ...readErrors },
      },
    },
    async (request, reply) => {
      const page = await service.messages(request.userId, request.params.id, request.query.limit, request.query.cursor, request.log);
      if (page.nextCursor) reply.header("x-next-cursor", page.nextCursor);
      return page.messages;
    },
  );
};
