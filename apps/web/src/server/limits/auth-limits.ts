import "server-only";
import { createHash } from "node:crypto";
import { ERROR_DETAILS } from "@strategist/schemas";
import { webConfig } from "@/server/config";
import { LoginThrottle } from "./login-throttle";
import { detail } from "@/server/responses";
import { clientIp } from "./client-ip";
import { limitsStore } from "@/server/users";
import { countLimitRejection } from "@/server/metrics";

/** The account routes with a per-IP limit of their own. */
type AuthRoute = "login" | "register" | "password-reset" | "password-reset-confirm";

/**
 * The per-IP limit on sign-up, log-in and password resets (AUTH_RATE_LIMIT_PER_IP_PER_MINUTE per route, one-minute
 * windows, counted in the limits table for every web task): undefined when the request may go on, else the 429.
 */
export async function limitAuthByIp(request: Request, route: AuthRoute): Promise<Response | undefined> {
  const config = webConfig();
  const ip = clientIp(request.headers, config.TRUST_PROXY_HOPS);
  const hit = await (await limitsStore()).hit(`auth-ip#${route}#${ip}`, config.AUTH_RATE_LIMIT_PER_IP_PER_MINUTE, 60_000);
  if (hit.allowed) return undefined;
  countLimitRejection("auth_rate_per_ip");
  return rateLimited(hit.retryAfterMs);
}

/** Reset links one email address may be sent per hour, whether or not an account has it. */
export const RESET_REQUESTS_PER_EMAIL_PER_HOUR = 5;

/**
 * The per-email limit on reset requests, so nobody can flood a mailbox: counted under a hash of the address (never
 * the address itself) for every address alike, so a 429 says nothing about which accounts exist.
 */
export async function limitResetByEmail(email: string): Promise<Response | undefined> {
  const key = `password-reset-email#${createHash("sha256").update(email).digest("hex")}`;
  const hit = await (await limitsStore()).hit(key, RESET_REQUESTS_PER_EMAIL_PER_HOUR, 60 * 60_000);
  if (hit.allowed) return undefined;
  countLimitRejection("password_reset_requests");
  return rateLimited(hit.retryAfterMs);
}

function rateLimited(retryAfterMs: number): Response {
  return detail(429, ERROR_DETAILS.rate_limited, { "retry-after": String(Math.max(1, Math.ceil(retryAfterMs / 1000))) });
}

let throttle: Promise<LoginThrottle> | undefined;

/** The failed-login throttle on the shared limits table. */
export function loginThrottle(): Promise<LoginThrottle> {
  throttle ??= limitsStore().then((store) => new LoginThrottle(store));
  throttle.catch(() => (throttle = undefined));
  return throttle;
}
