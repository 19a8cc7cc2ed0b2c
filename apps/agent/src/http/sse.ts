import type { ErrorEvent, LiveEventName, ResetEvent, SectionEvent, StartedEvent } from "@strategist/schemas";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Admitted, Progress } from "../generation/pipeline";

interface EventStreamOptions<R> {
  /** How often an idle stream gets a comment line, so proxies keep it open. */
  heartbeatMs: number;
  /** The `completed` event's data for a result. */
  completed: (result: R) => unknown;
  /** Aborts when the client went away; logged when the stream closes. */
  signal: AbortSignal;
}

/**
 * The one Server-Sent Events writer of every live route: opens the stream, turns the pipeline's progress into
 * the events of packages/schemas/src/events.ts (`started`, `section`, `reset`, then `completed` or `error`),
 * keeps idle streams alive with heartbeats, and always ends the response. Call it after `pipeline.admit`, so
 * refusals were plain HTTP answers.
 */
export async function streamAdmitted<R>(request: FastifyRequest, reply: FastifyReply, admitted: Admitted<R>, options: EventStreamOptions<R>): Promise<void> {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    ...(reply.getHeaders() as Record<string, string>),
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    "x-accel-buffering": "no",
  });
  function send(event: "started", data: StartedEvent): void;
  function send(event: "section", data: SectionEvent): void;
  function send(event: "reset", data: ResetEvent): void;
  function send(event: "error", data: ErrorEvent): void;
  function send(event: "completed", data: unknown): void;
  function send(event: LiveEventName, data: unknown): void {
    if (!raw.writableEnded) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }
  const onProgress = (progress: Progress<R>) => {
    switch (progress.type) {
      case "started":
        return send("started", { request_id: request.id, model: progress.model });
      case "section":
        return send("section", { section: progress.section, value: progress.value, complete: progress.complete });
      case "reset":
        return send("reset", { model: progress.model, reason: progress.reason });
      case "completed":
        // The stream bypasses serialization, so the cost the JSON routes add on the way out is added here.
        return send("completed", request.server.withCost(options.completed(progress.result)));
      case "error": {
        const { error } = progress;
        if (error.code === "internal") request.log.error({ err: error.cause ?? error }, "live request failed");
        return send("error", {
          status: error.status,
          body: error.body(),
          ...(error.retryAfterSeconds !== undefined ? { retry_after: error.retryAfterSeconds } : {}),
        });
      }
    }
  };
  const heartbeat = setInterval(() => raw.write(": heartbeat\n\n"), options.heartbeatMs);
  const started = performance.now();
  try {
    await admitted.execute(onProgress);
  } catch {
    // Already sent as the `error` event.
  } finally {
    clearInterval(heartbeat);
    raw.end();
    request.log.info({ response_time_ms: Math.round(performance.now() - started), client_gone: options.signal.aborted }, "stream closed");
  }
}
