import { NextResponse } from "next/server";
import { PasswordReset } from "@/account/checks";
import { RESET_LINK_INVALID } from "@/account/copy";
import { clearSessionCookie, readAuthBody } from "@/server/auth-requests";
import { limitAuthByIp } from "@/server/limits/auth-limits";
import { measured } from "@/server/metrics";
import { completePasswordReset } from "@/server/password-reset";
import { validationError } from "@/server/responses";
import { accountStores } from "@/server/users";

/**
 * Sets a new password with a reset link's token: 204, every session of the user ended (this browser's cookie too),
 * and the user logs in with the new password. A bad, expired or used token is a 400 on `token`.
 */
async function post(request: Request): Promise<Response> {
  const limited = await limitAuthByIp(request, "password-reset-confirm");
  if (limited) return limited;
  const body = await readAuthBody(request, PasswordReset);
  if ("error" in body) return body.error;
  const outcome = await completePasswordReset(await accountStores(), body.value);
  if (!outcome.ok) return validationError([{ field: "token", message: RESET_LINK_INVALID }]);
  return clearSessionCookie(request, new NextResponse(null, { status: 204, headers: { "cache-control": "no-store" } }));
}

export const POST = measured("/api/auth/password-reset/confirm", post);
