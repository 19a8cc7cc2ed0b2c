import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ErrorBody } from "@strategist/schemas";
import { z } from "zod";
import { AGENT_VERSION } from "../core/version";

const Health = z.object({ status: z.literal("healthy"), service: z.string(), version: z.string(), model_provider: z.string() });

/** Liveness for load balancers and compose healthchecks; says which model provider answers. */
export const healthRoutes: FastifyPluginAsyncZod<{ modelProvider: string }> = async (app, { modelProvider }) => {
  const schema = {
    operationId: "health",
    tags: ["health"],
    summary: "Liveness and the model provider",
    security: [],
    response: { 200: Health, 503: ErrorBody },
  };
  app.get("/health", { schema }, async () => ({
    status: "healthy" as const,
    service: "strategist-agent",
    version: AGENT_VERSION,
    model_provider: modelProvider,
  }));
};
