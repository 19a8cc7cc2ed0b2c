/** Account wording shared by the forms and the API; kept free of zod so pages can render it without loading it. */

/** The password rule, shown beside the field and returned with a 400. */
export const PASSWORD_RULE = "Use at least 10 characters, mixing at least two of: letters, numbers, symbols";
export const PASSWORD_LIMITS = { min: 10, max: 256 } as const;

/** The message for every failed log-in, unknown email and wrong password alike. */
export const LOGIN_FAILED = "Incorrect email or password";
export const EMAIL_TAKEN = "An account with this email already exists";
