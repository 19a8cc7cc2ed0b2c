import { createHmac } from "node:crypto";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { readSession, secureCookie, SESSION_SECONDS, sessionCookieOptions, signSession } from "@/server/session";

const SECRET = "a-test-secret-that-is-at-least-32-bytes-long";
const key = new TextEncoder().encode(SECRET);
const user = { userId: "3f2b5c1e-user", email: "ana@example.com", sessionId: "k3Jq9sZx0aP1bC2dE3fG4h" };

function unsignedToken(header: object, payload: object, signature = ""): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString("base64url");
  return `${encode(header)}.${encode(payload)}.${signature}`;
}

describe("session tokens", () => {
  it("round-trips the user and the session id (the `sid` claim) and expires after seven days", async () => {
    const now = new Date("2026-03-01T12:00:00Z");
    const token = await signSession(user, SECRET, now);
    expect(await readSession(token, SECRET, now)).toEqual(user);
    const payload = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString());
    expect(payload.exp - payload.iat).toBe(SESSION_SECONDS);
    expect(payload.sid).toBe(user.sessionId);
    expect(JSON.parse(Buffer.from(token.split(".")[0]!, "base64url").toString()).alg).toBe("HS256");
    expect(await readSession(token, SECRET, new Date(now.getTime() + (SESSION_SECONDS + 10) * 1000))).toBeNull();
  });

  it("signs exactly what the agent verifies: HMAC-SHA256 over header.payload with the shared secret", async () => {
    const token = await signSession(user, SECRET);
    const [header, payload, signature] = token.split(".");
    expect(createHmac("sha256", SECRET).update(`${header}.${payload}`).digest("base64url")).toBe(signature);
  });

  it("rejects a wrong secret, alg none, other algorithms, a missing or empty userId or sid, a missing exp and garbage", async () => {
    const exp = Math.floor(Date.now() / 1000) + 600;
    const rejected = [
      await signSession(user, "another-secret-that-is-32-bytes-long!!"),
      unsignedToken({ alg: "none", typ: "JWT" }, { userId: "u", exp }),
      await new SignJWT({ userId: "u" }).setProtectedHeader({ alg: "HS512" }).setExpirationTime(exp).sign(key),
      await new SignJWT({}).setProtectedHeader({ alg: "HS256" }).setExpirationTime(exp).sign(key),
      await new SignJWT({ userId: "" }).setProtectedHeader({ alg: "HS256" }).setExpirationTime(exp).sign(key),
      await new SignJWT({ userId: 42 }).setProtectedHeader({ alg: "HS256" }).setExpirationTime(exp).sign(key),
      await new SignJWT({ userId: "u", sid: "s" }).setProtectedHeader({ alg: "HS256" }).sign(key),
      await new SignJWT({ userId: "u" }).setProtectedHeader({ alg: "HS256" }).setExpirationTime(exp).sign(key),
      await new SignJWT({ userId: "u", sid: "" }).setProtectedHeader({ alg: "HS256" }).setExpirationTime(exp).sign(key),
      await new SignJWT({ userId: "u", sid: 7 }).setProtectedHeader({ alg: "HS256" }).setExpirationTime(exp).sign(key),
      "not.a.token",
      "",
      undefined,
    ];
    for (const token of rejected) expect(await readSession(token, SECRET)).toBeNull();
  });

  it("sets the cookie httpOnly and SameSite=Lax for seven days", () => {
    expect(sessionCookieOptions(true)).toEqual({ httpOnly: true, sameSite: "lax", secure: true, path: "/", maxAge: SESSION_SECONDS });
  });

  it("marks the cookie Secure in production, except plain http on this machine", () => {
    expect(secureCookie(true, "https://app.example.com/api/auth/login", null)).toBe(true);
    expect(secureCookie(true, "http://app.example.com/api/auth/login", null)).toBe(true);
    expect(secureCookie(true, "http://10.0.1.7:3000/api/auth/login", "https")).toBe(true);
    expect(secureCookie(true, "http://localhost:3000/api/auth/login", "https")).toBe(true);
    expect(secureCookie(true, "http://localhost:3000/api/auth/login", null)).toBe(false);
    expect(secureCookie(true, "http://127.0.0.1:3000/api/auth/login", "http")).toBe(false);
    expect(secureCookie(false, "https://app.example.com/api/auth/login", "https")).toBe(false);
  });
});
