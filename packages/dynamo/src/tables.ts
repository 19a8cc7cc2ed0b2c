import type { CreateTableCommandInput } from "@aws-sdk/client-dynamodb";

/** Name of the strategies table's index that lists a user's strategies by creation time. */
export const USER_ID_INDEX = "UserIdIndex";

/** The seed's strategies table: `strategyId` key, `UserIdIndex` on `userId` + `createdAt`, projection ALL. */
export function strategiesTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST",
    KeySchema: [{ AttributeName: "strategyId", KeyType: "HASH" }],
    AttributeDefinitions: [
      { AttributeName: "strategyId", AttributeType: "S" },
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

/** The users table: one item per account, keyed by the normalised email so sign-up can be a conditional put. */
export function usersTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST",
    KeySchema: [{ AttributeName: "email", KeyType: "HASH" }],
    AttributeDefinitions: [{ AttributeName: "email", AttributeType: "S" }],
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
