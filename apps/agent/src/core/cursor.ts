import { createHmac, timingSafeEqual } from "node:crypto";
import { AppError } from "./errors";

/** The answer to a cursor a list cannot follow: a 400 naming the `cursor` field. */
export function invalidCursor(): AppError {
  return new AppError("validation", { fields: [{ field: "cursor", message: "Invalid cursor" }] });
}

/** The lists a cursor pages through; a cursor names its list in its signed payload. */
export type CursorList = "strategies" | "images" | "messages" | "brands";

/**
 * Opaque, signed list cursors. The cursor carries DynamoDB's LastEvaluatedKey and the list it pages through; the
 * HMAC binds both to the user who listed, so a tampered cursor, one taken from another user's listing, or one of
 * another list is rejected rather than followed.
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

  encode(userId: string, lastKey: Record<string, unknown>, list: CursorList): string {
    const payload = Buffer.from(JSON.stringify({ list, key: lastKey })).toString("base64url");
    return `${payload}.${this.sign(userId, payload).toString("base64url")}`;
  }

  /** The key to continue from (undefined without a cursor); throws invalidCursor() for one this service did not give this user. */
  startKey(userId: string, cursor: string | undefined, list: CursorList): Record<string, unknown> | undefined {
    if (cursor === undefined) return undefined;
    const key = this.decode(userId, cursor, list);
    if (!key) throw invalidCursor();
    return key;
  }

  /** The key to continue from, or undefined when the cursor is not one this service gave this user for this list. */
  decode(userId: string, cursor: string, list: CursorList): Record<string, unknown> | undefined {
    const [payload, signature, extra] = cursor.split(".");
    if (!payload || !signature || extra !== undefined) return undefined;
    const expected = this.sign(userId, payload);
    const given = Buffer.from(signature, "base64url");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      const signed: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
      if (!signed || typeof signed !== "object" || (signed as { list?: unknown }).list !== list) return undefined;
      const key = (signed as { key?: unknown }).key;
      return key && typeof key === "object" && !Array.isArray(key) ? (key as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }
}
