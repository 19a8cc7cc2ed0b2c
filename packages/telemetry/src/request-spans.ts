import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span } from "@opentelemetry/api";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { HEALTH_PATH } from "./tracing";

const SPAN = Symbol("strategist.requestSpan");
type Traced = FastifyRequest & { [SPAN]?: Span };

/**
 * The server span of each request, named by its route template (`GET /api/strategy/:id`), a child of the caller's
 * W3C traceparent when there is one. The sampler decides first (parent-based, 5 % of new traces by default), and
 * only a sampled request runs inside the span's context. An unsampled read (GET, HEAD) runs in no trace context at
 * all, so it pays one sampling decision; other methods run in the unsampled context, so the model calls and jobs
 * they start stay out of the trace too. Call it on the root instance before routes are added.
 */
export function traceRequests(app: FastifyInstance): void {
  const tracer = trace.getTracer("strategist-fastify");
  // One hook for every request; only a sampled one also listens for its end (no onResponse hook for the others).
  app.addHook("onRequest", (request, reply, done) => {
    if (HEALTH_PATH.test(request.url)) return done();
    const parent = request.headers.traceparent === undefined ? ROOT_CONTEXT : propagation.extract(ROOT_CONTEXT, request.headers);
    const route = request.routeOptions.url;
    const span = tracer.startSpan(`${request.method} ${route ?? "unmatched"}`, { kind: SpanKind.SERVER }, parent);
    if (!span.isRecording()) {
      if (request.method === "GET" || request.method === "HEAD") return done();
      return context.with(trace.setSpan(parent, span), done);
    }
    span.setAttributes({ "http.request.method": request.method, "url.path": request.url.split("?", 1)[0]!, ...(route ? { "http.route": route } : {}) });
    (request as Traced)[SPAN] = span;
    reply.raw.once("close", () => {
      // "close" also comes for a request whose client went away before the answer.
      if (!reply.raw.writableFinished) span.setStatus({ code: SpanStatusCode.ERROR, message: "client closed the request" });
      span.setAttribute("http.response.status_code", reply.statusCode);
      if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), done);
  });
  app.addHook("onError", (request, _reply, error, done) => {
    (request as Traced)[SPAN]?.setStatus({ code: SpanStatusCode.ERROR, message: error.name });
    done();
  });
}

/** The active span's ids for a log line (pino's `mixin`); none outside a trace context (e.g. an unsampled read). */
export function traceFields(): Record<string, string> {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId, traceFlags } = span.spanContext();
  return { trace_id: traceId, span_id: spanId, trace_flags: `0${traceFlags.toString(16)}` };
}
