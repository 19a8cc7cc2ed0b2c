import { expandedText, referencedName, resourcesOf, type Block, type TerraformConfig } from "../terraform";

/**
 * The only DynamoDB actions the services need: item reads and writes, the index query, the table check, and the
 * image worker's sweep, a Scan of the sparse index of unfinished jobs (a Scan may name only an index ARN, in a
 * statement of its own: policyDocumentProblems).
 */
export const ALLOWED_DYNAMODB_ACTIONS = [
  "dynamodb:GetItem",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:Query",
  "dynamodb:Scan",
  "dynamodb:DescribeTable",
];
/** Converse uses InvokeModel; ConverseStream uses InvokeModelWithResponseStream. */
export const ALLOWED_BEDROCK_ACTIONS = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];

/** The one wildcard allowed: the objects under a key prefix of a bucket of this stack (object keys are per job). */
const BUCKET_PREFIX_OBJECTS = /\$\{aws_s3_bucket\.[A-Za-z0-9_-]+\.arn\}\/[a-z0-9-]+\/\*/g;
/** The S3 actions the image worker and agent need: the objects themselves, nothing on the bucket. */
export const ALLOWED_S3_ACTIONS = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"];

/**
 * X-Ray's data-plane actions support no resource-level permissions: they are the one place a resource may be
 * "*", and only in a statement that holds nothing else.
 */
export const ALLOWED_XRAY_ACTIONS = ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"];
/** The collector writes metrics as log records: streams of a log group of this stack, nothing else. */
export const ALLOWED_LOGS_ACTIONS = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"];
const LOG_GROUP_STREAMS = /^\$\{aws_cloudwatch_log_group\.[A-Za-z0-9_-]+\.arn\}:\*$/;

const TABLE_ARN = /^\$\{aws_dynamodb_table\.([A-Za-z0-9_-]+)\.arn\}(\/index\/[A-Za-z0-9_.-]+)?$/;

interface Statement {
  document: string;
  actions: string[];
  resources: unknown;
  block: Block;
}

function statements(config: TerraformConfig): Statement[] {
  return Object.entries(config.data.aws_iam_policy_document ?? {}).flatMap(([document, block]) =>
    ((block.statement ?? []) as Block[]).map((statement) => ({
      document,
      actions: Array.isArray(statement.actions) ? statement.actions : [String(statement.actions ?? "")],
      resources: statement.resources,
      block: statement,
    })),
  );
}

/** Every policy document: no wildcard action or resource, no NotAction/NotResource, only the listed data-plane actions. */
export function policyDocumentProblems(config: TerraformConfig): string[] {
  const problems: string[] = [];
  for (const { document, actions, resources, block } of statements(config)) {
    const label = `data.aws_iam_policy_document.${document}`;
    if (block.not_actions || block.not_resources) problems.push(`${label}: NotAction/NotResource grant everything else`);
    for (const action of actions) {
      if (typeof action !== "string" || action.includes("${")) problems.push(`${label}: actions must be literal, got ${JSON.stringify(action)}`);
      else if (action.includes("*")) problems.push(`${label}: wildcard action ${action}`);
      else if (action.startsWith("dynamodb:") && !ALLOWED_DYNAMODB_ACTIONS.includes(action))
        problems.push(`${label}: ${action} is not one of ${ALLOWED_DYNAMODB_ACTIONS.join(", ")}`);
      else if (action.startsWith("bedrock:") && !ALLOWED_BEDROCK_ACTIONS.includes(action))
        problems.push(`${label}: ${action} is not one of ${ALLOWED_BEDROCK_ACTIONS.join(", ")}`);
      else if (action.startsWith("s3:") && !ALLOWED_S3_ACTIONS.includes(action))
        problems.push(`${label}: ${action} is not one of ${ALLOWED_S3_ACTIONS.join(", ")}`);
      else if (action.startsWith("xray:") && !ALLOWED_XRAY_ACTIONS.includes(action))
        problems.push(`${label}: ${action} is not one of ${ALLOWED_XRAY_ACTIONS.join(", ")}`);
      else if (action.startsWith("logs:") && !ALLOWED_LOGS_ACTIONS.includes(action))
        problems.push(`${label}: ${action} is not one of ${ALLOWED_LOGS_ACTIONS.join(", ")}`);
    }
    const xrayOnly = actions.length > 0 && actions.every((action) => ALLOWED_XRAY_ACTIONS.includes(String(action)));
    const logsOnly = actions.length > 0 && actions.every((action) => String(action).startsWith("logs:"));
    if (logsOnly) {
      for (const resource of Array.isArray(resources) ? resources : [resources]) {
        if (!LOG_GROUP_STREAMS.test(String(resource)))
          problems.push(
            `${label}: log writes must name the streams of a log group of this stack (\${aws_cloudwatch_log_group.<name>.arn}:*), got ${JSON.stringify(resource)}`,
          );
      }
    }
    const s3Only = actions.every((action) => String(action).startsWith("s3:"));
    const checked = resources === undefined ? "" : expandedText(resources, config.locals);
    const exempted = xrayOnly && JSON.stringify(resources) === '["*"]' ? "" : logsOnly ? "" : s3Only ? checked.replace(BUCKET_PREFIX_OBJECTS, "") : checked;
    if (resources !== undefined && exempted.includes("*")) {
      problems.push(`${label}: a resource is or may evaluate to a wildcard: ${JSON.stringify(resources)}`);
    }
    if (actions.some((action) => String(action).startsWith("dynamodb:"))) {
      for (const resource of Array.isArray(resources) ? resources : [resources]) {
        if (!TABLE_ARN.test(String(resource)))
          problems.push(`${label}: DynamoDB access must name a table or index ARN of this stack, got ${JSON.stringify(resource)}`);
        // A Scan reads everything it is given: only a (sparse) index, never a whole table, and in a statement of its own.
        else if (actions.includes("dynamodb:Scan") && !TABLE_ARN.exec(String(resource))![2]) {
          problems.push(`${label}: dynamodb:Scan must name an index ARN only, never a table: ${JSON.stringify(resource)}`);
        }
      }
      if (actions.includes("dynamodb:Scan") && actions.length > 1) problems.push(`${label}: dynamodb:Scan must be granted in a statement of its own`);
    }
    if (actions.some((action) => String(action).startsWith("bedrock:"))) {
      const text = expandedText(resources, config.locals);
      if (!text.includes("foundation-model/") && !text.includes("inference-profile/")) {
        problems.push(`${label}: Bedrock access must name foundation-model or inference-profile ARNs, got ${JSON.stringify(resources)}`);
      }
    }
  }
  return problems;
}

/** The policy documents attached to a role through aws_iam_role_policy, plus any managed attachments. */
function roleGrants(config: TerraformConfig, role: string): { documents: string[]; problems: string[] } {
  const documents: string[] = [];
  const problems: string[] = [];
  for (const [name, policy] of resourcesOf(config, "aws_iam_role_policy")) {
    if (referencedName(policy.role, "aws_iam_role", "(?:id|name)") !== role) continue;
    const document = referencedName(policy.policy, "data.aws_iam_policy_document", "json");
    if (document) documents.push(document);
    else problems.push(`aws_iam_role_policy.${name}: the policy must come from a checked aws_iam_policy_document`);
  }
  for (const [name, attachment] of resourcesOf(config, "aws_iam_role_policy_attachment")) {
    if (referencedName(attachment.role, "aws_iam_role", "(?:id|name)") === role) {
      problems.push(`aws_iam_role_policy_attachment.${name}: task role ${role} must not carry managed policies`);
    }
  }
  return { documents, problems };
}

function actionsOf(config: TerraformConfig, documents: string[]): { actions: string[]; resources: string } {
  const blocks = documents.flatMap((document) => (config.data.aws_iam_policy_document?.[document]?.statement ?? []) as Block[]);
  return {
    actions: blocks.flatMap((statement) => statement.actions ?? []),
    resources: blocks.map((statement) => expandedText(statement.resources, config.locals)).join("\n"),
  };
}

/** The statements of these documents whose resources name a given table. */
function statementsOn(config: TerraformConfig, documents: string[], table: string): Block[] {
  return documents
    .flatMap((document) => (config.data.aws_iam_policy_document?.[document]?.statement ?? []) as Block[])
    .filter((statement) => expandedText(statement.resources, config.locals).includes(`${table}.arn`));
}

/**
 * The task roles the containers run as: the agent may use its strategies and brands tables and Bedrock; the web app
 * only the users table. Both only through checked policy documents.
 */
export function taskRoleProblems(config: TerraformConfig): string[] {
  const problems: string[] = [];
  const roleOf = (service: string) => referencedName(config.resources.aws_ecs_task_definition?.[service]?.task_role_arn, "aws_iam_role", "arn");

  const agentRole = roleOf("agent");
  const webRole = roleOf("web");
  if (!agentRole) problems.push("aws_ecs_task_definition.agent must run as a task role of this stack");
  if (!webRole) problems.push("aws_ecs_task_definition.web must run as a task role of this stack");
  if (!agentRole || !webRole) return problems;
  if (agentRole === webRole) problems.push("agent and web must have separate task roles");

  const agent = roleGrants(config, agentRole);
  const web = roleGrants(config, webRole);
  problems.push(...agent.problems, ...web.problems);

  const agentGrants = actionsOf(config, agent.documents);
  for (const action of ALLOWED_BEDROCK_ACTIONS) {
    if (!agentGrants.actions.includes(action)) problems.push(`agent task role lacks ${action}`);
  }
  // UpdateItem and DeleteItem: Idempotency-Key leases live in the strategies table.
  for (const action of ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query"]) {
    if (!agentGrants.actions.includes(action)) problems.push(`agent task role lacks ${action}`);
  }
  if (!agentGrants.resources.includes("aws_dynamodb_table.strategies.arn}/index/UserIdIndex"))
    problems.push("agent task role must be allowed to query UserIdIndex");
  if (agentGrants.resources.includes("aws_dynamodb_table.users")) problems.push("agent task role must not reach the users table");
  if (!agentGrants.resources.includes("aws_dynamodb_table.strategy_items.arn")) problems.push("agent task role must reach the strategy-items table");
  if (!agentGrants.resources.includes("aws_dynamodb_table.brands.arn}/index/UserIdIndex"))
    problems.push("agent task role must be allowed to list brands through UserIdIndex");
  if (!agentGrants.resources.includes("aws_dynamodb_table.limits.arn")) problems.push("agent task role must reach the limits table");
  // The agent only asks whether a session is open; opening and ending sessions is the web app's job.
  const agentSessionActions = statementsOn(config, agent.documents, "aws_dynamodb_table.sessions").flatMap((statement) => statement.actions ?? []);
  if (!agentSessionActions.includes("dynamodb:GetItem")) problems.push("agent task role must be allowed to read the sessions table");
  for (const action of agentSessionActions) if (action !== "dynamodb:GetItem") problems.push(`agent task role may only read sessions, not ${action}`);

  // API keys: the agent checks, creates, touches and revokes them; only it reaches the table.
  const agentKeyActions = statementsOn(config, agent.documents, "aws_dynamodb_table.api_keys").flatMap((statement) => statement.actions ?? []);
  for (const action of ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query"]) {
    if (!agentKeyActions.includes(action)) problems.push(`agent task role lacks ${action} on the API keys table`);
  }
  if (!agentGrants.resources.includes("aws_dynamodb_table.api_keys.arn}/index/KeyHashIndex"))
    problems.push("agent task role must be allowed to find keys through KeyHashIndex");

  const webGrants = actionsOf(config, web.documents);
  if (webGrants.resources.includes("aws_dynamodb_table.api_keys")) problems.push("web task role must not reach the API keys table");
  if (webGrants.actions.some((action: string) => action.startsWith("bedrock:"))) problems.push("web task role must not invoke Bedrock");
  if (webGrants.resources.includes("aws_dynamodb_table.strategies")) problems.push("web task role must not reach the strategies table");
  if (webGrants.resources.includes("aws_dynamodb_table.strategy_items")) problems.push("web task role must not reach the strategy-items table");
  if (webGrants.resources.includes("aws_dynamodb_table.brands")) problems.push("web task role must not reach the brands table");
  for (const action of ["dynamodb:GetItem", "dynamodb:PutItem"]) {
    if (!webGrants.actions.includes(action)) problems.push(`web task role lacks ${action}`);
  }
  if (!webGrants.resources.includes("aws_dynamodb_table.limits.arn")) problems.push("web task role must reach the limits table");
  const webSessionActions = statementsOn(config, web.documents, "aws_dynamodb_table.sessions").flatMap((statement) => statement.actions ?? []);
  for (const action of ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:Query"]) {
    if (!webSessionActions.includes(action)) problems.push(`web task role lacks ${action} on the sessions table`);
  }
  return problems;
}
