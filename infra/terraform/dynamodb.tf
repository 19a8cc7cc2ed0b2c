# The tables are created here; the services run with DYNAMODB_CREATE_TABLES=false in AWS.

resource "aws_dynamodb_table" "strategies" {
  name                        = "strategies-${var.environment}"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "strategyId"
  deletion_protection_enabled = var.table_deletion_protection

  attribute {
    name = "strategyId"
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

  # A user's history, newest first: Query on userId with createdAt descending.
  global_secondary_index {
    name            = "UserIdIndex"
    hash_key        = "userId"
    range_key       = "createdAt"
    projection_type = "ALL"
  }

  # Idempotency-Key items expire after 24 h; strategies carry no expiresAt and are never removed.
  ttl {
    attribute_name = "expiresAt"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }

  tags = {
    Name = "Strategies Table"
  }
}

resource "aws_dynamodb_table" "users" {
  name                        = "users-${var.environment}"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "email"
  deletion_protection_enabled = var.table_deletion_protection

  attribute {
    name = "email"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }

  tags = {
    Name = "Users Table"
  }
}

# Rate counters, generation leases, the login throttle and per-IP limits of every agent and web task, and the
# web's password-reset tokens (only their SHA-256, for 30 minutes).
# Items are short-lived: TTL removes them (readers ignore expired ones anyway); nothing here needs recovery.
resource "aws_dynamodb_table" "limits" {
  name                        = "limits-${var.environment}"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "key"
  deletion_protection_enabled = var.table_deletion_protection

  attribute {
    name = "key"
    type = "S"
  }

  ttl {
    attribute_name = "expiresAt"
    enabled        = true
  }

  server_side_encryption {
    enabled = true
  }

  tags = {
    Name = "Limits Table"
  }
}

# Web log-in sessions: logging out deletes the item, and both services refuse a token whose item is gone.
resource "aws_dynamodb_table" "sessions" {
  name                        = "sessions-${var.environment}"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "sessionId"
  deletion_protection_enabled = var.table_deletion_protection

  attribute {
    name = "sessionId"
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

  # A user's sessions, to end all but one when the password changes.
  global_secondary_index {
    name            = "UserIdIndex"
    hash_key        = "userId"
    range_key       = "createdAt"
    projection_type = "KEYS_ONLY"
  }

  # Sessions end a week after log-in; the services also check expiresAt on read, since TTL deletes late.
  ttl {
    attribute_name = "expiresAt"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }

  tags = {
    Name = "Sessions Table"
  }
}

# Everything stored under a strategy, one partition per strategy: version snapshots (version#000001), the refine
# conversation (message#000002#0), its Strands session (session#...), the content plan's items (plan, post#...).
# Deleting a strategy deletes its partition. See docs/conversations.md.
resource "aws_dynamodb_table" "strategy_items" {
  name                        = "strategy-items-${var.environment}"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "strategyId"
  range_key                   = "itemKey"
  deletion_protection_enabled = var.table_deletion_protection

  attribute {
    name = "strategyId"
    type = "S"
  }

  attribute {
    name = "itemKey"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }

  tags = {
    Name = "Strategy Items Table"
  }
}
