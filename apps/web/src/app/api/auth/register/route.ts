import { Registration } from "@/account/checks";
import { EMAIL_TAKEN } from "@/account/copy";
import { readAuthBody, signedInResponse } from "@/server/auth-requests";
import { hashPassword } from "@/server/password";
import { detail } from "@/server/responses";
import { limitAuthByIp } from "@/server/limits/auth-limits";
import { EmailTakenError, userRepository } from "@/server/users";
import { measured } from "@/server/metrics";

async function post(request: Request): Promise<Response> {
  const limited = await limitAuthByIp(request, "register");
  if (limited) return limited;
  const body = await readAuthBody(request, Registration);
  if ("error" in body) return body.error;
  const { email, password } = body.value;
  const users = await userRepository();
  try {
    const user = await users.create(email, await hashPassword(password));
    return signedInResponse(request, user, 201);
  } catch (error) {
    if (error instanceof EmailTakenError) return detail(409, EMAIL_TAKEN);
    throw error;
  }
}

export const POST = measured("/api/auth/register", post);
