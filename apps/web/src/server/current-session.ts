import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { webConfig } from "./config";
import { readSession, SESSION_COOKIE, type Session } from "./session";
import { sessionStore } from "./users";

interface SignedIn extends Session {
  token: string;
}

/** The session a token stands for, if its signature holds and the sessions table still has it open. */
async function openSession(token: string | undefined): Promise<SignedIn | null> {
  const session = await readSession(token, webConfig().JWT_SECRET);
  if (!session || !token) return null;
  const open = await (await sessionStore()).isActive(session.sessionId, session.userId);
  return open ? { ...session, token } : null;
}

/**
 * The visitor's session from the cookie, or null when absent, expired, forged or logged out. Cached per
 * request, so the header and the page share one sessions-table read.
 */
export const currentSession = cache(async (): Promise<SignedIn | null> => openSession((await cookies()).get(SESSION_COOKIE)?.value));

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
