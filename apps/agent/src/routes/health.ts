import type { FastifyPluginAsync } from "fastify";

/** Liveness for load balancers and compose healthchecks; says which model provider answers. */
export const healthRoutes: FastifyPluginAsync<{ modelProvider: string }> = async (app, { modelProvider }) => {
  app.get("/health", { schema: { hide: true } }, async () => ({
    status: "healthy",
    service: "strategist-agent",
    version: "1.0.0",
    model_provider: modelProvider,
  }));
};
