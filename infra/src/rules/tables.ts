import type { Block, TerraformConfig } from "../terraform";

function attributeTypes(table: Block): Record<string, string> {
  return Object.fromEntries(((table.attribute ?? []) as Block[]).map((attribute) => [attribute.name, attribute.type]));
}

function sameMap(actual: Record<string, string>, expected: Record<string, string>): boolean {
  return JSON.stringify(Object.entries(actual).sort()) === JSON.stringify(Object.entries(expected).sort());
}

function commonProblems(label: string, table: Block): string[] {
  const problems: string[] = [];
  if (table.billing_mode !== "PAY_PER_REQUEST") problems.push(`${label}: billing_mode must be PAY_PER_REQUEST, got ${table.billing_mode}`);
  if (table.point_in_time_recovery?.[0]?.enabled !== true) problems.push(`${label}: point_in_time_recovery must be enabled`);
  if (table.server_side_encryption?.[0]?.enabled !== true) problems.push(`${label}: server_side_encryption must be enabled`);
  if (!table.tags) problems.push(`${label}: tags are missing`);
  return problems;
}

/** A table keyed by one id with UserIdIndex (userId + createdAt, projection ALL) listing a user's items newest first. */
function userIndexedTableProblems(label: string, table: Block | undefined, key: string): string[] {
  if (!table) return [`aws_dynamodb_table.${label} is missing`];
  const problems = commonProblems(label, table);
  if (table.hash_key !== key) problems.push(`${label}: hash_key must be ${key}, got ${table.hash_key}`);
  if (table.range_key !== undefined) problems.push(`${label}: the table has no sort key (ids are unique on their own)`);
  const types = attributeTypes(table);
  if (!sameMap(types, { [key]: "S", userId: "S", createdAt: "S" })) {
    problems.push(`${label}: attributes must be ${key}, userId, createdAt, all S; got ${JSON.stringify(types)}`);
  }
  const indexes = (table.global_secondary_index ?? []) as Block[];
  const byUser = indexes.find((index) => index.name === "UserIdIndex");
  if (!byUser) {
    problems.push(`${label}: global secondary index UserIdIndex is missing`);
  } else {
    if (byUser.hash_key !== "userId") problems.push(`${label}: UserIdIndex hash key must be userId, got ${byUser.hash_key}`);
    if (byUser.range_key !== "createdAt") problems.push(`${label}: UserIdIndex range key must be createdAt, got ${byUser.range_key}`);
    if (byUser.projection_type !== "ALL") problems.push(`${label}: UserIdIndex projection must be ALL, got ${byUser.projection_type}`);
  }
  return problems;
}

/** The strategies, brands, strategy-items, users, sessions and API keys tables: keys, types, indexes, TTL, billing, recovery, encryption. */
export function tableProblems(config: TerraformConfig): string[] {
  const tables = config.resources.aws_dynamodb_table ?? {};
  const problems: string[] = [
    ...userIndexedTableProblems("strategies", tables.strategies, "strategyId"),
    ...userIndexedTableProblems("brands", tables.brands, "brandId"),
  ];

  const items = tables.strategy_items;
  if (!items) {
    problems.push("aws_dynamodb_table.strategy_items is missing");
  } else {
    problems.push(...commonProblems("strategy_items", items));
    if (items.hash_key !== "strategyId") problems.push(`strategy_items: hash_key must be strategyId, got ${items.hash_key}`);
    if (items.range_key !== "itemKey") problems.push(`strategy_items: range_key must be itemKey, got ${items.range_key}`);
    const types = attributeTypes(items);
    if (!sameMap(types, { strategyId: "S", itemKey: "S" })) {
      problems.push(`strategy_items: attributes must be strategyId and itemKey, both S; got ${JSON.stringify(types)}`);
    }
  }

  const users = tables.users;
  if (!users) {
    problems.push("aws_dynamodb_table.users is missing");
  } else {
    problems.push(...commonProblems("users", users));
    if (users.hash_key !== "email") problems.push(`users: hash_key must be email, got ${users.hash_key}`);
    const types = attributeTypes(users);
    if (!sameMap(types, { email: "S" })) problems.push(`users: attributes must be email S only; got ${JSON.stringify(types)}`);
  }

  const limits = tables.limits;
  if (!limits) {
    problems.push("aws_dynamodb_table.limits is missing");
  } else {
    // Short-lived counters and leases: no point-in-time recovery needed, but TTL on expiresAt is.
    if (limits.billing_mode !== "PAY_PER_REQUEST") problems.push(`limits: billing_mode must be PAY_PER_REQUEST, got ${limits.billing_mode}`);
    if (limits.server_side_encryption?.[0]?.enabled !== true) problems.push("limits: server_side_encryption must be enabled");
    if (limits.hash_key !== "key") problems.push(`limits: hash_key must be key, got ${limits.hash_key}`);
    const types = attributeTypes(limits);
    if (!sameMap(types, { key: "S" })) problems.push(`limits: attributes must be key S only; got ${JSON.stringify(types)}`);
    const ttl = limits.ttl?.[0];
    if (ttl?.enabled !== true || ttl?.attribute_name !== "expiresAt") problems.push("limits: TTL must be enabled on expiresAt");
  }
  const sessions = tables.sessions;
  if (!sessions) {
    problems.push("aws_dynamodb_table.sessions is missing");
  } else {
    problems.push(...commonProblems("sessions", sessions));
    if (sessions.hash_key !== "sessionId") problems.push(`sessions: hash_key must be sessionId, got ${sessions.hash_key}`);
    const types = attributeTypes(sessions);
    if (!sameMap(types, { sessionId: "S", userId: "S", createdAt: "S" })) {
      problems.push(`sessions: attributes must be sessionId, userId, createdAt, all S; got ${JSON.stringify(types)}`);
    }
    const ttl = sessions.ttl?.[0];
    if (ttl?.enabled !== true || ttl?.attribute_name !== "expiresAt") problems.push("sessions: TTL on expiresAt must be enabled");
    const byUser = ((sessions.global_secondary_index ?? []) as Block[]).find((index) => index.name === "UserIdIndex");
    if (byUser?.hash_key !== "userId") problems.push("sessions: global secondary index UserIdIndex on userId is missing");
  }
  const keys = tables.api_keys;
  if (!keys) {
    problems.push("aws_dynamodb_table.api_keys is missing");
  } else {
    problems.push(...commonProblems("api_keys", keys));
    if (keys.hash_key !== "keyId") problems.push(`api_keys: hash_key must be keyId, got ${keys.hash_key}`);
    const types = attributeTypes(keys);
    if (!sameMap(types, { keyId: "S", keyHash: "S", userId: "S", createdAt: "S" })) {
      problems.push(`api_keys: attributes must be keyId, keyHash, userId, createdAt, all S; got ${JSON.stringify(types)}`);
    }
    const indexes = (keys.global_secondary_index ?? []) as Block[];
    const byHash = indexes.find((index) => index.name === "KeyHashIndex");
    if (byHash?.hash_key !== "keyHash") problems.push("api_keys: global secondary index KeyHashIndex on keyHash is missing");
    // The index names the key only: the item itself is read from the table, strongly consistent.
    else if (byHash.projection_type !== "KEYS_ONLY") problems.push(`api_keys: KeyHashIndex projection must be KEYS_ONLY, got ${byHash.projection_type}`);
    const byUser = indexes.find((index) => index.name === "UserIdIndex");
    if (byUser?.hash_key !== "userId" || byUser?.range_key !== "createdAt")
      problems.push("api_keys: global secondary index UserIdIndex on userId + createdAt is missing");
  }
  return problems;
}
