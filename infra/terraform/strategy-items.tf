# Everything stored under a strategy: versions, conversation messages, agent sessions, the content plan and its posts.
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
