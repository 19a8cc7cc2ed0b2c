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
import { authPlugin, type KeyCheck, type SessionCheck } from "../http/plugins/auth";
import { costPlugin } from "../http/plugins/cost";
import { clientErrorHandler, errorsPlugin, frameworkErrors } from "../http/plugins/errors";
import { jsonBodyPlugin } from "../http/plugins/json-body";
import { readLimitPlugin } from "../http/plugins/read-limit";
import { metricsPlugin } from "../http/plugins/metrics";
import { appMakesSpans, traceRequests, type Metrics } from "@strategist/telemetry";
import { healthRoutes } from "../http/health";
import { modelRoutes } from "../http/models";
import { strategyRoutes } from "../strategies/routes";
import { streamRoutes } from "../strategies/stream-routes";
import type { ReadLimiter } from "../http/read-limits";
import type { StrategyService } from "../strategies/service";
import { planRoutes } from "../plans/routes";
import type { PlanService } from "../plans/service";
import type { ExportPool } from "../plans/export-pool";
import type { PlanFeedService } from "../plans/feed-service";
import { planFeedRoutes, publicFeedRoutes } from "../plans/feed-routes";
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
import { brandInsightRoutes, resultRoutes } from "../results/routes";
import type { ResultService } from "../results/service";
import { keyRoutes } from "../keys/routes";
import type { KeyService } from "../keys/service";
import { mcpRoutes } from "../mcp/routes";

interface AppDeps {
  service: StrategyService;
  brands: BrandService;
  plans: PlanService;
  /** The plan's calendar feed and the links of its exports. */
  feeds: PlanFeedService;
  /** Worker threads rendering exports; closed with the app. */
  exports: ExportPool;
  results: ResultService;
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
  /** API keys: their routes, and the check of `Bearer sk_strat_...` on every request. */
  keys: KeyService & KeyCheck;
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
  /** Request durations by route template and limit rejections go here; nothing is recorded when absent. */
  metrics?: Metrics;
  /** Proxies whose X-Forwarded-For entry is trusted for the client IP (per-IP limits of failed keys). */
  trustProxyHops?: number;
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

/**
 * Logs "incoming request" from the first onRequest hook instead of before the hooks run, so that with tracing on
 * the line carries the trace id of the server span the Fastify instrumentation has just opened.
 */
class RequestLogController extends LogController {
  override incomingRequest(): void {}
}

/** Builds the agent service from its dependencies; the entry point wires real ones, tests wire local ones. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: 64 * 1024,
    requestIdHeader: false,
    logController: new RequestLogController({ requestIdLogLabel: "request_id" }),
    genReqId: (request) => {
      const given = request.headers["x-request-id"];
      return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    },
    onProtoPoisoning: "error",
    onConstructorPoisoning: "error",
    routerOptions: { maxParamLength: 200 },
    // Router and HTTP parser errors answer in the product's `{ "detail" }` shape too, never quoting the URL.
    frameworkErrors,
    clientErrorHandler,
    return503OnClosing: false,
    keepAliveTimeout: 72_000,
    // The client IP is the entry the outermost trusted proxy appended to X-Forwarded-For; with none, the socket's.
    trustProxy: (_address: string, hop: number) => hop < (deps.trustProxyHops ?? 0),
  }).withTypeProvider<ZodTypeProvider>();

  // With tracing on: each request's server span, before any other hook, so that every log line carries its trace id.
  if (appMakesSpans()) traceRequests(app);
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
    request.log.info({ req: request }, "incoming request");
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

  // First, so that its onRoute hook sees every route the app adds.
  if (deps.metrics) await app.register(metricsPlugin, { metrics: deps.metrics });
  await app.register(errorsPlugin);
  await app.register(jsonBodyPlugin);
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
  await app.register(authPlugin, { secret: deps.jwtSecret, sessions: deps.sessions, keys: deps.keys });
  await app.register(readLimitPlugin, { limiter: deps.readLimiter });

  await app.register(healthRoutes, { modelProvider: deps.modelProvider });
  app.addHook("onClose", async () => deps.exports.close());
  // The calendar feed is fetched by calendar apps, which carry no token: the feed's own token in the path is the key.
  await app.register(publicFeedRoutes, { prefix: "/api/plan-feeds", feeds: deps.feeds });
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
      // The product's routes: an API key may GET with `read` and needs `write` for anything else.
      await api.register(async (scoped) => {
        scoped.addHook("onRequest", scoped.requireMethodScope);
        await scoped.register(modelRoutes, { catalog: deps.catalog, imageModels: deps.imageModels });
        await scoped.register(strategyRoutes, { prefix: "/strategy", service: deps.service });
        await scoped.register(streamRoutes, { prefix: "/strategy", service: deps.service, heartbeatMs: deps.sseHeartbeatMs ?? 15_000 });
        await scoped.register(conversationRoutes, { prefix: "/strategy", service: deps.conversations, heartbeatMs: deps.sseHeartbeatMs ?? 15_000 });
        await scoped.register(imageRoutes, { service: deps.images });
        await scoped.register(brandRoutes, { prefix: "/brands", service: deps.brands, fromWebsite: deps.brandFromWebsite });
        await scoped.register(planRoutes, {
          prefix: "/strategy",
          service: deps.plans,
          repurpose: deps.repurpose,
          feeds: deps.feeds,
          exports: deps.exports,
          heartbeatMs: deps.sseHeartbeatMs ?? 15_000,
          clock: deps.clock,
        });
        await scoped.register(planFeedRoutes, { prefix: "/strategy", feeds: deps.feeds });
        await scoped.register(resultRoutes, { prefix: "/strategy", service: deps.results });
        await scoped.register(brandInsightRoutes, { prefix: "/brands", service: deps.results });
      });
      // Key management: a web session only; a key cannot create, list or revoke keys.
      await api.register(async (sessionOnly) => {
        sessionOnly.addHook("onRequest", sessionOnly.requireSession);
        await sessionOnly.register(keyRoutes, { prefix: "/keys", service: deps.keys });
      });
    },
    { prefix: "/api" },
  );
  // MCP for assistants: the same services as the routes above, each tool checking the key's scope.
  await app.register(mcpRoutes, {
    webUrl,
    services: {
      strategies: deps.service,
      conversations: deps.conversations,
      plans: deps.plans,
      brands: deps.brands,
      readLimiter: deps.readLimiter,
      clock: deps.clock ?? (() => new Date()),
    },
  });

  return app;
}
