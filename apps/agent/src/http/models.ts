import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ErrorBody, ModelInfo } from "@strategist/schemas";
import { z } from "zod";
import type { ModelCatalog } from "../models/catalog";
import type { ImageModelCatalog } from "../models/image-models";

/** The models a user may choose: text models for strategies, image models (kind image) for visual prompts. */
export const modelRoutes: FastifyPluginAsyncZod<{ catalog: ModelCatalog; imageModels: ImageModelCatalog }> = async (app, { catalog, imageModels }) => {
  app.get(
    "/models",
    {
      schema: { operationId: "listModels", tags: ["models"], summary: "Models enabled for generation", response: { 200: z.array(ModelInfo), 401: ErrorBody } },
    },
    async () => [...catalog.list(), ...imageModels.list()],
  );
};
