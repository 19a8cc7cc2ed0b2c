import fastifyJwt from "@fastify/jwt";
import fp from "fastify-plugin";
import type { FastifyBaseLogger, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from "fastify";
import type { Logger } from "pino";
import { API_KEY_PREFIX, type ApiKeyScope } from "@strategist/schemas";
import { AppError } from "../../core/errors";

/** How a request proved who it is: a JWT (a web session or a minted token), or an API key and its scopes. */
export type Credential = { kind: "session" } | { kind: "key"; keyId: string; scopes: readonly ApiKeyScope[] };

declare module "fastify" {
  interface FastifyRequest {
    /** The authenticated user: the token's `userId` claim, or the owner of the API key. */
    userId: string;
    /** What authenticated the request. */
    credential: Credential;
  }
}

/** Allowed skew for `iat`/`nbf` from a client clock slightly ahead of ours (@fastify/jwt counts in ms). */
const CLOCK_TOLERANCE_MS = 30_000;
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/i;
const KEY_BEARER = new RegExp(`^Bearer (${API_KEY_PREFIX}\\S{0,200})$`, "i");
const MAX_USER_ID_LENGTH = 200;
const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether a web log-in session is still open (the sessions table; see docs/security.md). */
export interface SessionCheck {
  isActive(sessionId: string, userId: string): Promise<boolean>;
}

/** Who an API key belongs to and what it may do. */
export interface KeyPrincipal {
  userId: string;
  keyId: string;
  scopes: readonly ApiKeyScope[];
}

/** Checks an API key (see keys/service.ts): its principal, or an AppError (401, or 429 for a client IP failing too often). */
export interface KeyCheck {
  authenticate(secret: string, ip: string): Promise<KeyPrincipal>;
}

/** Throws unless the request's credential may use `scope`: sessions may do anything, a key what its scopes name. */
export function requireScope(credential: Credential, scope: ApiKeyScope): void {
  if (credential.kind === "key" && !credential.scopes.includes(scope)) {
    throw new AppError(scope === "write" ? "write_scope_required" : "access_denied");
  }
}

/**
 * Authentication for every /api route and /mcp. `Authorization: Bearer sk_strat_...` is an API key (keys/service.ts);
 * any other Bearer token is a JWT: HS256 only, `exp` and a non-empty string `userId` required.
 * A token the web app issued carries its session id (`sid`), and is refused once that session is logged
 * out; a token minted without one (`pnpm mint-token`, service tokens) lives until its `exp`.
 * Failures end the request with the API's 401 bodies before any handler or model is reached.
 */
export const authPlugin = fp<{ secret: string; sessions: SessionCheck; keys: KeyCheck }>(
  async (app, { secret, sessions, keys }) => {
    await app.register(fastifyJwt, {
      secret,
      sign: { algorithm: "HS256" },
      // Verified tokens are cached (by a hash of the token, never past its `exp`): a client's every request after the
      // first skips decoding and checking it again. Revocation is checked per request below, cache or not.
      verify: { algorithms: ["HS256"], requiredClaims: ["exp", "userId"], clockTolerance: CLOCK_TOLERANCE_MS, cache: 10_000 },
    });
    app.decorateRequest("userId", "");
    app.decorateRequest("credential", null as never);

    app.decorate("authenticate", async (request: FastifyRequest, reply: FastifyReply) => {
      const key = KEY_BEARER.exec(request.headers.authorization ?? "");
      if (key) {
        const principal = await keys.authenticate(key[1]!, request.ip);
        request.userId = principal.userId;
        request.credential = { kind: "key", keyId: principal.keyId, scopes: principal.scopes };
        request.log = request.log.child({ user_id: principal.userId, key_id: principal.keyId });
        reply.log = request.log;
        return;
      }
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
      request.credential = { kind: "session" };
      // The request's logger is already a child of its own (Fastify binds request_id): the user id is bound onto it
      // rather than on a second child per request. A disabled logger has no bindings to set.
      const log = request.log as FastifyBaseLogger & Partial<Pick<Logger, "setBindings">>;
      if (typeof log.setBindings === "function") log.setBindings({ user_id: userId });
    });

    app.decorate("requireMethodScope", (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
      try {
        requireScope(request.credential, READ_METHODS.has(request.method) ? "read" : "write");
        done();
      } catch (error) {
        done(error as Error);
      }
    });

    app.decorate("requireSession", (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
      done(request.credential.kind === "session" ? undefined : new AppError("session_required"));
    });
  },
  { name: "auth" },
);

declare module "fastify" {
  interface FastifyInstance {
    /** onRequest hook that authenticates the request or ends it with 401. */
    authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    /** onRequest hook after `authenticate`: an API key may GET with `read`; anything else needs `write` (403 naming it). */
    requireMethodScope(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void;
    /** onRequest hook after `authenticate`: only a JWT (a web session) passes; an API key gets 403. */
    requireSession(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void;
  }
}
