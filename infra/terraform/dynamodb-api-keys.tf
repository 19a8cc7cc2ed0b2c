# API keys for scripts and assistants: only the SHA-256 of each secret is stored, with its owner and scopes.
# KeyHashIndex finds a key from the hash of the secret a request brings; UserIdIndex lists a user's keys.
# Revoking a key deletes its item.
resource "aws_dynamodb_table" "api_keys" {
  name                        = "api-keys-${var.environment}"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "keyId"
  deletion_protection_enabled = var.table_deletion_protection

  attribute {
    name = "keyId"
    type = "S"
  }

  attribute {
    name = "keyHash"
    type = "S"
  }

  attribute {
    name = "userId"
    type = "S"
  }

  attribute {
    name = "createdAt"
    type = "S"
  }

  global_secondary_index {
    name            = "KeyHashIndex"
    hash_key        = "keyHash"
    projection_type = "KEYS_ONLY"
  }

  global_secondary_index {
    name            = "UserIdIndex"
    hash_key        = "userId"
    range_key       = "createdAt"
    projection_type = "ALL"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }

  tags = {
    Name = "API Keys Table"
  }
}

# The agent creates, lists, checks, touches (last_used_at) and revokes keys. No Scan, nothing else.
data "aws_iam_policy_document" "agent_api_keys" {
  statement {
    sid     = "ReadAndWriteApiKeys"
    actions = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:DescribeTable"]
    resources = [
      aws_dynamodb_table.api_keys.arn,
      "${aws_dynamodb_table.api_keys.arn}/index/KeyHashIndex",
      "${aws_dynamodb_table.api_keys.arn}/index/UserIdIndex",
    ]
  }
}

resource "aws_iam_role_policy" "agent_api_keys" {
  name   = "api-keys-table"
  role   = aws_iam_role.agent_task.id
  policy = data.aws_iam_policy_document.agent_api_keys.json
}
