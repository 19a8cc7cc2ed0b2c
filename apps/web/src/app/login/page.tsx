import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthForm } from "@/account/AuthForm";
import { currentSession } from "@/server/current-session";
import { safeReturnPath } from "@/server/safe-return";

export const metadata: Metadata = { title: "Log in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const returnTo = safeReturnPath((await searchParams).next);
  if (await currentSession()) redirect(returnTo);
  return (
    <div className="auth-layout">
      <div className="panel">
        <h1>Welcome back</h1>
        <p className="muted">Log in to see your strategies and create new ones.</p>
        <AuthForm mode="login" returnTo={returnTo} />
        <p className="auth-forgot">
          <Link href="/forgot-password">Forgot password?</Link>
        </p>
      </div>
      <p className="auth-switch">
        New to Strategist? <Link href={`/signup?next=${encodeURIComponent(returnTo)}`}>Create an account</Link>
      </p>
    </div>
  );
}
