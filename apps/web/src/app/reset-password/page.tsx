import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/account/ResetPasswordForm";

// The address carries the reset token: no Referer may take it to another site.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  return (
    <div className="auth-layout">
      <div className="panel">
        <h1>Choose a new password</h1>
        {typeof token === "string" && token !== "" ? (
          <>
            <p className="muted">Every device signed in to your account will be signed out.</p>
            <ResetPasswordForm token={token} />
          </>
        ) : (
          <div className="alert error" role="alert">
            <p>
              This page needs the link from your reset email. <Link href="/forgot-password">Request a new link</Link>
            </p>
          </div>
        )}
      </div>
    </div>
  );
}
