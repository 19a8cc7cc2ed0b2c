import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { USER_ID_INDEX } from "@strategist/dynamo";
import type { FastifyInstance } from "fastify";

/**
 * Bare routes doing the agent's DynamoDB work with the same SDK client on the same data, and nothing else (no auth,
 * no validation, no limits, no mapping): the agent's ratio to these isolates the service's own overhead. Each makes
 * exactly the call the agent's route makes (the get is a strongly consistent read, as the agent's is).
 */
export function bareReadRoutes(bare: FastifyInstance, client: DynamoDBDocumentClient, table: string, userId: string): void {
  const userQuery = (projection?: { ProjectionExpression: string; ExpressionAttributeNames: Record<string, string> }) =>
    new QueryCommand({
      TableName: table,
      IndexName: USER_ID_INDEX,
      KeyConditionExpression: "#user = :userId",
      ExpressionAttributeValues: { ":userId": userId },
      ExpressionAttributeNames: { "#user": "userId", ...projection?.ExpressionAttributeNames },
      ...(projection ? { ProjectionExpression: projection.ProjectionExpression } : {}),
      ScanIndexForward: false,
      Limit: 20,
    });
  bare.get("/bare", async () => ({ status: "ok" }));
  bare.get("/bare/list", async () => (await client.send(userQuery())).Items);
  bare.get(
    "/bare/summary",
    async () =>
      (
        await client.send(
          userQuery({
            ProjectionExpression: "#id, #user, #brand, #industry, #created, #updated, #model, #version",
            ExpressionAttributeNames: {
              "#id": "strategyId",
              "#brand": "brandName",
              "#industry": "industry",
              "#created": "createdAt",
              "#updated": "updatedAt",
              "#model": "modelId",
              "#version": "version",
            },
          }),
        )
      ).Items,
  );
  bare.get<{ Params: { id: string } }>(
    "/bare/get/:id",
    async (request) => (await client.send(new GetCommand({ TableName: table, Key: { strategyId: request.params.id }, ConsistentRead: true }))).Item,
  );
}
