import { randomUUID } from "node:crypto";
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createDocumentClient, ensureTables, usersTableDefinition } from "@strategist/dynamo";
import { webConfig, type WebConfig } from "./config";

/** An account as stored in the users table, keyed by the normalised email. */
export interface UserItem {
  email: string;
  userId: string;
  passwordHash: string;
  createdAt: string;
}

export class EmailTakenError extends Error {
  override name = "EmailTakenError";
}

/** DynamoDB access for accounts: nothing here knows about HTTP or passwords. */
export class UserRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Creates an account; a conditional put so two sign-ups racing for one email cannot both win. */
  async create(email: string, passwordHash: string, now = new Date()): Promise<UserItem> {
    const item: UserItem = { email, userId: randomUUID(), passwordHash, createdAt: now.toISOString() };
    try {
      await this.client.send(
        new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: "attribute_not_exists(email)" }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new EmailTakenError(email);
      throw error;
    }
    return item;
  }

  async findByEmail(email: string): Promise<UserItem | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { email }, ConsistentRead: true }));
    return (Item as UserItem | undefined) ?? null;
  }
}

/** Local endpoints (dynalite, DynamoDB Local) start empty, so the table is created there without asking. */
function isLocalEndpoint(endpoint: string | undefined): boolean {
  if (!endpoint) return false;
  const { hostname } = new URL(endpoint);
  return hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
}

/** Builds the repository for a configuration, creating the users table first when asked to or when local. */
export async function openUserRepository(config: WebConfig): Promise<UserRepository> {
  const client = createDocumentClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
  if (config.DYNAMODB_CREATE_TABLES || isLocalEndpoint(config.DYNAMODB_ENDPOINT)) {
    await ensureTables(client, [usersTableDefinition(config.DYNAMODB_USERS_TABLE)]);
  }
  return new UserRepository(client, config.DYNAMODB_USERS_TABLE);
}

let shared: Promise<UserRepository> | undefined;

/** The process's one repository; a failed start is forgotten so the next request retries. */
export function userRepository(): Promise<UserRepository> {
  shared ??= openUserRepository(webConfig()).catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}
