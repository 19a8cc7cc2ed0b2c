import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthForm } from "@/account/AuthForm";
import { currentSession } from "@/server/current-session";
import { safeReturnPath } from "@/server/safe-return";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignupPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const returnTo = safeReturnPath((await searchParams).next, "/strategies/new");
  if (await currentSession()) redirect(returnTo);
  return (
    <div className="auth-layout">
      <div className="panel">
        <h1>Create your account</h1>
        <p className="muted">Your strategies are saved privately to your account.</p>
        <AuthForm mode="signup" returnTo={returnTo} />
      </div>
      <p className="auth-switch">
        Already have an account? <Link href={`/login?next=${encodeURIComponent(returnTo)}`}>Log in</Link>
      </p>
    </div>
  );
}
