import { fieldErrors } from "@strategist/schemas";
import { describe, expect, it } from "vitest";
import { checkNewPasswordForm, Credentials, PasswordReset, Registration } from "@/account/checks";
import { PASSWORD_RULE, RESET_LINK_INVALID } from "@/account/copy";

describe("account rules", () => {
  it("normalises the email to trimmed lowercase", () => {
    expect(Registration.parse({ email: "  Ana@Example.COM ", password: "correct horse 42" }).email).toBe("ana@example.com");
  });

  it("rejects short passwords and passwords of one character class with the rule, once", () => {
    for (const password of ["short1!", "onlyletterslong", "12345678901234", "!!!!!!!!!!!!"]) {
      const result = Registration.safeParse({ email: "ana@example.com", password });
      expect(result.success).toBe(false);
      expect(fieldErrors(result.error!.issues)).toEqual([{ field: "password", message: PASSWORD_RULE }]);
    }
  });

  it("accepts ten characters from two classes", () => {
    for (const password of ["letters123", "passphrase with spaces", "ÄÖÜäöüß123"]) {
      expect(Registration.safeParse({ email: "ana@example.com", password }).success).toBe(true);
    }
  });

  it("does not apply the rule at log-in, so failures never hint at what exists", () => {
    expect(Credentials.safeParse({ email: "ana@example.com", password: "x" }).success).toBe(true);
    expect(Credentials.safeParse({ email: "ana@example.com", password: "" }).success).toBe(false);
  });

  it("rejects unknown fields and malformed emails by field", () => {
    const result = Registration.safeParse({ email: "nope", password: "correct horse 42", admin: true });
    expect(
      fieldErrors(result.error!.issues)
        .map((error) => error.field)
        .sort(),
    ).toEqual(["admin", "email"]);
  });

  it("a reset takes a 43-character base64url token and a password under sign-up's rule", () => {
    const token = "A".repeat(42) + "_";
    expect(PasswordReset.safeParse({ token, password: "correct horse 42" }).success).toBe(true);
    expect(fieldErrors(PasswordReset.safeParse({ token: "short", password: "x" }).error!.issues)).toEqual([
      { field: "token", message: RESET_LINK_INVALID },
      { field: "password", message: PASSWORD_RULE },
    ]);
  });

  it("the new-password form wants the rule met and the confirmation typed the same", () => {
    expect(checkNewPasswordForm({ password: "correct horse 42", confirm: "correct horse 42" })).toBeNull();
    expect(checkNewPasswordForm({ password: "correct horse 42", confirm: "correct horse 43" })).toEqual({ confirm: "The passwords do not match" });
    expect(checkNewPasswordForm({ password: "short", confirm: "short" })).toEqual({ password: PASSWORD_RULE });
  });
});
