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

/** The seed's strategies table: `strategyId` key, `UserIdIndex` on `userId` + `createdAt`, projection ALL. */
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
