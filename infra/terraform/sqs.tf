# Image job wake-ups: the agent sends {"job_id"} here; the image worker service receives them. A wake-up whose
# handling failed three times (the worker crashed or errored, not a job that merely waits) goes to the
# dead-letter queue, which raises an alarm. The job itself lives in DynamoDB and is re-queued by the sweep.

resource "aws_sqs_queue" "image_jobs_dlq" {
  name                      = "${local.name}-image-jobs-dlq"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
}

resource "aws_sqs_queue" "image_jobs" {
  name                       = "${local.name}-image-jobs"
  visibility_timeout_seconds = var.image_job_lease_seconds + 30
  message_retention_seconds  = 345600
  receive_wait_time_seconds  = 20
  sqs_managed_sse_enabled    = true

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.image_jobs_dlq.arn
    maxReceiveCount     = 3
  })
}

resource "aws_sqs_queue_redrive_allow_policy" "image_jobs_dlq" {
  queue_url = aws_sqs_queue.image_jobs_dlq.id
  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.image_jobs.arn]
  })
}
