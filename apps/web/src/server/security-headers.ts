import "server-only";
/**
 * The response headers every answer of the web origin carries (see docs/security.md). Pages get a
 * Content-Security-Policy whose scripts run only with this request's nonce; API answers are data and
 * get a policy that allows nothing at all.
 */

/** A fresh nonce per request: 128 random bits, base64 (the CSP nonce grammar). */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** The CSP for an HTML page. `development` adds 'unsafe-eval', which React's dev build needs and production never uses. */
export function pagePolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': Next's nonce'd bootstrap loads the page's chunks; nothing else may run.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    // style="…" attributes (a progress bar's width) cannot run code; they are the one inline allowance.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The CSP for API answers (JSON, Server-Sent Events, exports): nothing may load, run or frame them. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Two years, subdomains included: the ALB serves HTTPS only once a certificate is configured. */
const HSTS = "max-age=63072000; includeSubDomains";

/** The headers that do not depend on the request: the same on pages, API answers and static files. */
export function fixedSecurityHeaders(production: boolean): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    // For browsers that predate frame-ancestors.
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    // Browsers ignore HSTS over plain http (RFC 6797 §8.1), so `pnpm start` on localhost is unaffected.
    ...(production ? { "strict-transport-security": HSTS } : {}),
  };
}
