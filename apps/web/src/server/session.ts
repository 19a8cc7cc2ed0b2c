import "server-only";
import { SignJWT, jwtVerify, errors } from "jose";

/** The cookie that carries the session JWT; the agent reads the same token as a Bearer header. */
export const SESSION_COOKIE = "strategist_session";
/** A week: long enough that a marketer is not logged out mid-campaign, short enough to bound a stolen token. */
export const SESSION_SECONDS = 7 * 24 * 60 * 60;

export interface Session {
  userId: string;
  email: string;
  /** The `sid` claim: the sessions-table item that logging out deletes, which ends the token everywhere. */
  sessionId: string;
}

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** Signs a session token the agent accepts: HS256 with `userId`, `sid`, `iat` and `exp`. */
export async function signSession(session: Session, secret: string, now = new Date()): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ userId: session.userId, email: session.email, sid: session.sessionId })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + SESSION_SECONDS)
    .sign(key(secret));
}

/**
 * Reads a session token's claims; anything but a valid, unexpired HS256 token with a `userId` and a `sid`
 * is no session. Whether the session is still open is the sessions table's answer, not the token's.
 */
export async function readSession(token: string | undefined, secret: string, now = new Date()): Promise<Session | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      algorithms: ["HS256"],
      requiredClaims: ["exp", "userId", "sid"],
      currentDate: now,
      clockTolerance: 5,
    });
    if (typeof payload.userId !== "string" || payload.userId.length === 0) return null;
    if (typeof payload.sid !== "string" || payload.sid.length === 0) return null;
    return { userId: payload.userId, email: typeof payload.email === "string" ? payload.email : "", sessionId: payload.sid };
  } catch (error) {
    if (error instanceof errors.JOSEError) return null;
    throw error;
  }
}

/**
 * Whether the session cookie gets `Secure`: always in production, except for plain http on a loopback
 * host, which is `pnpm start` on a laptop (`next start` always runs as production) and where browsers
 * such as Safari would otherwise drop the cookie and nobody could log in.
 */
export function secureCookie(production: boolean, requestUrl: string, forwardedProto: string | null): boolean {
  if (!production) return false;
  const url = new URL(requestUrl);
  const protocol = (forwardedProto?.split(",")[0]?.trim() ?? url.protocol.replace(":", "")).toLowerCase();
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  return protocol === "https" || !loopback;
}

/** Cookie attributes for the session: httpOnly so scripts cannot read it, Lax so other sites cannot post with it. */
export function sessionCookieOptions(secure: boolean, maxAge = SESSION_SECONDS) {
  return { httpOnly: true, sameSite: "lax" as const, secure, path: "/", maxAge };
}

/** The token of an `Authorization: Bearer …` header, if the request carries one. */
export function bearerToken(headers: Headers): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(headers.get("authorization") ?? "")?.[1];
}
