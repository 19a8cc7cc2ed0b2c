import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedDynamo, type EmbeddedDynamo } from "../src/embedded";
import { createDocumentClient, ensureTables, limitsTableDefinition, PASSWORD_RESET_TTL_MS, PasswordResetStore, resetTokenHash } from "../src/index";

let db: EmbeddedDynamo;
let client: ReturnType<typeof createDocumentClient>;
const TABLE = "limits-resets-test";

beforeAll(async () => {
  db = await startEmbeddedDynamo();
  client = createDocumentClient({ region: "us-east-1", endpoint: db.endpoint });
  await ensureTables(client, [limitsTableDefinition(TABLE)]);
});

afterAll(async () => {
  client.destroy();
  await db.close();
});

const account = (name: string) => ({ userId: `user-${name}-${Math.random().toString(36).slice(2)}`, email: `${name}@example.com` });

describe("password reset store", () => {
  it("stores only the token's SHA-256, never the token, and a 30-minute TTL", async () => {
    const now = new Date("2026-05-01T10:00:00Z");
    const resets = new PasswordResetStore(client, TABLE, () => now);
    const { token, expiresAt } = await resets.issue(account("hashed"));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(expiresAt.getTime() - now.getTime()).toBe(PASSWORD_RESET_TTL_MS);
    const { Items = [] } = await client.send(new ScanCommand({ TableName: TABLE }));
    expect(JSON.stringify(Items)).not.toContain(token);
    const item = Items.find((stored) => stored.key === `password-reset#${resetTokenHash(token)}`);
    expect(item).toMatchObject({ expiresAt: Math.ceil(expiresAt.getTime() / 1000) });
  });

  it("a token is used up once: the first use answers its account, every later use nothing", async () => {
    const resets = new PasswordResetStore(client, TABLE);
    const owner = account("once");
    const { token } = await resets.issue(owner);
    expect(await resets.consume(token)).toEqual(owner);
    expect(await resets.consume(token)).toBeNull();
    expect(await resets.consume("not-a-token-we-issued")).toBeNull();
  });

  it("of any number of concurrent uses of one token, exactly one gets the account", async () => {
    const resets = new PasswordResetStore(client, TABLE);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 10 }), async (uses) => {
        const owner = account("race");
        const { token } = await resets.issue(owner);
        const results = await Promise.all(Array.from({ length: uses }, () => resets.consume(token)));
        expect(results.filter((result) => result !== null)).toEqual([owner]);
      }),
      { numRuns: 100 },
    );
  });

  it("refuses a token from the moment it expires, though its item is still there", async () => {
    let now = new Date("2026-05-01T10:00:00Z");
    const resets = new PasswordResetStore(client, TABLE, () => now);
    const { token, expiresAt } = await resets.issue(account("expired"));
    now = new Date(expiresAt.getTime() + 1000);
    expect(await resets.consume(token)).toBeNull();
  });

  it("a new request deletes the user's earlier unused token, and leaves other users' tokens alone", async () => {
    const resets = new PasswordResetStore(client, TABLE);
    const [owner, other] = [account("again"), account("bystander")];
    const first = await resets.issue(owner);
    const others = await resets.issue(other);
    const second = await resets.issue(owner);
    expect(await resets.consume(first.token)).toBeNull();
    expect(await resets.consume(second.token)).toEqual(owner);
    expect(await resets.consume(others.token)).toEqual(other);
  });
});
