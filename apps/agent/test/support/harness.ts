import { randomUUID } from "node:crypto";
import { GetCommand, QueryCommand, ScanCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Model } from "@strands-agents/sdk";
import type { S3Client } from "@aws-sdk/client-s3";
import {
  brandsTableDefinition,
  createDocumentClient,
  ensureTables,
  imageJobsTableDefinition,
  limitsTableDefinition,
  sessionsTableDefinition,
  apiKeysTableDefinition,
  strategiesTableDefinition,
  strategyItemsTableDefinition,
} from "@strategist/dynamo";
import { startEmbeddedDynamo, type EmbeddedDynamo } from "@strategist/dynamo/embedded";
import { createS3Client, ensureBucket } from "@strategist/storage";
import { startEmbeddedS3, type EmbeddedS3 } from "@strategist/storage/embedded";
import { createSigner } from "fast-jwt";
import type { FastifyInstance } from "fastify";
import { ModelCatalog, type CatalogEntry } from "../../src/models/catalog";
import type { ImageModelCatalog } from "../../src/models/image-models";
import { createCatalog } from "../../src/models/providers";
import { loadConfig, type AgentConfig } from "../../src/core/config";
import { createAgentApp } from "../../src/main/service-factory";
import { OFFLINE_WRITERS } from "../../src/main/offline-writers";

export const TEST_SECRET = "test-secret-that-is-long-enough-for-hs256-0123456789";

let shared: Promise<{ dynamo: EmbeddedDynamo; client: DynamoDBDocumentClient }> | undefined;

/** One in-memory dynalite per test file; each harness gets its own table. */
function database() {
  shared ??= startEmbeddedDynamo().then((dynamo) => ({
    dynamo,
    client: createDocumentClient({ region: "us-east-1", endpoint: dynamo.endpoint }),
  }));
  return shared;
}

let sharedS3: Promise<{ server: EmbeddedS3; s3: S3Client }> | undefined;

/** One embedded S3 per test file (objects in a temporary directory); each harness gets its own bucket. */
export function objectStorage() {
  sharedS3 ??= startEmbeddedS3().then((server) => ({ server, s3: createS3Client({ region: "us-east-1", endpoint: server.endpoint }) }));
  return sharedS3;
}

export interface HarnessOptions {
  /** Models offered; the first is the default. Absent: the catalog the configuration describes (offline by default). */
  models?: { id: string; model: Model }[];
  env?: Record<string, string>;
  /** Image models offered (the first is the default); absent: what the configuration describes. */
  imageModels?: ImageModelCatalog;
  clock?: () => Date;
  sseHeartbeatMs?: number;
}

export interface Harness {
  app: FastifyInstance;
  config: AgentConfig;
  client: DynamoDBDocumentClient;
  table: string;
  /** This harness's strategy-items table (versions, messages, sessions). */
  itemsTable: string;
  /** The image bucket's client (an embedded S3); the bucket is config.S3_BUCKET. */
  s3: S3Client;
  /** A valid token for a user (HS256, `userId`, one hour). */
  token(userId: string): string;
  /** The stored item for a strategy id, read from the base table. */
  storedItem(strategyId: string): Promise<Record<string, unknown> | undefined>;
  /** Every strategy in this harness's strategies table (idempotency bookkeeping left out). */
  storedItems(): Promise<Record<string, unknown>[]>;
  /** Every item in this harness's strategy-items table, optionally only under one strategy. */
  strategyItems(strategyId?: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

const sign = createSigner({ key: TEST_SECRET, algorithm: "HS256", expiresIn: 3_600_000 });

/** Builds the real app on dynalite with the given models; nothing of ours is mocked. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const { client } = await database();
  const { s3 } = await objectStorage();
  const table = `strategies-${randomUUID()}`;
  const itemsTable = `strategy-items-${randomUUID()}`;
  const brandsTable = `brands-${randomUUID()}`;
  const config = loadConfig({
    JWT_SECRET: TEST_SECRET,
    DYNAMODB_STRATEGIES_TABLE: table,
    DYNAMODB_STRATEGY_ITEMS_TABLE: itemsTable,
    DYNAMODB_LIMITS_TABLE: `limits-${randomUUID()}`,
    DYNAMODB_SESSIONS_TABLE: `sessions-${table}`,
    DYNAMODB_IMAGE_JOBS_TABLE: `image-jobs-${randomUUID()}`,
    S3_BUCKET: `images-${randomUUID()}`,
    DYNAMODB_BRANDS_TABLE: brandsTable,
    DYNAMODB_API_KEYS_TABLE: `api-keys-${randomUUID()}`,
    RATE_LIMIT_PER_MINUTE: "1000",
    ...options.env,
  });
  await ensureTables(client, [
    strategiesTableDefinition(table),
    strategyItemsTableDefinition(itemsTable),
    limitsTableDefinition(config.DYNAMODB_LIMITS_TABLE),
    sessionsTableDefinition(config.DYNAMODB_SESSIONS_TABLE),
    imageJobsTableDefinition(config.DYNAMODB_IMAGE_JOBS_TABLE),
    brandsTableDefinition(brandsTable),
    apiKeysTableDefinition(config.DYNAMODB_API_KEYS_TABLE),
  ]);
  await ensureBucket(s3, config.S3_BUCKET);
  const catalog = options.models
    ? new ModelCatalog(
        options.models.map(({ id, model }, index): CatalogEntry => ({ id, name: id, provider: "bedrock", default: index === 0, create: () => model })),
      )
    : createCatalog(config, OFFLINE_WRITERS);
  const app = await createAgentApp({
    config,
    client,
    s3,
    catalog,
    imageModels: options.imageModels,
    clock: options.clock,
    sseHeartbeatMs: options.sseHeartbeatMs,
  });
  await app.ready();
  return {
    app,
    config,
    client,
    table,
    itemsTable,
    s3,
    token: (userId) => sign({ userId }),
    storedItem: async (strategyId) => (await client.send(new GetCommand({ TableName: table, Key: { strategyId }, ConsistentRead: true }))).Item,
    storedItems: async () => {
      const items: Record<string, unknown>[] = [];
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await client.send(new ScanCommand({ TableName: table, ConsistentRead: true, ExclusiveStartKey }));
        items.push(...(page.Items ?? []).filter((item) => typeof item.userId === "string"));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return items;
    },
    strategyItems: async (strategyId) => {
      const items: Record<string, unknown>[] = [];
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await client.send(
          strategyId === undefined
            ? new ScanCommand({ TableName: itemsTable, ConsistentRead: true, ExclusiveStartKey })
            : new QueryCommand({
                TableName: itemsTable,
                KeyConditionExpression: "strategyId = :id",
                ExpressionAttributeValues: { ":id": strategyId },
                ConsistentRead: true,
                ExclusiveStartKey,
              }),
        );
        items.push(...(page.Items ?? []));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return items;
    },
    close: () => app.close(),
  };
}

export const VALID_BRIEF = {
  brand_name: "TechCorp",
  industry: "SaaS",
  target_audience: "B2B decision makers",
  goals: "Increase brand awareness",
} as const;

/** POST /api/strategy/generate as a user. */
export function generate(harness: Harness, userId: string, body: unknown) {
  return harness.app.inject({
    method: "POST",
    url: "/api/strategy/generate",
    headers: { authorization: `Bearer ${harness.token(userId)}` },
    payload: body as object,
  });
}
