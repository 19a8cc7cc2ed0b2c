import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  Brand,
  BrandCreate,
  BrandFromWebsiteRequest,
  BrandIdParams,
  BrandList,
  BrandPatch,
  BrandSuggestion,
  ErrorBody,
  FetchRefusalBody,
  ListQuery,
  ValidationErrorBody,
  VoiceSuggestion,
  VoiceSuggestRequest,
} from "@strategist/schemas";
import { z } from "zod";
import { MODEL_CALL_ERRORS, modelCallContext } from "../http/generation";
import type { BrandFromWebsiteService } from "./from-website";
import type { BrandService } from "./service";

const errors = { 400: ValidationErrorBody, 401: ErrorBody } as const;
const owned = { ...errors, 403: ErrorBody, 404: ErrorBody } as const;
const tags = ["brands"];

/** Brand profiles: CRUD on the user's own brands and a voice suggestion from their sample posts. */
export const brandRoutes: FastifyPluginAsyncZod<{ service: BrandService; fromWebsite: BrandFromWebsiteService }> = async (app, { service, fromWebsite }) => {
  app.post(
    "/from-website",
    {
      // The site is read before the model call is admitted: the per-user read limit bounds the fetching too.
      preHandler: app.limitReads,
      schema: {
        operationId: "suggestBrandFromWebsite",
        tags,
        summary: "Suggest a brand profile from a business's website (the page and up to 4 same-site pages about the business); nothing is saved",
        body: BrandFromWebsiteRequest,
        response: { 200: BrandSuggestion, ...MODEL_CALL_ERRORS, 400: FetchRefusalBody, 422: FetchRefusalBody, 504: FetchRefusalBody },
      },
    },
    async (request, reply) => fromWebsite.suggest(request.userId, request.body.url, request.body.model, modelCallContext(request, reply)),
  );

  app.post(
    "/",
    {
      schema: {
        operationId: "createBrand",
        tags,
        summary: "Create a brand profile: the brief's defaults, a voice and sample posts",
        body: BrandCreate,
        response: { 201: Brand, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await service.create(request.userId, request.body, request.log)),
  );

  app.get(
    "/",
    {
      preHandler: app.limitReads,
      schema: {
        operationId: "listBrands",
        tags,
        summary: "The user's brands, newest first; X-Next-Cursor holds the cursor of the next page",
        querystring: ListQuery,
        response: { 200: BrandList, ...errors, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const page = await service.list(request.userId, request.query.limit, request.query.cursor);
      if (page.nextCursor) reply.header("x-next-cursor", page.nextCursor);
      return page.brands;
    },
  );

  app.get(
    "/:id",
    {
      preHandler: app.limitReads,
      schema: { operationId: "getBrand", tags, summary: "One brand of the user's", params: BrandIdParams, response: { 200: Brand, ...owned, 429: ErrorBody } },
    },
    async (request) => service.get(request.userId, request.params.id, request.log),
  );

  app.patch(
    "/:id",
    {
      schema: {
        operationId: "updateBrand",
        tags,
        summary: "Change a brand: fields given replace the brand's, voice lists one by one, null clears goals or the time zone",
        params: BrandIdParams,
        body: BrandPatch,
        response: { 200: Brand, ...owned, 409: ErrorBody },
      },
    },
    async (request) => service.update(request.userId, request.params.id, request.body, request.log),
  );

  app.delete(
    "/:id",
    {
      schema: {
        operationId: "deleteBrand",
        tags,
        summary: "Delete a brand profile; strategies written for it are kept unchanged",
        params: BrandIdParams,
        response: { 204: z.null().describe("Deleted"), ...owned },
      },
    },
    async (request, reply) => {
      await service.delete(request.userId, request.params.id, request.log);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/voice/suggest",
    {
      preHandler: app.limitReads,
      schema: {
        operationId: "suggestVoiceFromPosts",
        tags,
        summary: "Suggest a voice from sample posts given in the body (a heuristic), e.g. for a brand not saved yet; nothing is stored",
        body: VoiceSuggestRequest,
        response: { 200: VoiceSuggestion, ...errors, 429: ErrorBody },
      },
    },
    async (request) => service.suggestVoiceFrom(request.body.sample_posts, request.body.banned_words, request.log),
  );

  app.post(
    "/:id/voice/suggest",
    {
      preHandler: app.limitReads,
      schema: {
        operationId: "suggestBrandVoice",
        tags,
        summary: "Suggest a voice from the brand's sample posts (a heuristic); nothing changes until you PATCH it",
        params: BrandIdParams,
        response: { 200: VoiceSuggestion, ...owned, 429: ErrorBody },
      },
    },
    async (request) => service.suggestVoice(request.userId, request.params.id, request.log),
  );
};
