import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  BulkApproveRequest,
  BulkApproveResult,
  ErrorBody,
  FetchRefusalBody,
  Plan,
  PlanPost,
  PlanRequest,
  PostIdParams,
  PostPatch,
  RepurposeRequest,
  RepurposeResult,
  RewriteRequest,
  RewrittenPost,
  StrategyIdParams,
  ValidationErrorBody,
} from "@strategist/schemas";
import { z } from "zod";
import { IdempotencyHeaders, MODEL_CALL_ERRORS, STREAM_REFUSALS, liveEventStream, modelCallContext } from "../http/generation";
import { streamAdmitted } from "../http/sse";
import type { ExportPool } from "./export-pool";
import { attachment, exportFileName } from "./exports";
import type { PlanFeedService } from "./feed-service";
import type { RepurposeService } from "./repurpose";
import type { PlanService } from "./service";

interface PlanRouteOptions {
  service: PlanService;
  /** Links of the downloaded calendar (each post's page and pictures). */
  feeds: PlanFeedService;
  /** Renders the export files in worker threads. */
  exports: ExportPool;
  repurpose: RepurposeService;
  heartbeatMs: number;
  clock?: () => Date;
}

// Files, sent as they are (Fastify serializes only objects): the schemas document them.
const IcsFile = z.string().describe("text/calendar; charset=utf-8");
const CsvFile = z.string().describe("text/csv; charset=utf-8");
const PdfFile = z.unknown().describe("application/pdf");
const POST_BODY_LIMIT = 320 * 1024;
// A pasted article of 100,000 characters, up to four bytes each.
const ARTICLE_BODY_LIMIT = 512 * 1024;
// A refused page: 400 (the URL), 422 (the page), 504 (out of time), each with a detail saying why.
const FETCH_REFUSALS = { 400: FetchRefusalBody, 422: FetchRefusalBody, 504: FetchRefusalBody } as const;
const readErrors = { 400: ValidationErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody } as const;
/** A rendered export may also be refused (503, too many waiting) or run out of time (504), both with Retry-After. */
const exportErrors = { ...readErrors, 503: ErrorBody, 504: ErrorBody } as const;
const tags = ["plans"];

/** The content plan of a strategy: write, stream, read, edit and rewrite posts, export. Routes speak HTTP only. */
export const planRoutes: FastifyPluginAsyncZod<PlanRouteOptions> = async (
  app,
  { service, repurpose, feeds, exports, heartbeatMs, clock = () => new Date() },
) => {
  app.post(
    "/:id/repurpose",
    {
      bodyLimit: ARTICLE_BODY_LIMIT,
      // Pages are fetched before the model call is admitted: the per-user read limit bounds the fetching too.
      preHandler: app.limitReads,
      schema: {
        operationId: "repurposeArticle",
        tags,
        summary: "Turn an article (a URL, or pasted text and title) into posts that join the plan as drafts in its next free slots",
        params: StrategyIdParams,
        body: RepurposeRequest,
        response: { 200: RepurposeResult, ...MODEL_CALL_ERRORS, ...FETCH_REFUSALS, 413: ErrorBody },
      },
    },
    async (request, reply) =>
      repurpose.create(request.userId, request.params.id, request.body, modelCallContext(request, reply, { strategy_id: request.params.id })),
  );

  app.post(
    "/:id/repurpose/stream",
    {
      bodyLimit: ARTICLE_BODY_LIMIT,
      // Pages are fetched before the model call is admitted: the per-user read limit bounds the fetching too.
      preHandler: app.limitReads,
      schema: {
        operationId: "repurposeArticleStream",
        tags,
        summary: "Turn an article into plan posts and watch them being written (text/event-stream, the events of generate/stream)",
        params: StrategyIdParams,
        body: RepurposeRequest,
        response: { 200: liveEventStream(RepurposeResult), ...STREAM_REFUSALS, ...FETCH_REFUSALS, 413: ErrorBody },
      },
    },
    async (request, reply) => {
      const context = modelCallContext(request, reply, { strategy_id: request.params.id });
      const admitted = await repurpose.admit(request.userId, request.params.id, request.body, context);
      await streamAdmitted(request, reply, admitted, { heartbeatMs, signal: context.signal, completed: (result) => result });
    },
  );

  app.post(
    "/:id/plan",
    {
      schema: {
        operationId: "createPlan",
        tags,
        summary: "Write a content plan for the strategy, replacing the previous one",
        params: StrategyIdParams,
        body: PlanRequest,
        headers: IdempotencyHeaders,
        response: { 200: Plan, ...MODEL_CALL_ERRORS },
      },
    },
    async (request, reply) =>
      service.create(request.userId, request.params.id, request.body, modelCallContext(request, reply, { strategy_id: request.params.id })),
  );

  app.post(
    "/:id/plan/stream",
    {
      schema: {
        operationId: "createPlanStream",
        tags,
        summary: "Write a content plan and watch its posts being written (text/event-stream, the events of generate/stream)",
        params: StrategyIdParams,
        body: PlanRequest,
        headers: IdempotencyHeaders,
        response: { 200: liveEventStream(Plan), ...STREAM_REFUSALS },
      },
    },
    async (request, reply) => {
      const context = modelCallContext(request, reply, { strategy_id: request.params.id });
      const admitted = await service.admit(request.userId, request.params.id, request.body, context);
      await streamAdmitted(request, reply, admitted, { heartbeatMs, signal: context.signal, completed: (plan) => plan });
    },
  );

  app.get(
    "/:id/plan",
    {
      preHandler: app.limitReads,
      schema: {
        operationId: "getPlan",
        tags,
        summary: "The strategy's content plan, posts in time order",
        params: StrategyIdParams,
        response: { 200: Plan, ...readErrors },
      },
    },
    async (request) => service.get(request.userId, request.params.id, request.log),
  );

  app.patch(
    "/:id/posts/:postId",
    {
      // A Facebook post may hold 63,206 characters, up to four bytes each: more than the API's 64 KiB default.
      bodyLimit: POST_BODY_LIMIT,
      schema: {
        operationId: "updatePost",
        tags,
        summary: "Edit a post (caption, hashtags, scheduled_at, status), held to its platform's rules",
        params: PostIdParams,
        body: PostPatch,
        response: { 200: PlanPost, ...readErrors, 409: ErrorBody, 413: ErrorBody },
      },
    },
    async (request) => service.patchPost(request.userId, request.params.id, request.params.postId, request.body, request.log),
  );

  app.delete(
    "/:id/plan",
    {
      schema: {
        operationId: "deletePlan",
        tags,
        summary: "Delete the content plan, its posts and their pictures",
        params: StrategyIdParams,
        response: { 204: z.null().describe("Deleted"), ...readErrors },
      },
    },
    async (request, reply) => {
      await service.deletePlan(request.userId, request.params.id, request.log);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    "/:id/posts/:postId",
    {
      schema: {
        operationId: "deletePost",
        tags,
        summary: "Delete one post of the plan and its pictures",
        params: PostIdParams,
        response: { 204: z.null().describe("Deleted"), ...readErrors },
      },
    },
    async (request, reply) => {
      await service.deletePost(request.userId, request.params.id, request.params.postId, request.log);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/:id/posts/approve",
    {
      schema: {
        operationId: "setPostsStatus",
        tags,
        summary: "Approve (or set back to draft) a selection of posts or a week of the plan, in one call; idempotent",
        params: StrategyIdParams,
        body: BulkApproveRequest,
        response: { 200: BulkApproveResult, ...readErrors, 409: ErrorBody },
      },
    },
    async (request) => service.setStatus(request.userId, request.params.id, request.body, request.log),
  );

  app.post(
    "/:id/posts/:postId/rewrite",
    {
      schema: {
        operationId: "rewritePost",
        tags,
        summary: "Rewrite one post's caption and hashtags (optionally 2-3 alternatives to choose from)",
        params: PostIdParams,
        body: RewriteRequest,
        headers: IdempotencyHeaders,
        response: { 200: RewrittenPost, ...MODEL_CALL_ERRORS },
      },
    },
    async (request, reply) =>
      service.rewrite(
        request.userId,
        request.params.id,
        request.params.postId,
        request.body,
        modelCallContext(request, reply, { strategy_id: request.params.id, post_id: request.params.postId }),
      ),
  );

  // Exports: the 200 bodies are files (text/calendar, text/csv, application/pdf), not JSON.
  app.get(
    "/:id/plan.ics",
    {
      preHandler: app.limitReads,
      schema: {
        operationId: "exportPlanIcs",
        tags,
        summary: "The plan as an iCalendar file (RFC 5545), one event per post",
        params: StrategyIdParams,
        response: { 200: IcsFile, ...exportErrors },
      },
    },
    async (request, reply) => {
      const { strategy, plan } = await service.withStrategy(request.userId, request.params.id, request.log);
      const links = await feeds.links(strategy.id, plan);
      const file = await exports.render({ kind: "ics", strategy, plan, now: clock().toISOString(), links });
      return reply
        .type("text/calendar; charset=utf-8")
        .header("content-disposition", attachment(exportFileName(strategy, "plan", "ics")))
        .send(file.toString("utf8"));
    },
  );

  app.get(
    "/:id/plan.csv",
    {
      preHandler: app.limitReads,
      schema: {
        operationId: "exportPlanCsv",
        tags,
        summary: "The plan as CSV (RFC 4180), one row per post",
        params: StrategyIdParams,
        response: { 200: CsvFile, ...exportErrors },
      },
    },
    async (request, reply) => {
      const { strategy, plan } = await service.withStrategy(request.userId, request.params.id, request.log);
      const file = await exports.render({ kind: "csv", strategy, plan });
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", attachment(exportFileName(strategy, "plan", "csv")))
        .send(file.toString("utf8"));
    },
  );

  app.get(
    "/:id/export.pdf",
    {
      preHandler: app.limitReads,
      schema: {
        operationId: "exportStrategyPdf",
        tags,
        summary: "The strategy and its plan (when it has one) as a PDF document",
        params: StrategyIdParams,
        response: { 200: PdfFile, ...exportErrors },
      },
    },
    async (request, reply) => {
      const { strategy, plan } = await service.forDocument(request.userId, request.params.id, request.log);
      const file = await exports.render({ kind: "pdf", strategy, ...(plan ? { plan } : {}) });
      return reply
        .type("application/pdf")
        .header("content-disposition", attachment(exportFileName(strategy, "strategy", "pdf")))
        .send(file);
    },
  );
};
