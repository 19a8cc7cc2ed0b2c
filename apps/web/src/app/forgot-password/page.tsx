import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/account/ForgotPasswordForm";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <div className="auth-layout">
      <div className="panel">
        <h1>Forgot your password?</h1>
        <p className="muted">Enter the email you signed up with and we will send you a link to choose a new password.</p>
        <ForgotPasswordForm />
      </div>
      <p className="auth-switch">
        Remembered it? <Link href="/login">Log in</Link>
      </p>
    </div>
  );
}
