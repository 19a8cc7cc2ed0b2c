import { NextResponse } from "next/server";
import { webConfig } from "@/lib/config";
import { isCrossSiteRequest } from "@/lib/origin";
import { CROSS_SITE_DETAIL, detail } from "@/lib/responses";
import { sessionCookieOptions, SESSION_COOKIE } from "@/lib/session";

export async function POST(request: Request): Promise<Response> {
  if (isCrossSiteRequest(request.headers)) return detail(403, CROSS_SITE_DETAIL);
  const response = new NextResponse(null, { status: 204 });
  response.cookies.set(SESSION_COOKIE, "", sessionCookieOptions(webConfig().NODE_ENV === "production", 0));
  return response;
}
