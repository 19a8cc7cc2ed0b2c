import "server-only";
import { logLine } from "./log";

/** A reset link on its way to the account's mailbox; `url` is null where no link may be built (production, for now). */
export interface ResetMessage {
  email: string;
  userId: string;
  url: string | null;
  expiresAt: Date;
}

/** Delivers password-reset links. */
export interface ResetMailer {
  send(message: ResetMessage): Promise<void>;
}

/**
 * Development and tests, where no mail server exists: the link goes to the web's log. This is the one place a reset
 * link is ever logged, and `resetMailer` never picks it in production.
 */
export class LogResetMailer implements ResetMailer {
  async send({ email, url }: ResetMessage): Promise<void> {
    logLine("info", "password reset link", { email, url });
  }
}

/**
 * Production until a mailer (e.g. SES) is wired: records that a reset was asked for, by user id, without the link or
 * the email. The user receives nothing (docs/security.md, "Password reset").
 */
export class UnconfiguredResetMailer implements ResetMailer {
  async send({ userId }: ResetMessage): Promise<void> {
    logLine("warn", "password reset requested, but no mailer is configured: no link was sent", { userId });
  }
}

/** The mailer for this environment: the log in development and tests, none yet in production. */
export function resetMailer(production: boolean): ResetMailer {
  return production ? new UnconfiguredResetMailer() : new LogResetMailer();
}
