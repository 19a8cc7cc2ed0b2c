import { QueryCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { USER_ID_INDEX } from "./tables";

/** A page of a user's items and the key to continue from, if any. */
interface UserPage {
  items: Record<string, unknown>[];
  lastKey?: Record<string, unknown>;
}

/**
 * One page of a user's items, newest first, through a table's UserIdIndex. Keeps querying while DynamoDB returns
 * fewer items than asked (its 1 MB page cap) and a LastEvaluatedKey.
 */
export async function queryNewestByUser(
  client: DynamoDBDocumentClient,
  tableName: string,
  userId: string,
  limit: number,
  startKey?: Record<string, unknown>,
  /** Read only these attributes (a ProjectionExpression and the names it uses). */
  projection?: { ProjectionExpression: string; ExpressionAttributeNames: Record<string, string> },
): Promise<UserPage> {
  const items: Record<string, unknown>[] = [];
  let exclusiveStartKey = startKey;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: USER_ID_INDEX,
        KeyConditionExpression: "userId = :userId",
        ExpressionAttributeValues: { ":userId": userId },
        ...projection,
        ScanIndexForward: false,
        Limit: limit - items.length,
        ExclusiveStartKey: exclusiveStartKey,
      }),
    );
    items.push(...(page.Items ?? []));
    exclusiveStartKey = page.LastEvaluatedKey;
  } while (exclusiveStartKey && items.length < limit);
  return { items, lastKey: exclusiveStartKey };
}
