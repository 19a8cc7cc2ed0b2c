import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  BrandIdParams,
  ErrorBody,
  InsightsResponse,
  PostResult,
  PostResultParams,
  PostResultRecord,
  ResultImportBody,
  ResultImportQuery,
  ResultImportResponse,
  StrategyIdParams,
  ValidationErrorBody,
} from "@strategist/schemas";
import { AppError } from "../core/errors";
import type { ResultService } from "./service";

/** The largest results import: a CSV or JSON body over this gets 413. */
export const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;
const owned = { 400: ValidationErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } as const;
const tags = ["results"];

/** Results in (one post's numbers, a CSV or JSON import) and insights out, for a strategy. Routes speak HTTP only. */
export const resultRoutes: FastifyPluginAsyncZod<{ service: ResultService }> = async (app, { service }) => {
  // A results CSV arrives as text; only this plugin's routes read text/csv.
  app.addContentTypeParser("text/csv", { parseAs: "string", bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));

  app.put(
    "/:id/posts/:post_id/results",
    {
      schema: {
        operationId: "putPostResults",
        tags,
        summary: "Store one plan post's results (published_at with an offset, url, counts); a later PUT replaces the earlier one",
        params: PostResultParams,
        body: PostResult,
        response: { 200: PostResultRecord, ...owned },
      },
    },
    async (request) => service.putPostResult(request.userId, request.params.id, request.params.post_id, request.body, request.log),
  );

  app.post(
    "/:id/results",
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      // Ownership first: another user's strategy gets its 403 before a byte of a body of up to 10 MB is read.
      onRequest: async (request) => {
        await service.assertOwner(request.userId, request.params.id, request.log);
      },
      schema: {
        operationId: "importResults",
        tags,
        summary:
          "Import results as text/csv (canonical columns or a platform's export headers) or JSON {rows}; matched to plan posts, the rest kept as earlier posts; ?dry_run=true stores nothing; bodies over 10 MB get 413",
        params: StrategyIdParams,
        querystring: ResultImportQuery,
        body: ResultImportBody,
        response: { 200: ResultImportResponse, ...owned, 413: ErrorBody, 415: ErrorBody },
      },
    },
    async (request) => {
      const { body } = request;
      const csv = request.headers["content-type"]?.toLowerCase().startsWith("text/csv") ?? false;
      if (csv !== (typeof body === "string")) throw new AppError("unsupported_media_type");
      const input = typeof body === "string" ? { csv: body } : { rows: body.rows };
      return service.import(
        request.userId,
        request.params.id,
        input,
        { dryRun: request.query.dry_run === "true", ...(request.query.platform ? { platform: request.query.platform } : {}) },
        request.log,
      );
    },
  );

  app.get(
    "/:id/insights",
    {
      preHandler: app.limitReads,
      schema: {
        operationId: "getStrategyInsights",
        tags,
        summary: "What worked for the strategy: rates per platform and pillar with intervals, best evidenced times, top and bottom posts",
        params: StrategyIdParams,
        response: { 200: InsightsResponse, ...owned, 429: ErrorBody },
      },
    },
    async (request) => service.strategyInsights(request.userId, request.params.id, request.log),
  );
};

/** A brand's insights, across every strategy written for it. */
export const brandInsightRoutes: FastifyPluginAsyncZod<{ service: ResultService }> = async (app, { service }) => {
  app.get(
    "/:id/insights",
    {
      preHandler: app.limitReads,
      schema: {
        operationId: "getBrandInsights",
        tags,
        summary: "What worked across every strategy of the brand: the insights a new strategy for it starts from",
        params: BrandIdParams,
        response: { 200: InsightsResponse, ...owned, 429: ErrorBody },
      },
    },
    async (request) => service.brandInsights(request.userId, request.params.id, request.log),
  );
};
