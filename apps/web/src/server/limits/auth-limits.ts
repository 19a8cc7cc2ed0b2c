import "server-only";
import { ERROR_DETAILS } from "@strategist/schemas";
import { webConfig } from "@/server/config";
import { LoginThrottle } from "./login-throttle";
import { detail } from "@/server/responses";
import { clientIp } from "./client-ip";
import { limitsStore } from "@/server/users";
import { countLimitRejection } from "@/server/metrics";

/**
 * The per-IP limit on sign-up and log-in (AUTH_RATE_LIMIT_PER_IP_PER_MINUTE per route, one-minute windows, counted
 * in the limits table for every web task): undefined when the request may go on, else the 429 to answer.
 */
export async function limitAuthByIp(request: Request, route: "login" | "register"): Promise<Response | undefined> {
  const config = webConfig();
  const ip = clientIp(request.headers, config.TRUST_PROXY_HOPS);
  const hit = await (await limitsStore()).hit(`auth-ip#${route}#${ip}`, config.AUTH_RATE_LIMIT_PER_IP_PER_MINUTE, 60_000);
  if (hit.allowed) return undefined;
  countLimitRejection("auth_rate_per_ip");
  return detail(429, ERROR_DETAILS.rate_limited, { "retry-after": String(Math.max(1, Math.ceil(hit.retryAfterMs / 1000))) });
}

let throttle: Promise<LoginThrottle> | undefined;

/** The failed-login throttle on the shared limits table. */
export function loginThrottle(): Promise<LoginThrottle> {
  throttle ??= limitsStore().then((store) => new LoginThrottle(store));
  throttle.catch(() => (throttle = undefined));
  return throttle;
}
