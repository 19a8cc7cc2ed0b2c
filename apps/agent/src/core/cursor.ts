import { createHmac, timingSafeEqual } from "node:crypto";
import { AppError } from "./errors";

/** The answer to a cursor a list cannot follow: a 400 naming the `cursor` field. */
export function invalidCursor(): AppError {
  return new AppError("validation", { fields: [{ field: "cursor", message: "Invalid cursor" }] });
}

/**
 * Opaque, signed list cursors. The cursor carries DynamoDB's LastEvaluatedKey; the HMAC binds it to the user
 * who listed, so a tampered cursor or one taken from another user's listing is rejected rather than followed.
 */
export class CursorCodec {
  private readonly key: Buffer;

  /** @param purpose which list the cursors page through; a cursor of one list is refused by another's codec */
  constructor(secret: string, purpose = "strategist-list-cursor") {
    this.key = createHmac("sha256", purpose).update(secret).digest();
  }

  private sign(userId: string, payload: string): Buffer {
    return createHmac("sha256", this.key).update(userId).update("\u0000").update(payload).digest();
  }

  encode(userId: string, lastKey: Record<string, unknown>): string {
    const payload = Buffer.from(JSON.stringify(lastKey)).toString("base64url");
    return `${payload}.${this.sign(userId, payload).toString("base64url")}`;
  }

  /** The key to continue from (undefined without a cursor); throws invalidCursor() for one this service did not give this user. */
  startKey(userId: string, cursor: string | undefined): Record<string, unknown> | undefined {
    if (cursor === undefined) return undefined;
    const key = this.decode(userId, cursor);
    if (!key) throw invalidCursor();
    return key;
  }

  /** The key to continue from, or undefined when the cursor is not one this service gave this user. */
  decode(userId: string, cursor: string): Record<string, unknown> | undefined {
    const [payload, signature, extra] = cursor.split(".");
    if (!payload || !signature || extra !== undefined) return undefined;
    const expected = this.sign(userId, payload);
    const given = Buffer.from(signature, "base64url");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      const key: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
      return key && typeof key === "object" && !Array.isArray(key) ? (key as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }
}
