/** Account wording shared by the forms and the API; kept free of zod so pages can render it without loading it. */

/** The password rule, shown beside the field and returned with a 400. */
export const PASSWORD_RULE = "Use at least 10 characters, mixing at least two of: letters, numbers, symbols";
export const PASSWORD_LIMITS = { min: 10, max: 256 } as const;

/** The message for every failed log-in, unknown email and wrong password alike. */
export const LOGIN_FAILED = "Incorrect email or password";
export const EMAIL_TAKEN = "An account with this email already exists";

/** What a reset request answers, whether or not an account has the email. */
export const RESET_REQUESTED = "If an account exists for that email, we sent a link to reset its password. The link works for 30 minutes.";
/** A reset link that is malformed, unknown, expired or already used: one message for all, as the server cannot tell them apart. */
export const RESET_LINK_INVALID = "This reset link has already been used or has expired. Request a new one.";
export const PASSWORDS_DIFFER = "The passwords do not match";
export const PASSWORD_CHANGED = "Password changed. Other devices were signed out.";
