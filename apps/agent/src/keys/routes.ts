import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ApiKeyCreate, ApiKeyCreated, ApiKeyIdParams, ApiKeyList, ErrorBody, ValidationErrorBody } from "@strategist/schemas";
import { z } from "zod";
import type { KeyService } from "./service";

const errors = { 400: ValidationErrorBody, 401: ErrorBody, 403: ErrorBody } as const;
const tags = ["keys"];

/**
 * API keys: create, list and revoke. Session-only: registered behind `requireSession`, so a request made with an API
 * key gets 403 here (a key cannot mint or see keys). Routes speak HTTP only; the service does the work.
 */
export const keyRoutes: FastifyPluginAsyncZod<{ service: KeyService }> = async (app, { service }) => {
  app.post(
    "/",
    {
      schema: {
        operationId: "createApiKey",
        tags,
        summary: "Create an API key; the secret (`key`) is in this answer only",
        body: ApiKeyCreate,
        response: { 201: ApiKeyCreated, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await service.create(request.userId, request.body, request.log)),
  );

  app.get(
    "/",
    {
      schema: {
        operationId: "listApiKeys",
        tags,
        summary: "The user's API keys, newest first, without their secrets",
        response: { 200: ApiKeyList, ...errors },
      },
    },
    async (request) => service.list(request.userId),
  );

  app.delete(
    "/:id",
    {
      schema: {
        operationId: "revokeApiKey",
        tags,
        summary: "Revoke an API key: every instance refuses it within 5 seconds",
        params: ApiKeyIdParams,
        response: { 204: z.null().describe("Revoked"), ...errors, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      await service.revoke(request.userId, request.params.id, request.log);
      return reply.code(204).send(null);
    },
  );
};
