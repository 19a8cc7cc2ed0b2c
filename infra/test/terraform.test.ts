import { beforeAll, describe, expect, it } from "vitest";
import { withEdit } from "../src/mutation";
import { parseTerraform, readTerraformSources, type TerraformConfig } from "../src/terraform";
import { tableProblems } from "../src/rules/tables";
import { policyDocumentProblems, taskRoleProblems } from "../src/rules/iam";
import { jwtSecretProblems } from "../src/rules/secrets";
import { agentEgressProblems, agentIsolationProblems } from "../src/rules/network";
import { operationsProblems } from "../src/rules/alarms";

const sources = readTerraformSources();
let stack: TerraformConfig;

beforeAll(async () => {
  stack = await parseTerraform(sources);
});

/** Applies a hand-made breakage and returns what the check reports about it. */
async function problemsAfter(check: (config: TerraformConfig) => string[], file: string, from: string | RegExp, to: string): Promise<string[]> {
  return check(await parseTerraform(withEdit(sources, file, from, to)));
}

// The breakage cases re-parse the stack once per edit (~0.1 s each here); leave room on a busy machine.
describe("DynamoDB tables", { timeout: 30_000 }, () => {
  it("have a strategyId key, UserIdIndex on userId + createdAt (ALL); strategy items on strategyId + itemKey; on-demand, PITR and SSE on every table", () => {
    expect(tableProblems(stack)).toEqual([]);
  });

  it("report a wrong key, a wrong attribute type, a changed index, provisioned billing, PITR or SSE off", async () => {
    expect(
      await problemsAfter(
        tableProblems,
        "dynamodb.tf",
        /hash_key {20}= "strategyId"\n  deletion_protection_enabled/,
        'hash_key = "id"\n  deletion_protection_enabled',
      ),
    ).toContain("strategies: hash_key must be strategyId, got id");
    expect(
      (
        await problemsAfter(
          tableProblems,
          "dynamodb.tf",
          /name = "createdAt"\n    type = "S"(?=\n  \}\n\n  # A user's history)/,
          'name = "createdAt"\n    type = "N"',
        )
      ).join(),
    ).toMatch(/attributes must be/);
    expect(
      await problemsAfter(tableProblems, "dynamodb.tf", /range_key {7}= "createdAt"(?=\n    projection_type = "ALL")/, 'range_key = "updatedAt"'),
    ).toContain("strategies: UserIdIndex range key must be createdAt, got updatedAt");
    expect(await problemsAfter(tableProblems, "dynamodb-brands.tf", 'hash_key                    = "brandId"', 'hash_key = "id"')).toContain(
      "brands: hash_key must be brandId, got id",
    );
    expect(await problemsAfter(tableProblems, "dynamodb.tf", 'projection_type = "ALL"', 'projection_type = "KEYS_ONLY"')).toContain(
      "strategies: UserIdIndex projection must be ALL, got KEYS_ONLY",
    );
    expect(
      await problemsAfter(
        tableProblems,
        "dynamodb.tf",
        /name {12}= "UserIdIndex"(?=\n    hash_key {8}= "userId"\n    range_key {7}= "createdAt"\n    projection_type = "ALL")/,
        'name = "ByUser"',
      ),
    ).toContain("strategies: global secondary index UserIdIndex is missing");
    expect(
      (
        await problemsAfter(
          tableProblems,
          "dynamodb.tf",
          /billing_mode {16}= "PAY_PER_REQUEST"\n  hash_key {20}= "email"/,
          'billing_mode = "PROVISIONED"\n  hash_key = "email"',
        )
      ).join(),
    ).toMatch(/users: billing_mode must be PAY_PER_REQUEST/);
    expect(
      await problemsAfter(
        tableProblems,
        "dynamodb.tf",
        /point_in_time_recovery \{\n    enabled = true\n  \}\n\n  server_side_encryption \{\n    enabled = true\n  \}\n\n  tags = \{\n    Name = "Users/,
        'point_in_time_recovery {\n    enabled = false\n  }\n\n  server_side_encryption {\n    enabled = true\n  }\n\n  tags = {\n    Name = "Users',
      ),
    ).toContain("users: point_in_time_recovery must be enabled");
    expect(await problemsAfter(tableProblems, "dynamodb.tf", 'hash_key                    = "sessionId"', 'hash_key = "userId"')).toContain(
      "sessions: hash_key must be sessionId, got userId",
    );
    expect(
      await problemsAfter(
        tableProblems,
        "dynamodb.tf",
        /ttl \{\n    attribute_name = "expiresAt"\n    enabled        = true\n  \}\n\n  point_in_time_recovery \{\n    enabled = true\n  \}\n\n  server_side_encryption \{\n    enabled = true\n  \}\n\n  tags = \{\n    Name = "Sessions/,
        'point_in_time_recovery {\n    enabled = true\n  }\n\n  server_side_encryption {\n    enabled = true\n  }\n\n  tags = {\n    Name = "Sessions',
      ),
    ).toContain("sessions: TTL on expiresAt must be enabled");
    expect(
      await problemsAfter(
        tableProblems,
        "dynamodb.tf",
        /server_side_encryption \{\n    enabled = true\n  \}\n\n  tags = \{\n    Name = "Strategies/,
        'server_side_encryption {\n    enabled = false\n  }\n\n  tags = {\n    Name = "Strategies',
      ),
    ).toContain("strategies: server_side_encryption must be enabled");
    expect(await problemsAfter(tableProblems, "dynamodb.tf", 'range_key                   = "itemKey"', 'range_key = "sk"')).toContain(
      "strategy_items: range_key must be itemKey, got sk",
    );
    expect((await problemsAfter(tableProblems, "dynamodb.tf", /name = "itemKey"\n    type = "S"/, 'name = "itemKey"\n    type = "N"')).join()).toMatch(
      /strategy_items: attributes must be/,
    );
    expect(
      await problemsAfter(
        tableProblems,
        "dynamodb.tf",
        /point_in_time_recovery \{\n    enabled = true\n  \}\n\n  server_side_encryption \{\n    enabled = true\n  \}\n\n  tags = \{\n    Name = "Strategy Items/,
        'point_in_time_recovery {\n    enabled = false\n  }\n\n  server_side_encryption {\n    enabled = true\n  }\n\n  tags = {\n    Name = "Strategy Items',
      ),
    ).toContain("strategy_items: point_in_time_recovery must be enabled");
    expect(
      await problemsAfter(
        tableProblems,
        "dynamodb.tf",
        /ttl \{\n    attribute_name = "expiresAt"\n    enabled        = true\n  \}\n\n  server_side_encryption \{\n    enabled = true\n  \}\n\n  tags = \{\n    Name = "Limits/,
        'server_side_encryption {\n    enabled = true\n  }\n\n  tags = {\n    Name = "Limits',
      ),
    ).toContain("limits: TTL must be enabled on expiresAt");
    expect(await problemsAfter(tableProblems, "dynamodb.tf", 'hash_key                    = "key"', 'hash_key = "id"')).toContain(
      "limits: hash_key must be key, got id",
    );
    expect(await problemsAfter(tableProblems, "dynamodb-api-keys.tf", 'hash_key                    = "keyId"', 'hash_key = "keyHash"')).toContain(
      "api_keys: hash_key must be keyId, got keyHash",
    );
    expect(await problemsAfter(tableProblems, "dynamodb-api-keys.tf", 'projection_type = "KEYS_ONLY"', 'projection_type = "ALL"')).toContain(
      "api_keys: KeyHashIndex projection must be KEYS_ONLY, got ALL",
    );
    expect(
      await problemsAfter(
        tableProblems,
        "dynamodb-api-keys.tf",
        /point_in_time_recovery \{\n    enabled = true/,
        "point_in_time_recovery {\n    enabled = false",
      ),
    ).toContain("api_keys: point_in_time_recovery must be enabled");
    expect(
      await problemsAfter(
        tableProblems,
        "dynamodb-api-keys.tf",
        /server_side_encryption \{\n    enabled = true/,
        "server_side_encryption {\n    enabled = false",
      ),
    ).toContain("api_keys: server_side_encryption must be enabled");
  });
});

describe("IAM", { timeout: 30_000 }, () => {
  it("policy documents name only the listed actions on exact ARNs: no wildcard action or resource", () => {
    expect(policyDocumentProblems(stack)).toEqual([]);
  });

  it("task roles: the agent gets its table, its index and the configured models; the web app the users table only", () => {
    expect(taskRoleProblems(stack)).toEqual([]);
  });

  it("report a wildcard action, a wildcard resource (also one hidden in a local), an extra action, a managed policy on a task role", async () => {
    expect(
      (
        await problemsAfter(
          policyDocumentProblems,
          "iam.tf",
          '"dynamodb:DescribeTable"]\n    resources = [\n      aws_dynamodb_table.strategies.arn',
          '"dynamodb:*"]\n    resources = [\n      aws_dynamodb_table.strategies.arn',
        )
      ).join(),
    ).toMatch(/wildcard action dynamodb:\*/);
    expect(
      (
        await problemsAfter(policyDocumentProblems, "iam.tf", "resources = [aws_dynamodb_table.users.arn]", 'resources = [aws_dynamodb_table.users.arn, "*"]')
      ).join(),
    ).toMatch(/wildcard/);
    expect((await problemsAfter(policyDocumentProblems, "bedrock.tf", '::foundation-model/${id}"]', '::foundation-model/*"]')).join()).toMatch(
      /may evaluate to a wildcard/,
    );
    expect(
      (
        await problemsAfter(
          policyDocumentProblems,
          "iam.tf",
          '"bedrock:InvokeModelWithResponseStream"]',
          '"bedrock:InvokeModelWithResponseStream", "bedrock:CreateModelCustomizationJob"]',
        )
      ).join(),
    ).toMatch(/CreateModelCustomizationJob is not one of/);
    expect(
      (
        await problemsAfter(
          policyDocumentProblems,
          "iam.tf",
          '"dynamodb:UpdateItem", "dynamodb:DescribeTable"]\n    resources = [aws_dynamodb_table.users.arn]',
          '"dynamodb:UpdateItem", "dynamodb:DeleteTable"]\n    resources = [aws_dynamodb_table.users.arn]',
        )
      ).join(),
    ).toMatch(/DeleteTable is not one of/);
    expect(
      (await problemsAfter(taskRoleProblems, "iam.tf", "role       = aws_iam_role.execution.name", "role       = aws_iam_role.agent_task.name")).join(),
    ).toMatch(/must not carry managed policies/);
    expect(
      await problemsAfter(
        taskRoleProblems,
        "iam.tf",
        /sid       = "CountLimits"\n    actions   = \["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"\]\n    resources = \[aws_dynamodb_table.limits.arn\]/,
        'sid       = "CountLimits"\n    actions   = ["dynamodb:GetItem"]\n    resources = [aws_dynamodb_table.users.arn]',
      ),
    ).toContain("agent task role must reach the limits table");
    expect(
      (
        await problemsAfter(
          taskRoleProblems,
          "iam.tf",
          "resources = [aws_dynamodb_table.users.arn]",
          "resources = [aws_dynamodb_table.users.arn, aws_dynamodb_table.strategies.arn]",
        )
      ).join(),
    ).toMatch(/web task role must not reach the strategies table/);
    expect(
      (
        await problemsAfter(
          taskRoleProblems,
          "iam.tf",
          "resources = [aws_dynamodb_table.users.arn]",
          "resources = [aws_dynamodb_table.users.arn, aws_dynamodb_table.strategy_items.arn]",
        )
      ).join(),
    ).toMatch(/web task role must not reach the strategy-items table/);
    expect(
      await problemsAfter(taskRoleProblems, "iam.tf", "resources = [aws_dynamodb_table.strategy_items.arn]", "resources = [aws_dynamodb_table.strategies.arn]"),
    ).toContain("agent task role must reach the strategy-items table");
    expect(
      (
        await problemsAfter(
          policyDocumentProblems,
          "iam.tf",
          '"dynamodb:Query"]\n    resources = [aws_dynamodb_table.strategy_items.arn]',
          '"dynamodb:Query", "dynamodb:CreateTable"]\n    resources = [aws_dynamodb_table.strategy_items.arn]',
        )
      ).join(),
    ).toMatch(/CreateTable is not one of/);
    expect(await problemsAfter(taskRoleProblems, "dynamodb-api-keys.tf", '"${aws_dynamodb_table.api_keys.arn}/index/KeyHashIndex",\n', "")).toContain(
      "agent task role must be allowed to find keys through KeyHashIndex",
    );
    expect(
      await problemsAfter(
        taskRoleProblems,
        "dynamodb-api-keys.tf",
        '"dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:DescribeTable"]\n    resources = [\n      aws_dynamodb_table.api_keys.arn',
        '"dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:DescribeTable"]\n    resources = [\n      aws_dynamodb_table.api_keys.arn',
      ),
    ).toContain("agent task role lacks dynamodb:UpdateItem on the API keys table");
    expect(
      await problemsAfter(
        taskRoleProblems,
        "iam.tf",
        'actions   = ["dynamodb:GetItem"]\n    resources = [aws_dynamodb_table.sessions.arn]',
        'actions   = ["dynamodb:GetItem", "dynamodb:DeleteItem"]\n    resources = [aws_dynamodb_table.sessions.arn]',
      ),
    ).toContain("agent task role may only read sessions, not dynamodb:DeleteItem");
    expect(
      await problemsAfter(
        taskRoleProblems,
        "iam.tf",
        '"dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:DescribeTable"]\n    resources = [\n      aws_dynamodb_table.sessions.arn',
        '"dynamodb:Query", "dynamodb:DescribeTable"]\n    resources = [\n      aws_dynamodb_table.sessions.arn',
      ),
    ).toContain("web task role lacks dynamodb:DeleteItem on the sessions table");
    expect(
      (
        await problemsAfter(
          taskRoleProblems,
          "iam.tf",
          "resources = [aws_dynamodb_table.users.arn]",
          "resources = [aws_dynamodb_table.users.arn, aws_dynamodb_table.brands.arn]",
        )
      ).join(),
    ).toMatch(/web task role must not reach the brands table/);
    expect((await problemsAfter(taskRoleProblems, "iam.tf", '"${aws_dynamodb_table.brands.arn}/index/UserIdIndex",', "")).join()).toMatch(
      /list brands through UserIdIndex/,
    );
    expect(
      (
        await problemsAfter(
          policyDocumentProblems,
          "iam.tf",
          'resources = ["${aws_dynamodb_table.image_jobs.arn}/index/ActiveJobsIndex"]',
          "resources = [aws_dynamodb_table.image_jobs.arn]",
        )
      ).join(),
    ).toMatch(/Scan must name an index ARN only/);
    expect(
      (
        await problemsAfter(
          policyDocumentProblems,
          "iam.tf",
          'actions   = ["dynamodb:GetItem", "dynamodb:UpdateItem"]\n    resources = [aws_dynamodb_table.image_jobs.arn]',
          'actions   = ["dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:Scan"]\n    resources = [aws_dynamodb_table.image_jobs.arn]',
        )
      ).join(),
    ).toMatch(/Scan must name an index ARN only.*|Scan must be granted in a statement of its own/);
  });
});

describe("JWT secret", { timeout: 30_000 }, () => {
  it("reaches both containers as a Secrets Manager `secrets` entry, never as an environment value", () => {
    expect(jwtSecretProblems(stack)).toEqual([]);
  });

  it("reports JWT_SECRET moved into environment, or a secret value kept in Terraform state", async () => {
    const moved = await problemsAfter(
      jwtSecretProblems,
      "containers.tf",
      /\{ name = "DYNAMODB_CREATE_TABLES", value = "false" \},\n    \]\n\n    secrets = \[\n      \{ name = "JWT_SECRET", valueFrom = aws_secretsmanager_secret\.jwt\.arn \},\n    \]\n\n    healthCheck = \{\n      command     = \["CMD", "node", "-e", "fetch\('http:\/\/127\.0\.0\.1:3000/,
      '{ name = "DYNAMODB_CREATE_TABLES", value = "false" },\n      { name = "JWT_SECRET", value = var.jwt_secret },\n    ]\n\n    secrets = []\n\n    healthCheck = {\n      command     = ["CMD", "node", "-e", "fetch(\'http://127.0.0.1:3000',
    );
    expect(moved).toEqual(
      expect.arrayContaining(["web/web: JWT_SECRET must not be an environment value", "web/web: exactly one JWT_SECRET entry under secrets expected, found 0"]),
    );
    const stored = await problemsAfter(
      jwtSecretProblems,
      "secrets.tf",
      /\n$/,
      '\nresource "aws_secretsmanager_secret_version" "jwt" {\n  secret_id     = aws_secretsmanager_secret.jwt.id\n  secret_string = "not-a-real-secret"\n}\n',
    );
    expect(stored.join()).toMatch(/stored in Terraform state/);
  });
});

describe("network", { timeout: 30_000 }, () => {
  it("the agent's security group admits the web tasks' security group only", () => {
    expect(agentIsolationProblems(stack)).toEqual([]);
  });

  it("reports the agent opened to a CIDR, to the load balancer, or given a public IP", async () => {
    expect(
      (
        await problemsAfter(
          agentIsolationProblems,
          "security_groups.tf",
          /description                  = "Strategy API calls from the web tasks only"\n  referenced_security_group_id = aws_security_group\.web\.id/,
          'description = "open"\n  cidr_ipv4 = "0.0.0.0/0"',
        )
      ).join(),
    ).toMatch(/admits only the web security group/);
    expect(
      (
        await problemsAfter(
          agentIsolationProblems,
          "security_groups.tf",
          /description                  = "Strategy API calls from the web tasks only"\n  referenced_security_group_id = aws_security_group\.web\.id/,
          'description = "from alb"\n  referenced_security_group_id = aws_security_group.alb.id',
        )
      ).join(),
    ).toMatch(/admits only the web security group/);
    expect(
      await problemsAfter(
        agentIsolationProblems,
        "ecs.tf",
        /security_groups  = \[aws_security_group\.agent\.id\]\n    assign_public_ip = false/,
        "security_groups  = [aws_security_group.agent.id]\n    assign_public_ip = true",
      ),
    ).toContain("agent tasks must not get a public IP");
  });
});

describe("agent egress", { timeout: 30_000 }, () => {
  it("is TCP 443 only, and the page fetcher is told so (FETCH_PORTS=443, no FETCH_ALLOW_HOSTS)", () => {
    expect(agentEgressProblems(stack)).toEqual([]);
  });

  it("reports another port, an all-traffic rule, a plain-http fetcher, or allowed local hosts", async () => {
    const rule = /(resource "aws_vpc_security_group_egress_rule" "agent_to_aws_apis" \{[^}]*?)from_port         = 443\n  to_port           = 443/;
    expect((await problemsAfter(agentEgressProblems, "security_groups.tf", rule, "$1from_port = 80\n  to_port = 80")).join()).toMatch(
      /agent_to_aws_apis: the agent's egress is TCP 443 only/,
    );
    const everything =
      '\nresource "aws_vpc_security_group_egress_rule" "agent_anything" {\n  security_group_id = aws_security_group.agent.id\n  cidr_ipv4 = "0.0.0.0/0"\n  ip_protocol = "-1"\n}\n';
    expect((await problemsAfter(agentEgressProblems, "security_groups.tf", /\n$/, everything)).join()).toMatch(
      /agent_anything: the agent's egress is TCP 443 only/,
    );
    expect(
      (
        await problemsAfter(agentEgressProblems, "containers.tf", '{ name = "FETCH_PORTS", value = "443" }', '{ name = "FETCH_PORTS", value = "80,443" }')
      ).join(),
    ).toMatch(/FETCH_PORTS must be "443"/);
    expect(
      (
        await problemsAfter(
          agentEgressProblems,
          "containers.tf",
          '{ name = "FETCH_PORTS", value = "443" },',
          '{ name = "FETCH_PORTS", value = "443" },\n      { name = "FETCH_ALLOW_HOSTS", value = "10.0.0.5:8080" },',
        )
      ).join(),
    ).toMatch(/FETCH_ALLOW_HOSTS must not be set/);
  });
});

describe("operations", { timeout: 30_000 }, () => {
  it("has the alarms (5xx > 5 %, p95 > 30 s, Bedrock throttling) and log retention", () => {
    expect(operationsProblems(stack)).toEqual([]);
  });

  it("reports a missing throttling alarm, a loosened threshold, logs kept forever", async () => {
    expect(await problemsAfter(operationsProblems, "alarms.tf", 'metric_name         = "InvocationThrottles"', 'metric_name = "Invocations"')).toContain(
      "no alarm on AWS/Bedrock InvocationThrottles",
    );
    expect(await problemsAfter(operationsProblems, "alarms.tf", /threshold           = 5\n/, "threshold = 10\n")).toContain(
      "the 5xx alarm must fire above 5 %",
    );
    expect(
      (
        await problemsAfter(
          operationsProblems,
          "logs.tf",
          /name              = "\/ecs\/\$\{local\.name\}\/web"\n  retention_in_days = var\.log_retention_days/,
          'name = "/ecs/${local.name}/web"',
        )
      ).join(),
    ).toMatch(/retention_in_days is missing/);
  });
});
