import { startEmbeddedDynamo, type EmbeddedDynamo } from "@strategist/dynamo/embedded";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseWebConfig } from "@/server/config";
import { EmailTakenError, openAccountStores, type UserRepository } from "@/server/users";

let dynamo: EmbeddedDynamo;
let users: UserRepository;

beforeAll(async () => {
  dynamo = await startEmbeddedDynamo();
  // A local endpoint: the users table is created without DYNAMODB_CREATE_TABLES.
  users = (await openAccountStores(parseWebConfig({ JWT_SECRET: "x".repeat(32), DYNAMODB_ENDPOINT: dynamo.endpoint, DYNAMODB_USERS_TABLE: "users-test" })))
    .users;
});

afterAll(() => dynamo.close());

describe("user repository", () => {
  it("stores an account under its email with a fresh user id and finds it again", async () => {
    const created = await users.create("ana@example.com", "scrypt$hash", new Date("2026-03-04T10:00:00Z"));
    expect(created.userId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await users.findByEmail("ana@example.com")).toEqual({
      email: "ana@example.com",
      userId: created.userId,
      passwordHash: "scrypt$hash",
      createdAt: "2026-03-04T10:00:00.000Z",
    });
    expect(await users.findByEmail("nobody@example.com")).toBeNull();
  });

  it("lets exactly one of many racing sign-ups for an email win", async () => {
    const attempts = await Promise.allSettled(Array.from({ length: 8 }, (_, index) => users.create("race@example.com", `hash-${index}`)));
    const won = attempts.filter((attempt) => attempt.status === "fulfilled");
    expect(won).toHaveLength(1);
    expect(attempts.filter((attempt) => attempt.status === "rejected").every((attempt) => attempt.reason instanceof EmailTakenError)).toBe(true);
    expect((await users.findByEmail("race@example.com"))?.userId).toBe((won[0] as PromiseFulfilledResult<{ userId: string }>).value.userId);
  });
});

describe("password hash replacement", () => {
  it("replaces the hash only while it is still the one the caller read", async () => {
    await users.create("rehash@example.com", "scrypt$old");
    expect(await users.replacePasswordHash("rehash@example.com", "scrypt$old", "$argon2id$new")).toBe(true);
    expect((await users.findByEmail("rehash@example.com"))?.passwordHash).toBe("$argon2id$new");
    // A second rehash racing on the same old hash loses, and the newer hash stays.
    expect(await users.replacePasswordHash("rehash@example.com", "scrypt$old", "$argon2id$other")).toBe(false);
    expect((await users.findByEmail("rehash@example.com"))?.passwordHash).toBe("$argon2id$new");
  });
});
