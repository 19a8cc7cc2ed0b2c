import { NextResponse } from "next/server";
import { webConfig } from "@/lib/config";
import { isCrossSiteRequest } from "@/lib/origin";
import { CROSS_SITE_DETAIL, detail } from "@/lib/responses";
import { secureCookie, sessionCookieOptions, SESSION_COOKIE } from "@/lib/session";

export async function POST(request: Request): Promise<Response> {
  if (isCrossSiteRequest(request.headers)) return detail(403, CROSS_SITE_DETAIL);
  const response = new NextResponse(null, { status: 204 });
  const secure = secureCookie(webConfig().NODE_ENV === "production", request.url, request.headers.get("x-forwarded-proto"));
  response.cookies.set(SESSION_COOKIE, "", sessionCookieOptions(secure, 0));
  return response;
}
