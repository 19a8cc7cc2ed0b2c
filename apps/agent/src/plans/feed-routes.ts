import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ErrorBody,
  PlanFeed,
  PlanFeedFileParams,
  PlanFeedImageParams,
  PlanFeedPatch,
  PlanFeedRequest,
  StrategyIdParams,
  ValidationErrorBody,
} from "@strategist/schemas";
import { z } from "zod";
import type { PlanFeedService } from "./feed-service";

const tags = ["plans"];
const errors = { 400: ValidationErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } as const;

/** The owner's side of the calendar feed: create or rotate, read, change, revoke. Bearer token required. */
export const planFeedRoutes: FastifyPluginAsyncZod<{ feeds: PlanFeedService }> = async (app, { feeds }) => {
  app.post(
    "/:id/plan/feed",
    {
      schema: {
        operationId: "createPlanFeed",
        tags,
        summary: "Create the plan's calendar feed, or rotate its token (the old link stops working); the answer holds the only copy of the links",
        params: StrategyIdParams,
        body: PlanFeedRequest,
        response: { 201: PlanFeed, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await feeds.create(request.userId, request.params.id, request.body.approved_only, request.log)),
  );

  app.get(
    "/:id/plan/feed",
    {
      preHandler: app.limitReads,
      schema: {
        operationId: "getPlanFeed",
        tags,
        summary: "Whether the plan has a calendar feed, and what it holds (never its token)",
        params: StrategyIdParams,
        response: { 200: PlanFeed, ...errors, 429: ErrorBody },
      },
    },
    async (request) => feeds.get(request.userId, request.params.id, request.log),
  );

  app.patch(
    "/:id/plan/feed",
    {
      schema: {
        operationId: "updatePlanFeed",
        tags,
        summary: "Change whether the feed holds approved posts only; its link stays",
        params: StrategyIdParams,
        body: PlanFeedPatch,
        response: { 200: PlanFeed, ...errors },
      },
    },
    async (request) => feeds.setApprovedOnly(request.userId, request.params.id, request.body.approved_only, request.log),
  );

  app.delete(
    "/:id/plan/feed",
    {
      schema: {
        operationId: "revokePlanFeed",
        tags,
        summary: "Revoke the calendar feed: its link answers 404 from now on",
        params: StrategyIdParams,
        response: { 204: z.null().describe("Revoked"), ...errors },
      },
    },
    async (request, reply) => {
      await feeds.revoke(request.userId, request.params.id, request.log);
      return reply.code(204).send(null);
    },
  );
};

/**
 * The subscriber's side: the feed and its pictures, authorised by the token in the path alone (calendar apps send
 * no cookie or Bearer token). A wrong, revoked or malformed token is 404, like a feed that never existed.
 */
export const publicFeedRoutes: FastifyPluginAsyncZod<{ feeds: PlanFeedService }> = async (app, { feeds }) => {
  app.get(
    "/:file",
    {
      schema: {
        operationId: "getPlanFeedCalendar",
        tags,
        summary: "The plan as a subscribable iCalendar feed (no sign-in: the token is the key); ETag, If-None-Match gives 304",
        security: [],
        params: PlanFeedFileParams,
        response: {
          200: z.string().describe("text/calendar; charset=utf-8"),
          304: z.null().describe("Not modified"),
          400: ValidationErrorBody,
          404: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      const { body, etag } = await feeds.calendar(request.params.file.slice(0, -".ics".length));
      reply.header("etag", etag).header("cache-control", "private, no-cache");
      const given = request.headers["if-none-match"];
      if (given && given.split(",").some((tag) => tag.trim().replace(/^W\//u, "") === etag)) return reply.code(304).send(null);
      return reply.type("text/calendar; charset=utf-8").send(body.toString("utf8"));
    },
  );

  app.get(
    "/:token/images/:job_id",
    {
      schema: {
        operationId: "getPlanFeedImage",
        tags,
        summary: "A picture of a post of the feed, authorised by the feed's token",
        security: [],
        params: PlanFeedImageParams,
        response: { 200: z.any().describe("image/png bytes"), 400: ValidationErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const image = await feeds.image(request.params.token, request.params.job_id);
      reply.header("content-type", image.contentType).header("cache-control", "private, max-age=3600");
      if (image.contentLength !== undefined) reply.header("content-length", String(image.contentLength));
      return reply.send(image.body);
    },
  );
};
