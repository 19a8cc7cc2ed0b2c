import fp from "fastify-plugin";
import type { FastifyError } from "fastify";
import { isRouteTemplate, type LimitName, type Metrics } from "@strategist/telemetry";
import { AppError } from "../../core/errors";

/**
 * Request duration by route template, method and status class, and limit rejections by limit. Every route's
 * template is registered as the route is added, so a label value is always a template (or `unmatched`), never a path.
 */
export const metricsPlugin = fp<{ metrics: Pick<Metrics, "registerRoute" | "observeRequest" | "countLimitRejection"> }>(
  async (app, { metrics }) => {
    // CORS's catch-all OPTIONS route ("*") is no template: its requests are recorded as `unmatched`.
    app.addHook("onRoute", (route) => {
      if (isRouteTemplate(route.url)) metrics.registerRoute(route.url);
    });
    // Synchronous hooks: no promise and no extra microtask per request.
    app.addHook("onResponse", (request, reply, done) => {
      metrics.observeRequest(request.routeOptions.url ?? "", request.method, reply.statusCode, reply.elapsedTime / 1000);
      done();
    });
    app.addHook("onError", (_request, _reply, error: FastifyError, done) => {
      if (error instanceof AppError && error.limit) metrics.countLimitRejection(error.limit as LimitName);
      done();
    });
  },
  { name: "metrics" },
);
