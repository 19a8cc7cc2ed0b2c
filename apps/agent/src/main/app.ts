import { randomUUID } from "node:crypto";
import Fastify, { LogController, type FastifyInstance } from "fastify";
import cors from "@fastify/cors";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { LoggerOptions } from "pino";
import type { ModelCatalog } from "../models/catalog";
import { AppError } from "../core/errors";
import { PriceTable } from "../models/pricing";
import { swaggerOptions } from "../http/openapi/document";
import { authPlugin, type SessionCheck } from "../http/plugins/auth";
import { costPlugin } from "../http/plugins/cost";
import { errorsPlugin } from "../http/plugins/errors";
import { readLimitPlugin } from "../http/plugins/read-limit";
import { healthRoutes } from "../http/health";
import { modelRoutes } from "../http/models";
import { strategyRoutes } from "../strategies/routes";
import { streamRoutes } from "../strategies/stream-routes";
import type { ReadLimiter } from "../http/read-limits";
import type { StrategyService } from "../strategies/service";
import { planRoutes } from "../plans/routes";
import type { PlanService } from "../plans/service";
import type { RepurposeService } from "../plans/repurpose";
import type { BrandFromWebsiteService } from "../brands/from-website";
import type { ImageModelCatalog } from "../models/image-models";
import { imageRoutes } from "../images/routes";
import type { ImageService } from "../images/service";
import { brandRoutes } from "../brands/routes";
import type { BrandService } from "../brands/service";
import { conversationRoutes } from "../conversations/routes";
import type { ConversationService } from "../conversations/service";
import { EventLoopTurns } from "../generation/turns";

interface AppDeps {
  service: StrategyService;
  brands: BrandService;
  plans: PlanService;
  /** Articles into plan posts. */
  repurpose: RepurposeService;
  /** Brand suggestions from a website. */
  brandFromWebsite: BrandFromWebsiteService;
  conversations: ConversationService;
  /** The per-user read limit behind `app.limitReads`. */
  readLimiter: ReadLimiter;
  catalog: ModelCatalog;
  images: ImageService;
  imageModels: ImageModelCatalog;
  jwtSecret: string;
  /** Web log-in sessions, so a logged-out token stops working here too. */
  sessions: SessionCheck;
  modelProvider: string;
  /** CORS origins (FRONTEND_URL, comma-separated). */
  frontendUrl: string;
  /** The agent's own URL for the document's `servers` (default http://localhost:8000). */
  agentUrl?: string;
  /** The time exports are stamped with (tests fix it). */
  clock?: () => Date;
  /** Heartbeat interval of live-generation streams (default 15 s). */
  sseHeartbeatMs?: number;
  logger?: LoggerOptions | boolean;
  /** Prices for `usage.estimated_cost_usd` on responses; the default table when absent. */
  prices?: PriceTable;
  /** The event-loop turns that POST requests (and the pipeline's model calls) take one at a time; fresh when absent. */
  turns?: EventLoopTurns;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

declare module "fastify" {
  interface FastifyInstance {
    /** Resolves once every request has been answered, then closes the idle connections left; call after close() begins. */
    drain(): Promise<void>;
  }
}

/** Stops the app gracefully: no new requests, in-flight ones finish, then every connection closes. */
export async function closeGracefully(app: FastifyInstance): Promise<void> {
  const closed = app.close();
  await app.drain();
  await closed;
}

/** Builds the agent service from its dependencies; the entry point wires real ones, tests wire local ones. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: 64 * 1024,
    requestIdHeader: false,
    logController: new LogController({ requestIdLogLabel: "request_id" }),
    genReqId: (request) => {
      const given = request.headers["x-request-id"];
      return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    },
    onProtoPoisoning: "error",
    onConstructorPoisoning: "error",
    routerOptions: { maxParamLength: 200 },
    return503OnClosing: false,
    keepAliveTimeout: 72_000,
  }).withTypeProvider<ZodTypeProvider>();

  // The API speaks JSON only; any other body type is 415, not a string for the validator to puzzle over.
  app.removeContentTypeParser("text/plain");
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Shutdown: requests already running finish and close their connection; requests arriving on a kept-alive
  // connection get a 503 with Retry-After. Connections are counted so drain() knows when all is done.
  let closing = false;
  let active = 0;
  app.addHook("preClose", async () => {
    closing = true;
  });
  // Hooks that do no I/O are written with `done` rather than async: no promise and no extra microtask per request.
  app.addHook("onRequest", (request, reply, done) => {
    reply.header("x-request-id", request.id);
    active++;
    reply.raw.once("close", () => active--);
    done(closing ? new AppError("unavailable", { retryAfterSeconds: 5, message: "shutting down" }) : undefined);
  });
  app.addHook("onSend", (_request, reply, payload, done) => {
    if (closing) reply.header("connection", "close");
    done(null, payload);
  });
  app.decorate("drain", async () => {
    while (active > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    // Whatever is still open carries no request (e.g. a client's spare keep-alive socket): close it now
    // rather than wait for Node's header timeout.
    app.server.closeAllConnections();
  });

  await app.register(errorsPlugin);
  await app.register(costPlugin, { prices: deps.prices ?? new PriceTable() });
  await app.register(cors, {
    origin: deps.frontendUrl
      .split(",")
      .map((origin) => origin.trim())
      .filter(Boolean),
    credentials: true,
    exposedHeaders: ["x-next-cursor", "retry-after", "x-request-id"],
  });
  const webUrl = deps.frontendUrl.split(",")[0]?.trim() || "http://localhost:3000";
  await app.register(swagger, swaggerOptions({ agentUrl: deps.agentUrl ?? "http://localhost:8000", webUrl }));
  await app.register(swaggerUi, { routePrefix: "/docs" });
  await app.register(authPlugin, { secret: deps.jwtSecret, sessions: deps.sessions });
  await app.register(readLimitPlugin, { limiter: deps.readLimiter });

  await app.register(healthRoutes, { modelProvider: deps.modelProvider });
  await app.register(
    async (api) => {
      // Every POST (each model-calling route is one) starts in a turn of the event loop of its own, before the token
      // and body are checked: a burst of hundreds is spread over as many turns (generation/turns.ts).
      const turns = deps.turns ?? new EventLoopTurns();
      api.addHook("onRequest", (request, _reply, done) => {
        if (request.method !== "POST") return done();
        turns.next().then(() => done(), done);
      });
      api.addHook("onRequest", api.authenticate);
      await api.register(modelRoutes, { catalog: deps.catalog, imageModels: deps.imageModels });
      await api.register(strategyRoutes, { prefix: "/strategy", service: deps.service });
      await api.register(streamRoutes, { prefix: "/strategy", service: deps.service, heartbeatMs: deps.sseHeartbeatMs ?? 15_000 });
      await api.register(conversationRoutes, { prefix: "/strategy", service: deps.conversations, heartbeatMs: deps.sseHeartbeatMs ?? 15_000 });
      await api.register(imageRoutes, { service: deps.images });
      await api.register(brandRoutes, { prefix: "/brands", service: deps.brands, fromWebsite: deps.brandFromWebsite });
      await api.register(planRoutes, {
        prefix: "/strategy",
        service: deps.plans,
        repurpose: deps.repurpose,
        heartbeatMs: deps.sseHeartbeatMs ?? 15_000,
        clock: deps.clock,
      });
    },
    { prefix: "/api" },
  );

  return app;
}
