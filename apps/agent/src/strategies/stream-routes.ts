import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { GenerateRequest, StrategyRecord } from "@strategist/schemas";
import { IdempotencyHeaders, STREAM_REFUSALS, liveEventStream, modelCallContext } from "../http/generation";
import { streamAdmitted } from "../http/sse";
import type { StrategyService } from "./service";

interface StreamRouteOptions {
  service: StrategyService;
  /** How often an idle stream gets a comment line, so proxies keep it open. */
  heartbeatMs: number;
}

/**
 * Live generation as Server-Sent Events: `started`, `section` as each part of the strategy is written, `reset`
 * when the model's attempt is discarded, then `completed` with the stored record or `error` with its
 * status and body. Auth, validation, the Idempotency-Key and the rate limit answer before the stream opens.
 */
export const streamRoutes: FastifyPluginAsyncZod<StreamRouteOptions> = async (app, { service, heartbeatMs }) => {
  app.post(
    "/generate/stream",
    {
      schema: {
        operationId: "generateStrategyStream",
        tags: ["strategies"],
        summary: "Generate a strategy and watch it being written (text/event-stream)",
        body: GenerateRequest,
        headers: IdempotencyHeaders,
        response: { 200: liveEventStream(StrategyRecord), ...STREAM_REFUSALS },
      },
    },
    async (request, reply) => {
      const context = modelCallContext(request, reply);
      const admitted = await service.admitGenerate(request.userId, request.body, context);
      await streamAdmitted(request, reply, admitted, { heartbeatMs, signal: context.signal, completed: (record) => app.withCost(record) });
    },
  );
};
