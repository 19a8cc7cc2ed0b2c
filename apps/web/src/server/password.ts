import "server-only";
import { scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { hash, parseOptions, verify, type Algorithm } from "@node-rs/argon2";

/** `Algorithm.Argon2id` of @node-rs/argon2 (a const enum its types do not let isolated modules read). */
const ARGON2ID: Algorithm = 2;

/**
 * argon2id at OWASP's Password Storage Cheat Sheet minimum: 19 MiB of memory, 2 passes, 1 lane;
 * 16-byte salt (the library's) and a 32-byte hash. See docs/security.md.
 */
export const ARGON2_PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;
type Argon2Params = { memoryCost: number; timeCost: number; parallelism: number; outputLen: number };

/** Bounds on parameters read from a stored hash, so a tampered one cannot make verification eat the server. */
const MAX_ARGON2 = { memoryCost: 256 * 1024, timeCost: 10, parallelism: 4 };
const MAX_SCRYPT_N = 2 ** 20;

/** Passwords are compared after NFKC, so the same characters typed on two keyboards are one password. */
function normalised(password: string): string {
  return password.normalize("NFKC");
}

/** Hashes a password as an argon2id PHC string (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`). */
export function hashPassword(password: string, params: Argon2Params = ARGON2_PARAMS): Promise<string> {
  return hash(normalised(password), { ...params, algorithm: ARGON2ID });
}

/** Checks a password against a stored hash (argon2id, or the scrypt hashes stored before it); a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith("$argon2id$")) return verifyArgon2(password, stored);
  if (stored.startsWith("scrypt$")) return verifyScrypt(password, stored);
  return false;
}

/** True when a stored hash is not argon2id at the current parameters: the next successful log-in replaces it. */
export function needsRehash(stored: string, params: Argon2Params = ARGON2_PARAMS): boolean {
  if (!stored.startsWith("$argon2id$")) return true;
  try {
    const options = parseOptions(stored);
    return (
      options.memoryCost !== params.memoryCost ||
      options.timeCost !== params.timeCost ||
      options.parallelism !== params.parallelism ||
      options.outputLen !== params.outputLen
    );
  } catch {
    return true;
  }
}

async function verifyArgon2(password: string, stored: string): Promise<boolean> {
  try {
    const options = parseOptions(stored);
    const bounded =
      options.algorithm === ARGON2ID &&
      options.memoryCost <= MAX_ARGON2.memoryCost &&
      options.timeCost <= MAX_ARGON2.timeCost &&
      options.parallelism <= MAX_ARGON2.parallelism &&
      options.outputLen >= 16;
    return bounded && (await verify(stored, normalised(password)));
  } catch {
    return false;
  }
}

/** The format stored before argon2id: `scrypt$N$r$p$salt$hash` (base64url). Verified only, never written. */
async function verifyScrypt(password: string, stored: string): Promise<boolean> {
  const [, n, r, p, saltText, keyText, ...rest] = stored.split("$");
  if (rest.length > 0 || !saltText || !keyText) return false;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const valid =
    Number.isInteger(params.N) &&
    params.N > 1 &&
    params.N <= MAX_SCRYPT_N &&
    (params.N & (params.N - 1)) === 0 &&
    Number.isInteger(params.r) &&
    params.r >= 1 &&
    params.r <= 32 &&
    Number.isInteger(params.p) &&
    params.p >= 1 &&
    params.p <= 16;
  if (!valid) return false;
  const expected = Buffer.from(keyText, "base64url");
  if (expected.length < 16) return false;
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  const actual = await new Promise<Buffer>((resolve, reject) =>
    scrypt(normalised(password), Buffer.from(saltText, "base64url"), expected.length, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
  return timingSafeEqual(actual, expected);
}
