import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ResourceInUseException } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { CreateTableCommandInput } from "@aws-sdk/client-dynamodb";

interface DynamoConnection {
  region: string;
  /** A local endpoint (dynalite, DynamoDB Local); absent for real DynamoDB. */
  endpoint?: string;
}

/** Builds the document client; a local endpoint gets dummy credentials so no AWS account is needed. */
export function createDocumentClient({ region, endpoint }: DynamoConnection): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region,
    ...(endpoint
      ? { endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } }
      : {}),
    maxAttempts: 3,
    // A stalled table must not hold a request (and its generation slot or idempotency lease) indefinitely.
    requestHandler: { requestTimeout: 5_000, connectionTimeout: 2_000 },
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

/** Creates each table that does not exist yet and waits until it is ACTIVE. */
export async function ensureTables(client: DynamoDBDocumentClient, definitions: CreateTableCommandInput[]): Promise<void> {
  for (const definition of definitions) {
    try {
      await client.send(new CreateTableCommand(definition));
    } catch (error) {
      if (!(error instanceof ResourceInUseException)) throw error;
    }
    for (let attempt = 0; attempt < 100; attempt++) {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: definition.TableName }));
      if (Table?.TableStatus === "ACTIVE") break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
