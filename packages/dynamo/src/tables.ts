import type { CreateTableCommandInput } from "@aws-sdk/client-dynamodb";

/** Name of the strategies table's index that lists a user's strategies by creation time. */
export const USER_ID_INDEX = "UserIdIndex";

/** A table keyed by one id attribute, with `UserIdIndex` on `userId` + `createdAt` (projection ALL) for listing a user's items. */
function userIndexedTable(tableName: string, key: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST",
    KeySchema: [{ AttributeName: key, KeyType: "HASH" }],
    AttributeDefinitions: [
      { AttributeName: key, AttributeType: "S" },
      { AttributeName: "userId", AttributeType: "S" },
      { AttributeName: "createdAt", AttributeType: "S" },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: USER_ID_INDEX,
        KeySchema: [
          { AttributeName: "userId", KeyType: "HASH" },
          { AttributeName: "createdAt", KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "ALL" },
      },
    ],
  };
}

/** The strategies table: `strategyId` key, `UserIdIndex` on `userId` + `createdAt`, projection ALL. */
export function strategiesTableDefinition(tableName: string): CreateTableCommandInput {
  return userIndexedTable(tableName, "strategyId");
}

/** The users table: one item per account, keyed by the normalised email so sign-up can be a conditional put. */
export function usersTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST",
    KeySchema: [{ AttributeName: "email", KeyType: "HASH" }],
    AttributeDefinitions: [{ AttributeName: "email", AttributeType: "S" }],
  };
}

/** The brands table: `brandId` key, `UserIdIndex` on `userId` + `createdAt` to list a user's brand profiles. */
export function brandsTableDefinition(tableName: string): CreateTableCommandInput {
  return userIndexedTable(tableName, "brandId");
}
/**
 * Everything stored under a strategy, one partition per strategy: `version#000001` snapshots,
 * `message#000002#0` conversation messages, `session#…` (the Strands session of the refine conversation), and
 * the content plan's items (`plan`, `post#<postId>`). Deleting a strategy deletes its whole partition.
 */
export function strategyItemsTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST",
    KeySchema: [
      { AttributeName: "strategyId", KeyType: "HASH" },
      { AttributeName: "itemKey", KeyType: "RANGE" },
    ],
    AttributeDefinitions: [
      { AttributeName: "strategyId", AttributeType: "S" },
      { AttributeName: "itemKey", AttributeType: "S" },
    ],
  };
}

/**
 * The limits table: rate counters, generation leases, the failed-login throttle and per-IP limits of the agent
 * and the web, and the web's password-reset tokens (`password-reset#<sha256>`), one item per `key`. `expiresAt` (epoch seconds) is the TTL attribute; readers never trust an item
 * past its time (dynalite has no TTL), so TTL only keeps the table small.
 */
export function limitsTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST",
    KeySchema: [{ AttributeName: "key", KeyType: "HASH" }],
    AttributeDefinitions: [{ AttributeName: "key", AttributeType: "S" }],
  };
}

/** Name of the sessions table's index that finds a user's sessions (to revoke all but one). */
export const SESSION_USER_INDEX = "UserIdIndex";

/**
 * The sessions table: one item per web log-in, keyed by `sessionId`; `expiresAt` (epoch seconds) is the
 * TTL attribute. Logging out deletes the item; `UserIdIndex` finds a user's other sessions to revoke.
 */
export function sessionsTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST",
    KeySchema: [{ AttributeName: "sessionId", KeyType: "HASH" }],
    AttributeDefinitions: [
      { AttributeName: "sessionId", AttributeType: "S" },
      { AttributeName: "userId", AttributeType: "S" },
      { AttributeName: "createdAt", AttributeType: "S" },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: SESSION_USER_INDEX,
        KeySchema: [
          { AttributeName: "userId", KeyType: "HASH" },
          { AttributeName: "createdAt", KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "KEYS_ONLY" },
      },
    ],
  };
}

/** Index of the image-jobs table listing a strategy's jobs by creation time. */
export const STRATEGY_ID_INDEX = "StrategyIdIndex";
/**
 * Sparse index of the image-jobs table: only jobs still queued or processing carry `activeUserId`, so it counts a
 * user's running jobs (the per-user limit) and lists every unfinished job for the sweep without a table scan.
 */
export const ACTIVE_JOBS_INDEX = "ActiveJobsIndex";

/** The image-jobs table: `jobId` key; StrategyIdIndex (`strategyId`, `createdAt`); sparse ActiveJobsIndex. */
export function imageJobsTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST",
    KeySchema: [{ AttributeName: "jobId", KeyType: "HASH" }],
    AttributeDefinitions: [
      { AttributeName: "jobId", AttributeType: "S" },
      { AttributeName: "strategyId", AttributeType: "S" },
      { AttributeName: "createdAt", AttributeType: "S" },
      { AttributeName: "activeUserId", AttributeType: "S" },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: STRATEGY_ID_INDEX,
        KeySchema: [
          { AttributeName: "strategyId", KeyType: "HASH" },
          { AttributeName: "createdAt", KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "ALL" },
      },
      {
        IndexName: ACTIVE_JOBS_INDEX,
        KeySchema: [
          { AttributeName: "activeUserId", KeyType: "HASH" },
          { AttributeName: "createdAt", KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "KEYS_ONLY" },
      },
    ],
  };
}

/** Index of the API keys table that finds a key by the SHA-256 of its secret. */
export const KEY_HASH_INDEX = "KeyHashIndex";

/**
 * The API keys table: `keyId` key; `KeyHashIndex` on `keyHash` (keys only) finds a key from its secret's hash, then
 * the item is read from the table itself (strongly consistent); `UserIdIndex` on `userId` + `createdAt` lists a
 * user's keys. Only the hash of a secret is stored. Revoking a key deletes its item.
 */
export function apiKeysTableDefinition(tableName: string): CreateTableCommandInput {
  const table = userIndexedTable(tableName, "keyId");
  return {
    ...table,
    AttributeDefinitions: [...table.AttributeDefinitions!, { AttributeName: "keyHash", AttributeType: "S" }],
    GlobalSecondaryIndexes: [
      ...table.GlobalSecondaryIndexes!,
      { IndexName: KEY_HASH_INDEX, KeySchema: [{ AttributeName: "keyHash", KeyType: "HASH" }], Projection: { ProjectionType: "KEYS_ONLY" } },
    ],
  };
}
