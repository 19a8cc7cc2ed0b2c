import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DynamoDBClient, GetItemCommand, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMetrics, instrumentDynamoDb } from "../src/index";
import { seriesOf } from "./support/exposition";

/** Answers GetItem with an empty item and PutItem with a validation error, as DynamoDB's JSON protocol does. */
const endpoint: Server = createServer((request, response) => {
  const target = String(request.headers["x-amz-target"] ?? "");
  request.resume();
  request.on("end", () => {
    if (target.endsWith(".GetItem")) {
      response.writeHead(200, { "content-type": "application/x-amz-json-1.0" }).end("{}");
      return;
    }
    response
      .writeHead(400, { "content-type": "application/x-amz-json-1.0", "x-amzn-errortype": "ValidationException" })
      .end(JSON.stringify({ __type: "com.amazon.coral.validate#ValidationException", message: "One or more parameter values were invalid" }));
  });
});

beforeAll(() => new Promise<void>((resolve) => endpoint.listen(0, "127.0.0.1", resolve)));
afterAll(() => new Promise<void>((resolve) => endpoint.close(() => resolve())));

describe("instrumentDynamoDb", () => {
  it("times each call by operation and outcome, and no key, table or item reaches a label", async () => {
    const metrics = createMetrics();
    const client = new DynamoDBClient({
      endpoint: `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}`,
      region: "us-east-1",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
      maxAttempts: 1,
    });
    instrumentDynamoDb(client, metrics);
    await client.send(new GetItemCommand({ TableName: "strategies-secret-table", Key: { strategyId: { S: "someone@example.com" } } }));
    await expect(client.send(new PutItemCommand({ TableName: "strategies-secret-table", Item: { strategyId: { S: "x" } } }))).rejects.toThrow(/invalid/);
    const counts = seriesOf(await metrics.expose(), "strategist_dynamodb_call_duration_seconds_count");
    expect(counts.map((sample) => sample.labels)).toEqual([
      { operation: "GetItem", outcome: "ok" },
      { operation: "PutItem", outcome: "error" },
    ]);
    expect(await metrics.expose()).not.toMatch(/secret-table|example\.com/);
    client.destroy();
  });

  it("adding it twice keeps one middleware (each call is counted once)", async () => {
    const metrics = createMetrics();
    const client = new DynamoDBClient({
      endpoint: `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}`,
      region: "us-east-1",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });
    instrumentDynamoDb(client, metrics);
    instrumentDynamoDb(client, metrics);
    await client.send(new GetItemCommand({ TableName: "t", Key: { id: { S: "1" } } }));
    expect(await metrics.expose()).toMatch(/strategist_dynamodb_call_duration_seconds_count\{operation="GetItem",outcome="ok"\} 1\n/);
    client.destroy();
  });
});
