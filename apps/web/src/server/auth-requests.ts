import "server-only";
import { fieldErrors } from "@strategist/schemas";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { webConfig } from "./config";
import { changesState, isCrossSiteRequest } from "./origin";
import { CROSS_SITE_DETAIL, detail, validationError } from "./responses";
import { secureCookie, sessionCookieOptions, SESSION_COOKIE, SESSION_SECONDS, signSession } from "./session";
import { sessionStore } from "./users";

/** Account bodies are two short strings; anything bigger is not a sign-up. */
const MAX_BODY_BYTES = 8 * 1024;

/** Reads and validates a JSON auth body, or says why not in the API's error shape. */
export async function readAuthBody<T>(request: Request, schema: z.ZodType<T>): Promise<{ value: T } | { error: Response }> {
  if (changesState(request.method) && isCrossSiteRequest(request.headers)) return { error: detail(403, CROSS_SITE_DETAIL) };
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return { error: detail(413, "Request body too large") };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { error: validationError([{ field: "body", message: "Must be a JSON object" }]) };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) return { error: validationError(fieldErrors(parsed.error.issues)) };
  return { value: parsed.data };
}

/**
 * Answers a successful sign-up or log-in: opens a session in the sessions table, then hands its token
 * out in JSON (for curl) and in the session cookie (for browsers).
 */
export async function signedInResponse(request: Request, user: { userId: string; email: string }, status: number): Promise<NextResponse> {
  const config = webConfig();
  const now = new Date();
  const session = await (await sessionStore()).create(user.userId, new Date(now.getTime() + SESSION_SECONDS * 1000));
  const token = await signSession({ userId: user.userId, email: user.email, sessionId: session.sessionId }, config.JWT_SECRET, now);
  const response = NextResponse.json({ user: { id: user.userId, email: user.email }, token }, { status, headers: { "cache-control": "no-store" } });
  const secure = secureCookie(config.NODE_ENV === "production", request.url, request.headers.get("x-forwarded-proto"));
  response.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(secure));
  return response;
}

/** Makes the browser forget the session cookie (log-out, and a password reset, which ends every session). */
export function clearSessionCookie(request: Request, response: NextResponse): NextResponse {
  const secure = secureCookie(webConfig().NODE_ENV === "production", request.url, request.headers.get("x-forwarded-proto"));
  response.cookies.set(SESSION_COOKIE, "", sessionCookieOptions(secure, 0));
  return response;
}
