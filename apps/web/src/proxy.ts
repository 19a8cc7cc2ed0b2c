import { NextResponse, type NextRequest } from "next/server";
import { webConfig } from "@/server/config";
import { API_POLICY, fixedSecurityHeaders, newNonce, pagePolicy } from "@/server/security-headers";

/**
 * Runs before every request: pages get a fresh CSP nonce, which Next reads from the request's
 * Content-Security-Policy header and puts on its own scripts; every answer gets the security headers.
 */
export function proxy(request: NextRequest): NextResponse {
  const { NODE_ENV } = webConfig();
  const api = request.nextUrl.pathname.startsWith("/api/");
  const headers = fixedSecurityHeaders(NODE_ENV === "production");
  let response: NextResponse;
  if (api) {
    response = NextResponse.next();
    headers["content-security-policy"] = API_POLICY;
  } else {
    const policy = pagePolicy(newNonce(), NODE_ENV === "development");
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("content-security-policy", policy);
    response = NextResponse.next({ request: { headers: requestHeaders } });
    headers["content-security-policy"] = policy;
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
