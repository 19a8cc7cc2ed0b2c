import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ErrorBody, GENERATION_EVENTS, GenerateRequest, ValidationErrorBody } from "@strategist/schemas";
import type { AgentStreamEvent } from "@strands-agents/sdk";
import { AppError } from "../errors";
import { eventStreamResponse } from "../openapi/document";
import type { ModelCatalog } from "../agent/catalog";
import { LiveSections } from "../strategies/live-sections";
import type { StrategyService } from "../strategies/service";
import { clientGoneSignal } from "./request-signal";

export interface StreamRouteOptions {
  service: StrategyService;
  catalog: ModelCatalog;
  /** How often an idle stream gets a comment line, so proxies keep it open. */
  heartbeatMs: number;
}

/**
 * Live generation as Server-Sent Events: `started`, `section` as each part of the strategy is written, `reset`
 * when the model's attempt is discarded, then `completed` with the stored record or `error` with the seed's
 * status and body. Auth, validation and the rate limit answer before the stream opens, as on /generate.
 */
export const streamRoutes: FastifyPluginAsyncZod<StreamRouteOptions> = async (app, { service, catalog, heartbeatMs }) => {
  app.post(
    "/generate/stream",
    {
      schema: {
        operationId: "generateStrategyStream",
        tags: ["strategies"],
        summary: "Generate a strategy and watch it being written (text/event-stream)",
        body: GenerateRequest,
        response: { 200: eventStreamResponse("The live generation", GENERATION_EVENTS), 400: ValidationErrorBody, 401: ErrorBody, 429: ErrorBody, 503: ErrorBody },
      },
    },
    async (request, reply) => {
      // Admission answers before the stream opens, so a limited client gets a plain 429/503 like on /generate.
      const release = service.admit(request.userId);
      const signal = clientGoneSignal(reply);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        ...(reply.getHeaders() as Record<string, string>),
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        "x-accel-buffering": "no",
      });
      const send = (event: string, data: unknown) => {
        if (!raw.writableEnded) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      const heartbeat = setInterval(() => raw.write(": heartbeat\n\n"), heartbeatMs);
      const live = new LiveSections();
      const onEvent = (event: AgentStreamEvent, model: string) => {
        if (event.type === "beforeModelCallEvent") {
          if (live.shown) send("reset", { model, reason: "The model's attempt was discarded; it is writing again." });
          live.reset();
        } else if (event.type === "modelStreamUpdateEvent" && event.event.type === "modelContentBlockDeltaEvent" && event.event.delta.type === "toolUseInputDelta") {
          for (const update of live.push(event.event.delta.input)) send("section", update);
        }
      };

      send("started", { request_id: request.id, model: request.body.model ?? catalog.defaultId });
      const started = performance.now();
      try {
        const record = await service.run(request.userId, request.body, { signal, log: request.log, onEvent });
        send("completed", record);
      } catch (error) {
        const failure = error instanceof AppError ? error : new AppError("internal", { cause: error });
        if (!(error instanceof AppError)) request.log.error({ err: error }, "live generation failed");
        send("error", {
          status: failure.status,
          body: failure.body(),
          ...(failure.retryAfterSeconds !== undefined ? { retry_after: failure.retryAfterSeconds } : {}),
        });
      } finally {
        release();
        clearInterval(heartbeat);
        raw.end();
        request.log.info({ response_time_ms: Math.round(performance.now() - started), client_gone: signal.aborted }, "stream closed");
      }
    },
  );
};
