import { parseOptions } from "@node-rs/argon2";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { legacyScryptHash } from "../support/legacy-scrypt";
import { ARGON2_PARAMS, hashPassword, needsRehash, verifyPassword } from "@/server/password";

/** A cheap cost for property runs; the production cost is checked once below. */
const FAST = { memoryCost: 256, timeCost: 1, parallelism: 1, outputLen: 32 };

/** A hash stored before argon2id (scrypt N=2^15, r=8, p=1) of "correct horse 42", as the old code wrote it. */
const STORED_SCRYPT = "scrypt$32768$8$1$XCRkcHshbOsK8XQQ5X-c7A$_mKuIcH5fZV6hdzYKsFsPAaZD_dzgFarJZpqJZnQNCU";

describe("password hashing", () => {
  it("stores argon2id at OWASP's parameters by default (19 MiB, 2 passes, 1 lane)", async () => {
    const stored = await hashPassword("correct horse 42");
    expect(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")).toBe(true);
    const options = parseOptions(stored);
    expect([options.memoryCost, options.timeCost, options.parallelism, options.outputLen, options.saltLen]).toEqual([19_456, 2, 1, 32, 16]);
    expect(await verifyPassword("correct horse 42", stored)).toBe(true);
    expect(needsRehash(stored)).toBe(false);
    expect(ARGON2_PARAMS).toEqual({ memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 });
  });

  it("accepts the password it hashed and rejects any other", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40 }), fc.string({ minLength: 1, maxLength: 40 }), async (password, other) => {
        const stored = await hashPassword(password, FAST);
        expect(await verifyPassword(password, stored)).toBe(true);
        if (other.normalize("NFKC") !== password.normalize("NFKC")) expect(await verifyPassword(other, stored)).toBe(false);
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it("a scrypt hash stored before argon2id still verifies its password and no other, and asks to be rehashed", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40 }), fc.string({ minLength: 1, maxLength: 40 }), async (password, other) => {
        const stored = legacyScryptHash(password);
        expect(await verifyPassword(password, stored)).toBe(true);
        if (other.normalize("NFKC") !== password.normalize("NFKC")) expect(await verifyPassword(other, stored)).toBe(false);
        expect(needsRehash(stored)).toBe(true);
      }),
      { numRuns: 100 },
    );
    expect(await verifyPassword("correct horse 42", STORED_SCRYPT)).toBe(true);
    expect(await verifyPassword("correct horse 43", STORED_SCRYPT)).toBe(false);
  }, 30_000);

  it("asks to rehash argon2id hashes at other parameters", async () => {
    expect(needsRehash(await hashPassword("correct horse 42", FAST))).toBe(true);
    expect(needsRehash("$argon2id$garbage")).toBe(true);
  });

  it("salts every hash, so one password never hashes the same twice", async () => {
    const [first, second] = await Promise.all([hashPassword("same password 1", FAST), hashPassword("same password 1", FAST)]);
    expect(first).not.toBe(second);
  });

  it("never matches a malformed, tampered or oversized hash", async () => {
    const stored = await hashPassword("correct horse 42", FAST);
    const parts = stored.split("$");
    const tampered = [...parts.slice(0, 5), Buffer.from("x".repeat(32)).toString("base64").replace(/=+$/, "")].join("$");
    const legacy = legacyScryptHash("correct horse 42");
    for (const bad of [
      "",
      "plain",
      "bcrypt$1$2$3$4$5",
      `${legacy}$extra`,
      legacy.replace("$256$", "$255$"),
      legacy.replace("$256$", `$${2 ** 24}$`),
      tampered,
      stored.replace("m=256", `m=${4 * 1024 * 1024}`),
      stored.replace("t=1", "t=1000"),
      stored.replace("$argon2id$", "$argon2i$"),
    ]) {
      expect(await verifyPassword("correct horse 42", bad)).toBe(false);
    }
  });
});
