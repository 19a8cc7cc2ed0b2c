import { PasswordResetRequest } from "@/account/checks";
import { RESET_REQUESTED } from "@/account/copy";
import { readAuthBody } from "@/server/auth-requests";
import { webConfig } from "@/server/config";
import { limitAuthByIp, limitResetByEmail } from "@/server/limits/auth-limits";
import { logLine } from "@/server/log";
import { measured } from "@/server/metrics";
import { publicOrigin } from "@/server/origin";
import { requestPasswordReset } from "@/server/password-reset";
import { resetMailer } from "@/server/reset-mailer";
import { accountStores } from "@/server/users";

/**
 * Asks for a reset link: always 202 with the same body once the request passes its limits, account or not. The
 * lookup and the mail happen after the answer, so its timing says nothing either.
 */
async function post(request: Request): Promise<Response> {
  const limited = await limitAuthByIp(request, "password-reset");
  if (limited) return limited;
  const body = await readAuthBody(request, PasswordResetRequest);
  if ("error" in body) return body.error;
  const { email } = body.value;
  const perEmail = await limitResetByEmail(email);
  if (perEmail) return perEmail;
  const production = webConfig().NODE_ENV === "production";
  const stores = await accountStores();
  requestPasswordReset(stores, resetMailer(production), email, production ? null : publicOrigin(request)).catch((error: unknown) =>
    logLine("error", "password reset request failed", { error: error instanceof Error ? error.name : "unknown" }),
  );
  return Response.json({ detail: RESET_REQUESTED }, { status: 202, headers: { "cache-control": "no-store" } });
}

export const POST = measured("/api/auth/password-reset", post);
