import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { startEmbeddedDynamo } from "../src/embedded";
import { createDocumentClient, ensureTables, strategiesTableDefinition, USER_ID_INDEX } from "../src/index";

describe("embedded DynamoDB", () => {
  it("keeps items on disk across a restart and serves the user index newest first", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dynamo-"));
    try {
      let db = await startEmbeddedDynamo({ path: dir });
      let client = createDocumentClient({ region: "us-east-1", endpoint: db.endpoint });
      await ensureTables(client, [strategiesTableDefinition("strategies-test")]);
      await ensureTables(client, [strategiesTableDefinition("strategies-test")]);
      for (const [id, createdAt] of [["a", "2026-01-01T00:00:00.000Z"], ["b", "2026-01-02T00:00:00.000Z"]]) {
        await client.send(new PutCommand({ TableName: "strategies-test", Item: { strategyId: id, userId: "u1", createdAt } }));
      }
      client.destroy();
      await db.close();

      db = await startEmbeddedDynamo({ path: dir });
      client = createDocumentClient({ region: "us-east-1", endpoint: db.endpoint });
      const got = await client.send(new GetCommand({ TableName: "strategies-test", Key: { strategyId: "a" } }));
      expect(got.Item?.userId).toBe("u1");
      const listed = await client.send(
        new QueryCommand({
          TableName: "strategies-test",
          IndexName: USER_ID_INDEX,
          KeyConditionExpression: "userId = :u",
          ExpressionAttributeValues: { ":u": "u1" },
          ScanIndexForward: false,
        }),
      );
      expect(listed.Items?.map((item) => item.strategyId)).toEqual(["b", "a"]);
      client.destroy();
      await db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
