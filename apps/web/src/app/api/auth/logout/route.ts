import { NextResponse } from "next/server";
import { cookies } from "next/headers";
import { webConfig } from "@/server/config";
import { isCrossSiteRequest } from "@/server/origin";
import { CROSS_SITE_DETAIL, detail } from "@/server/responses";
import { clearSessionCookie } from "@/server/auth-requests";
import { bearerToken, readSession, SESSION_COOKIE } from "@/server/session";
import { sessionStore } from "@/server/users";
import { measured } from "@/server/metrics";

/** Ends the session on the server (the cookie's, or a Bearer token's for curl) and clears the cookie. */
async function post(request: Request): Promise<Response> {
  if (isCrossSiteRequest(request.headers)) return detail(403, CROSS_SITE_DETAIL);
  const config = webConfig();
  const token = bearerToken(request.headers) ?? (await cookies()).get(SESSION_COOKIE)?.value;
  const session = await readSession(token, config.JWT_SECRET);
  // Deleting the item ends the token on every web and agent task at once, whoever holds a copy.
  if (session) await (await sessionStore()).revoke(session.sessionId);
  return clearSessionCookie(request, new NextResponse(null, { status: 204 }));
}

export const POST = measured("/api/auth/logout", post);
