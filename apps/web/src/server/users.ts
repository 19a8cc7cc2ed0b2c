import "server-only";
import { randomUUID } from "node:crypto";
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import {
  createDocumentClient,
  ensureTables,
  limitsTableDefinition,
  LimitsStore,
  PasswordResetStore,
  sessionsTableDefinition,
  SessionStore,
  usersTableDefinition,
} from "@strategist/dynamo";
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
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: "attribute_not_exists(email)" }));
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new EmailTakenError(email);
      throw error;
    }
    return item;
  }

  /**
   * Sets a new password hash whatever the current one is (a password reset proves the mailbox, not the old
   * password); only while the email still belongs to `userId`. Returns whether it was set.
   */
  async setPasswordHash(email: string, userId: string, passwordHash: string): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { email },
          UpdateExpression: "SET passwordHash = :hash",
          ConditionExpression: "userId = :userId",
          ExpressionAttributeValues: { ":hash": passwordHash, ":userId": userId },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async findByEmail(email: string): Promise<UserItem | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { email }, ConsistentRead: true }));
    return (Item as UserItem | undefined) ?? null;
  }

  /**
   * Replaces the stored password hash only if it is still `previous`, so a rehash at log-in never
   * undoes a password change that landed in between. Returns whether it was replaced.
   */
  async replacePasswordHash(email: string, previous: string, next: string): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { email },
          UpdateExpression: "SET passwordHash = :next",
          ConditionExpression: "passwordHash = :previous",
          ExpressionAttributeValues: { ":next": next, ":previous": previous },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}

/** Local endpoints (dynalite, DynamoDB Local) start empty, so the table is created there without asking. */
function isLocalEndpoint(endpoint: string | undefined): boolean {
  if (!endpoint) return false;
  const { hostname } = new URL(endpoint);
  return hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
}

/**
 * The web app's tables: accounts, the log-in sessions that logging out ends, the limits shared with the agent, and
 * the password-reset tokens (kept in the limits table).
 */
export interface AccountStores {
  users: UserRepository;
  sessions: SessionStore;
  limits: LimitsStore;
  resets: PasswordResetStore;
}

/** Opens the tables on one client, creating them first when asked to or when the endpoint is local. */
export async function openAccountStores(config: WebConfig): Promise<AccountStores> {
  const client = createDocumentClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
  if (config.DYNAMODB_CREATE_TABLES || isLocalEndpoint(config.DYNAMODB_ENDPOINT)) {
    await ensureTables(client, [
      usersTableDefinition(config.DYNAMODB_USERS_TABLE),
      sessionsTableDefinition(config.DYNAMODB_SESSIONS_TABLE),
      limitsTableDefinition(config.DYNAMODB_LIMITS_TABLE),
    ]);
  }
  return {
    users: new UserRepository(client, config.DYNAMODB_USERS_TABLE),
    sessions: new SessionStore(client, config.DYNAMODB_SESSIONS_TABLE),
    limits: new LimitsStore(client, config.DYNAMODB_LIMITS_TABLE),
    resets: new PasswordResetStore(client, config.DYNAMODB_LIMITS_TABLE),
  };
}

let shared: Promise<AccountStores> | undefined;

/** The process's one set of stores; a failed start is forgotten so the next request retries. */
export function accountStores(): Promise<AccountStores> {
  shared ??= openAccountStores(webConfig()).catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}

/** The process's user repository. */
export async function userRepository(): Promise<UserRepository> {
  return (await accountStores()).users;
}

/** The process's session store. */
export async function sessionStore(): Promise<SessionStore> {
  return (await accountStores()).sessions;
}

/** The process's limits store (the limits table, shared with every web and agent task). */
export async function limitsStore(): Promise<LimitsStore> {
  return (await accountStores()).limits;
}
