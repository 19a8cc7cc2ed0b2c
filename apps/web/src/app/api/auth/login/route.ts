import { Credentials, LOGIN_FAILED } from "@/lib/account";
import { readAuthBody, signedInResponse } from "@/lib/auth-requests";
import { hashPassword, verifyPassword } from "@/lib/password";
import { detail } from "@/lib/responses";
import { userRepository } from "@/lib/users";

/** A hash to check against when the email is unknown, so both failures take the same time. */
let decoyHash: Promise<string> | undefined;

export async function POST(request: Request): Promise<Response> {
  const body = await readAuthBody(request, Credentials);
  if ("error" in body) return body.error;
  const { email, password } = body.value;
  const user = await (await userRepository()).findByEmail(email);
  decoyHash ??= hashPassword("decoy password, never matches");
  const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
  if (!user || !matches) return detail(401, LOGIN_FAILED);
  return signedInResponse(user, 200);
}
