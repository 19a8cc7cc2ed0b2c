import type { FastifyPluginAsync } from "fastify";
import { AGENT_VERSION } from "../version";

/** Liveness for load balancers and compose healthchecks; says which model provider answers. */
export const healthRoutes: FastifyPluginAsync<{ modelProvider: string }> = async (app, { modelProvider }) => {
  app.get("/health", { schema: { hide: true } }, async () => ({
    status: "healthy",
    service: "strategist-agent",
    version: AGENT_VERSION,
    model_provider: modelProvider,
  }));
};
