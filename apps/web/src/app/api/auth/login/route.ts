import { ERROR_DETAILS } from "@strategist/schemas";
import { Credentials } from "@/account/checks";
import { LOGIN_FAILED } from "@/account/copy";
import { readAuthBody, signedInResponse } from "@/server/auth-requests";
import { upgradePasswordHash } from "@/server/credentials";
import { limitAuthByIp, loginThrottle } from "@/server/limits/auth-limits";
import { hashPassword, verifyPassword } from "@/server/password";
import { detail } from "@/server/responses";
import { userRepository } from "@/server/users";
import { countLimitRejection, measured } from "@/server/metrics";

/** A hash to check against when the email is unknown, so both failures take the same time. */
let decoyHash: Promise<string> | undefined;

async function post(request: Request): Promise<Response> {
  const limited = await limitAuthByIp(request, "login");
  if (limited) return limited;
  const body = await readAuthBody(request, Credentials);
  if ("error" in body) return body.error;
  const { email, password } = body.value;
  const throttle = await loginThrottle();
  const wait = await throttle.retryAfterSeconds(email);
  if (wait > 0) {
    countLimitRejection("login_attempts");
    return detail(429, ERROR_DETAILS.rate_limited, { "retry-after": String(wait) });
  }
  const users = await userRepository();
  const user = await users.findByEmail(email);
  decoyHash ??= hashPassword("decoy password, never matches");
  const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
  if (!user || !matches) {
    await throttle.recordFailure(email);
    return detail(401, LOGIN_FAILED);
  }
  await throttle.recordSuccess(email);
  await upgradePasswordHash(users, user, password);
  return signedInResponse(request, user, 200);
}

export const POST = measured("/api/auth/login", post);
