import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { webConfig } from "./config";
import { readSession, SESSION_COOKIE, type Session } from "./session";

export interface SignedIn extends Session {
  token: string;
}

/** The visitor's session from the cookie, or null when absent, expired or forged. */
export async function currentSession(): Promise<SignedIn | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const session = await readSession(token, webConfig().JWT_SECRET);
  return session && token ? { ...session, token } : null;
}

/** The session, or a redirect to the log-in page that brings the visitor back to `returnTo`. */
export async function requireSession(returnTo: string): Promise<SignedIn> {
  const session = await currentSession();
  if (!session) redirect(loginPath(returnTo));
  return session;
}

/** The log-in URL that returns to a page of ours afterwards. */
export function loginPath(returnTo: string): string {
  return `/login?next=${encodeURIComponent(returnTo)}`;
}
