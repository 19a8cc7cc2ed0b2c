import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashPassword, SCRYPT_PARAMS, verifyPassword } from "@/lib/password";

/** A cheap cost for property runs; the production cost is checked once below. */
const FAST = { N: 1024, r: 8, p: 1 };

describe("password hashing", () => {
  it("stores scrypt parameters, salt and hash, at the production cost by default", async () => {
    const stored = await hashPassword("correct horse 42");
    const [scheme, n, r, p, salt, key] = stored.split("$");
    expect([scheme, Number(n), Number(r), Number(p)]).toEqual(["scrypt", SCRYPT_PARAMS.N, SCRYPT_PARAMS.r, SCRYPT_PARAMS.p]);
    expect(Buffer.from(salt!, "base64url")).toHaveLength(16);
    expect(Buffer.from(key!, "base64url")).toHaveLength(32);
    expect(await verifyPassword("correct horse 42", stored)).toBe(true);
  });

  it("accepts the password it hashed and rejects any other", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40 }), fc.string({ minLength: 1, maxLength: 40 }), async (password, other) => {
        const stored = await hashPassword(password, FAST);
        expect(await verifyPassword(password, stored)).toBe(true);
        if (other.normalize("NFKC") !== password.normalize("NFKC")) expect(await verifyPassword(other, stored)).toBe(false);
      }),
      { numRuns: 25 },
    );
  });

  it("salts every hash, so one password never hashes the same twice", async () => {
    const [first, second] = await Promise.all([hashPassword("same password 1", FAST), hashPassword("same password 1", FAST)]);
    expect(first).not.toBe(second);
  });

  it("never matches a malformed or tampered hash", async () => {
    const stored = await hashPassword("correct horse 42", FAST);
    const parts = stored.split("$");
    const tampered = [...parts.slice(0, 5), Buffer.from("x".repeat(32)).toString("base64url")].join("$");
    for (const bad of ["", "plain", "bcrypt$1$2$3$4$5", `${stored}$extra`, tampered, stored.replace("$1024$", "$1000$"), stored.replace("$1024$", `$${2 ** 24}$`)]) {
      expect(await verifyPassword("correct horse 42", bad)).toBe(false);
    }
  });
});
