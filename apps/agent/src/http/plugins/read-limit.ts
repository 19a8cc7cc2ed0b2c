import fp from "fastify-plugin";
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from "fastify";
import type { ReadLimiter } from "../read-limits";

declare module "fastify" {
  interface FastifyInstance {
    /**
     * preHandler for every read route (after authentication): counts the read against the user's per-minute read
     * limit (READ_RATE_LIMIT_PER_MINUTE, across processes) and answers 429 + Retry-After past it.
     * Use it as `{ preHandler: app.limitReads }` in a route's options.
     */
    limitReads(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void;
  }
}

export const readLimitPlugin = fp<{ limiter: ReadLimiter }>(
  async (app, { limiter }) => {
    app.decorate("limitReads", (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
      let waiting;
      try {
        waiting = limiter.take(request.userId);
      } catch (error) {
        done(error as Error);
        return;
      }
      if (waiting) waiting.then(() => done(), done);
      else done();
    });
    app.addHook("onClose", async () => {
      limiter.stop();
      await limiter.flushAll();
    });
  },
  { name: "read-limit" },
);
