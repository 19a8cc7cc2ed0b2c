import { createHmac } from "node:crypto";
import fc from "fast-check";

export interface BadCredentials {
  kind: string;
  /** The Authorization header, or undefined for none at all. */
  header: string | undefined;
  /** Whether the only thing wrong is that the token expired ("Token has expired"). */
  expired: boolean;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** A JWT with any header and claims, signed with HMAC-SHA of the given size (or unsigned for alg none). */
export function craftToken(header: Record<string, unknown>, claims: Record<string, unknown>, secret: string, bits: 256 | 384 | 512 | "none" = 256): string {
  const unsigned = `${b64(header)}.${b64(claims)}`;
  if (bits === "none") return `${unsigned}.`;
  return `${unsigned}.${createHmac(`sha${bits}`, secret).update(unsigned).digest("base64url")}`;
}

/** Every way the acceptance list says a request can be unauthenticated, with a random user and times. */
export function invalidTokens(secret: string): fc.Arbitrary<BadCredentials> {
  const now = () => Math.floor(Date.now() / 1000);
  return fc.tuple(fc.uuid(), fc.integer({ min: 120, max: 86_400 }), fc.string({ minLength: 1, maxLength: 60 })).chain(([userId, seconds, junk]) =>
    fc.constantFrom<BadCredentials>(
      { kind: "no header", header: undefined, expired: false },
      { kind: "Bearer with nothing", header: "Bearer ", expired: false },
      { kind: "Bearer only", header: "Bearer", expired: false },
      { kind: "garbage", header: `Bearer ${junk}`, expired: false },
      { kind: "other scheme", header: `Basic ${Buffer.from(`${userId}:x`).toString("base64")}`, expired: false },
      {
        kind: "bad signature",
        header: `Bearer ${craftToken({ alg: "HS256", typ: "JWT" }, { userId, exp: now() + seconds }, `${secret}-but-not-quite`)}`,
        expired: false,
      },
      { kind: "alg none", header: `Bearer ${craftToken({ alg: "none", typ: "JWT" }, { userId, exp: now() + seconds }, secret, "none")}`, expired: false },
      {
        kind: "HS384 same secret",
        header: `Bearer ${craftToken({ alg: "HS384", typ: "JWT" }, { userId, exp: now() + seconds }, secret, 384)}`,
        expired: false,
      },
      {
        kind: "HS512 same secret",
        header: `Bearer ${craftToken({ alg: "HS512", typ: "JWT" }, { userId, exp: now() + seconds }, secret, 512)}`,
        expired: false,
      },
      {
        kind: "expired",
        header: `Bearer ${craftToken({ alg: "HS256", typ: "JWT" }, { userId, iat: now() - 2 * seconds, exp: now() - seconds }, secret)}`,
        expired: true,
      },
      { kind: "no exp", header: `Bearer ${craftToken({ alg: "HS256", typ: "JWT" }, { userId, iat: now() }, secret)}`, expired: false },
      { kind: "no userId", header: `Bearer ${craftToken({ alg: "HS256", typ: "JWT" }, { sub: userId, exp: now() + seconds }, secret)}`, expired: false },
      { kind: "empty userId", header: `Bearer ${craftToken({ alg: "HS256", typ: "JWT" }, { userId: "", exp: now() + seconds }, secret)}`, expired: false },
      { kind: "blank userId", header: `Bearer ${craftToken({ alg: "HS256", typ: "JWT" }, { userId: "   ", exp: now() + seconds }, secret)}`, expired: false },
      {
        kind: "numeric userId",
        header: `Bearer ${craftToken({ alg: "HS256", typ: "JWT" }, { userId: seconds, exp: now() + seconds }, secret)}`,
        expired: false,
      },
      {
        kind: "issued in the future",
        header: `Bearer ${craftToken({ alg: "HS256", typ: "JWT" }, { userId, iat: now() + seconds, exp: now() + 2 * seconds }, secret)}`,
        expired: false,
      },
      {
        kind: "not yet valid",
        header: `Bearer ${craftToken({ alg: "HS256", typ: "JWT" }, { userId, nbf: now() + seconds, exp: now() + 2 * seconds }, secret)}`,
        expired: false,
      },
    ),
  );
}
