# Generated images: a private bucket. Nothing is ever public; the API hands out presigned GET links valid for
# S3_PRESIGN_EXPIRES_SECONDS, and the web shows images through the agent's authorised content route.

resource "aws_s3_bucket" "images" {
  bucket        = "${local.name}-images-${local.account_id}"
  force_destroy = false

  tags = {
    Name = "Generated Images"
  }
}

resource "aws_s3_bucket_public_access_block" "images" {
  bucket                  = aws_s3_bucket.images.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "images" {
  bucket = aws_s3_bucket.images.id
  rule {
    # ACLs disabled: access is decided by IAM and the bucket policy alone.
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "images" {
  bucket = aws_s3_bucket.images.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_versioning" "images" {
  bucket = aws_s3_bucket.images.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "images" {
  bucket = aws_s3_bucket.images.id

  rule {
    id     = "expire-images"
    status = "Enabled"
    filter {
      prefix = "images/"
    }
    # Images of deleted strategies are deleted by the agent; this bounds what a missed delete can leave.
    expiration {
      days = var.image_retention_days
    }
    noncurrent_version_expiration {
      noncurrent_days = 7
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }
}

# Image jobs (docs/images.md): every state change is a conditional UpdateItem. The sparse ActiveJobsIndex holds
# only jobs still queued or processing: the per-user limit counts it, the worker's sweep scans it.
resource "aws_dynamodb_table" "image_jobs" {
  name                        = "image-jobs-${var.environment}"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "jobId"
  deletion_protection_enabled = var.table_deletion_protection

  attribute {
    name = "jobId"
    type = "S"
  }

  attribute {
    name = "strategyId"
    type = "S"
  }

  attribute {
    name = "createdAt"
    type = "S"
  }

  attribute {
    name = "activeUserId"
    type = "S"
  }

  global_secondary_index {
    name            = "StrategyIdIndex"
    hash_key        = "strategyId"
    range_key       = "createdAt"
    projection_type = "ALL"
  }

  global_secondary_index {
    name            = "ActiveJobsIndex"
    hash_key        = "activeUserId"
    range_key       = "createdAt"
    projection_type = "KEYS_ONLY"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }

  tags = {
    Name = "Image Jobs Table"
  }
}
