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

/**
 * Everything stored under a strategy, one partition per strategy: `version#000001` snapshots,
 * `message#000002#0` conversation messages, `session#…` (the Strands session of the refine conversation), and
 * later capabilities' items (`plan`, `post#<postId>`). Deleting a strategy deletes its whole partition.
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
