import fastifyJwt from "@fastify/jwt";
import fp from "fastify-plugin";
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from "fastify";
import type { Logger } from "pino";
import { AppError } from "../../core/errors";

declare module "fastify" {
  interface FastifyRequest {
    /** The authenticated user: the token's `userId` claim. */
    userId: string;
  }
}

/** Allowed skew for `iat`/`nbf` from a client clock slightly ahead of ours (@fastify/jwt counts in ms). */
const CLOCK_TOLERANCE_MS = 30_000;
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/i;
const MAX_USER_ID_LENGTH = 200;

/** Whether a web log-in session is still open (the sessions table; see docs/security.md). */
export interface SessionCheck {
  isActive(sessionId: string, userId: string): Promise<boolean>;
}

/**
 * JWT authentication for every /api route: HS256 only, `exp` and a non-empty string `userId` required.
 * A token the web app issued carries its session id (`sid`), and is refused once that session is logged
 * out; a token minted without one (`pnpm mint-token`, service tokens) lives until its `exp`.
 * Failures end the request with the API's 401 bodies before any handler or model is reached.
 */
export const authPlugin = fp<{ secret: string; sessions: SessionCheck }>(
  async (app, { secret, sessions }) => {
    await app.register(fastifyJwt, {
      secret,
      sign: { algorithm: "HS256" },
      // Verified tokens are cached (by a hash of the token, never past its `exp`): a client's every request after the
      // first skips decoding and checking it again. Revocation is checked per request below, cache or not.
      verify: { algorithms: ["HS256"], requiredClaims: ["exp", "userId"], clockTolerance: CLOCK_TOLERANCE_MS, cache: 10_000 },
    });
    app.decorateRequest("userId", "");

    app.decorate("authenticate", async (request: FastifyRequest) => {
      const match = BEARER.exec(request.headers.authorization ?? "");
      if (!match) throw new AppError("invalid_token");
      let claims: Record<string, unknown>;
      try {
        claims = app.jwt.verify<Record<string, unknown>>(match[1]!);
      } catch (error) {
        const code = (error as { code?: string }).code;
        throw new AppError(code === "FAST_JWT_EXPIRED" ? "token_expired" : "invalid_token", { cause: error });
      }
      const { userId, iat, sid } = claims;
      if (typeof userId !== "string" || userId.trim() === "" || userId.length > MAX_USER_ID_LENGTH) {
        throw new AppError("invalid_token", { message: "token has no usable userId claim" });
      }
      if (typeof iat === "number" && iat * 1000 > Date.now() + CLOCK_TOLERANCE_MS) {
        throw new AppError("invalid_token", { message: "token issued in the future" });
      }
      if (sid !== undefined && (typeof sid !== "string" || sid === "" || !(await sessions.isActive(sid, userId)))) {
        throw new AppError("invalid_token", { message: "session ended" });
      }
      request.userId = userId;
      // The request's logger is already a child of its own (Fastify binds request_id): the user id is bound onto it
      // rather than on a second child per request. A disabled logger has no bindings to set.
      const log = request.log as FastifyBaseLogger & Partial<Pick<Logger, "setBindings">>;
      if (typeof log.setBindings === "function") log.setBindings({ user_id: userId });
    });
  },
  { name: "auth" },
);

declare module "fastify" {
  interface FastifyInstance {
    /** onRequest hook that authenticates the request or ends it with 401. */
    authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
}
