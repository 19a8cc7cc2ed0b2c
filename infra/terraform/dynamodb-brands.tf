# The brands table lives in its own file so each table's definition (and the infra checks' edits of it) stands alone.

# Brand profiles: a user's brands, newest first, through UserIdIndex. Deleting a brand never touches strategies.
resource "aws_dynamodb_table" "brands" {
  name                        = "brands-${var.environment}"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "brandId"
  deletion_protection_enabled = var.table_deletion_protection

  attribute {
    name = "brandId"
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
    Name = "Brands Table"
  }
}
