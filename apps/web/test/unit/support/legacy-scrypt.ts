import { randomBytes, scryptSync } from "node:crypto";

/** A password hash in the format stored before argon2id (`scrypt$N$r$p$salt$hash`), at a cheap cost for tests. */
export function legacyScryptHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize("NFKC"), salt, 32, { N: 256, r: 8, p: 1 });
  return ["scrypt", 256, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
}
