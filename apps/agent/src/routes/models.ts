import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ErrorBody, ModelInfo } from "@strategist/schemas";
import { z } from "zod";
import type { ModelCatalog } from "../agent/catalog";

/** The models a user may choose for generation. */
export const modelRoutes: FastifyPluginAsyncZod<{ catalog: ModelCatalog }> = async (app, { catalog }) => {
  app.get(
    "/models",
    { schema: { operationId: "listModels", tags: ["models"], summary: "Models enabled for generation", response: { 200: z.array(ModelInfo), 401: ErrorBody } } },
    async () => catalog.list(),
  );
};
