# Two roles per service: the execution role lets ECS pull the image, write logs and read the JWT
# secret at task start; the task role is what the application code runs as.

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }

    # Only tasks of this account may assume the roles (confused-deputy protection).
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

# --- Execution role (shared by both services) ---

resource "aws_iam_role" "execution" {
  name               = "${local.name}-ecs-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

# ECR pulls and log writes; ecr:GetAuthorizationToken has no resource-level permissions, which is
# why this is the AWS managed policy rather than a document of ours.
resource "aws_iam_role_policy_attachment" "execution_managed" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

data "aws_iam_policy_document" "execution_read_jwt_secret" {
  statement {
    sid       = "ReadJwtSecret"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_secretsmanager_secret.jwt.arn]
  }
}

resource "aws_iam_role_policy" "execution_read_jwt_secret" {
  name   = "read-jwt-secret"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution_read_jwt_secret.json
}

# --- Agent task role: its strategies, their items and the configured models, nothing more ---

resource "aws_iam_role" "agent_task" {
  name               = "${local.name}-agent-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

data "aws_iam_policy_document" "agent_dynamodb" {
  statement {
    sid = "ReadAndWriteStrategies"
    # UpdateItem and DeleteItem serve the Idempotency-Key leases kept in the same table.
    actions = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:DescribeTable"]
    resources = [
      aws_dynamodb_table.strategies.arn,
      "${aws_dynamodb_table.strategies.arn}/index/UserIdIndex",
    ]
  }

  statement {
    sid = "ReadAndWriteStrategyItems"
    # Versions, messages and the refine session: written once (PutItem), read by key or partition, deleted with
    # their strategy one item at a time.
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:Query"]
    resources = [aws_dynamodb_table.strategy_items.arn]
  }

  statement {
    sid       = "CountLimits"
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"]
    resources = [aws_dynamodb_table.limits.arn]
  }
}

# A token from a web log-in names its session: the agent reads whether it is still open, nothing else.
data "aws_iam_policy_document" "agent_sessions" {
  statement {
    sid       = "ReadSessions"
    actions   = ["dynamodb:GetItem"]
    resources = [aws_dynamodb_table.sessions.arn]
  }
}

resource "aws_iam_role_policy" "agent_sessions" {
  name   = "sessions-table-read"
  role   = aws_iam_role.agent_task.id
  policy = data.aws_iam_policy_document.agent_sessions.json
}

# Brand profiles: create (conditional put), read, replace (conditional put), delete, list by user. No UpdateItem,
# no Scan, and nothing on any other table.
data "aws_iam_policy_document" "agent_brands" {
  statement {
    sid     = "ReadAndWriteBrands"
    actions = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:DescribeTable"]
    resources = [
      aws_dynamodb_table.brands.arn,
      "${aws_dynamodb_table.brands.arn}/index/UserIdIndex",
    ]
  }
}

resource "aws_iam_role_policy" "agent_brands" {
  name   = "brands-table"
  role   = aws_iam_role.agent_task.id
  policy = data.aws_iam_policy_document.agent_brands.json
}

resource "aws_iam_role_policy" "agent_dynamodb" {
  name   = "strategies-table"
  role   = aws_iam_role.agent_task.id
  policy = data.aws_iam_policy_document.agent_dynamodb.json
}

data "aws_iam_policy_document" "agent_bedrock" {
  statement {
    sid       = "InvokeConfiguredModels"
    actions   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
    resources = concat(local.bedrock_profile_arns, local.bedrock_foundation_model_arns)
  }
}

resource "aws_iam_role_policy" "agent_bedrock" {
  name   = "bedrock-invoke"
  role   = aws_iam_role.agent_task.id
  policy = data.aws_iam_policy_document.agent_bedrock.json
}

# --- Web task role: the users table (sign-up, sign-in, rehash) and the sessions table (log-in, log-out) ---

resource "aws_iam_role" "web_task" {
  name               = "${local.name}-web-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

data "aws_iam_policy_document" "web_dynamodb" {
  statement {
    sid = "ReadAndWriteUsers"
    # UpdateItem replaces an outdated password hash (conditionally) at log-in.
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DescribeTable"]
    resources = [aws_dynamodb_table.users.arn]
  }

  statement {
    sid = "CountLimits"
    # Also the password-reset tokens: PutItem to issue one, a conditional DeleteItem to use it up.
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"]
    resources = [aws_dynamodb_table.limits.arn]
  }

  statement {
    sid = "OpenCheckAndEndSessions"
    # Query on the user index finds the other sessions a password change ends.
    actions = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:DescribeTable"]
    resources = [
      aws_dynamodb_table.sessions.arn,
      "${aws_dynamodb_table.sessions.arn}/index/UserIdIndex",
    ]
  }
}

resource "aws_iam_role_policy" "web_dynamodb" {
  name   = "users-table"
  role   = aws_iam_role.web_task.id
  policy = data.aws_iam_policy_document.web_dynamodb.json
}

# --- Agent: image jobs (create, read, list, delete), their objects (presign, read, delete), wake-ups ---

data "aws_iam_policy_document" "agent_images" {
  statement {
    sid     = "ImageJobs"
    actions = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:Query"]
    resources = [
      aws_dynamodb_table.image_jobs.arn,
      "${aws_dynamodb_table.image_jobs.arn}/index/StrategyIdIndex",
      "${aws_dynamodb_table.image_jobs.arn}/index/ActiveJobsIndex",
    ]
  }

  statement {
    sid = "ImageObjects"
    # GetObject also backs the presigned links the agent signs; DeleteObject serves strategy deletion.
    actions   = ["s3:GetObject", "s3:DeleteObject"]
    resources = ["${aws_s3_bucket.images.arn}/images/*"]
  }

  statement {
    sid       = "WakeImageWorker"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.image_jobs.arn]
  }
}

resource "aws_iam_role_policy" "agent_images" {
  name   = "image-jobs"
  role   = aws_iam_role.agent_task.id
  policy = data.aws_iam_policy_document.agent_images.json
}

# --- Image worker task role: claim and finish jobs, store objects, its queue, the image models ---

resource "aws_iam_role" "image_worker_task" {
  name               = "${local.name}-image-worker-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

data "aws_iam_policy_document" "image_worker" {
  statement {
    sid       = "RunImageJobs"
    actions   = ["dynamodb:GetItem", "dynamodb:UpdateItem"]
    resources = [aws_dynamodb_table.image_jobs.arn]
  }

  statement {
    sid       = "SweepUnfinishedJobs"
    actions   = ["dynamodb:Scan"]
    resources = ["${aws_dynamodb_table.image_jobs.arn}/index/ActiveJobsIndex"]
  }

  statement {
    sid       = "StoreImages"
    actions   = ["s3:PutObject", "s3:DeleteObject"]
    resources = ["${aws_s3_bucket.images.arn}/images/*"]
  }

  statement {
    sid       = "ImageJobQueue"
    actions   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:SendMessage"]
    resources = [aws_sqs_queue.image_jobs.arn]
  }

  statement {
    sid       = "InvokeImageModels"
    actions   = ["bedrock:InvokeModel"]
    resources = local.bedrock_image_model_arns
  }
}

resource "aws_iam_role_policy" "image_worker" {
  name   = "image-worker"
  role   = aws_iam_role.image_worker_task.id
  policy = data.aws_iam_policy_document.image_worker.json
}
