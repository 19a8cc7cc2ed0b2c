# The image worker service (docs/images.md): the agent image's dist/image-worker.js, fed by the SQS queue.

locals {
  # The image worker service: the agent image's second entry point; no secrets, no ports.
  image_worker_container = {
    name      = "image-worker"
    image     = "${aws_ecr_repository.service["agent"].repository_url}:${var.agent_image_tag}"
    essential = true
    command   = ["node", "dist/image-worker.js"]

    environment = [
      { name = "NODE_ENV", value = "production" },
      { name = "LOG_LEVEL", value = var.log_level },
      { name = "AWS_REGION", value = var.aws_region },
      { name = "MODEL_PROVIDER", value = "bedrock" },
      { name = "AGENT_TIMEOUT_SECONDS", value = tostring(var.agent_timeout_seconds) },
      # Image jobs (the same values as in the agent's container, containers.tf).
      { name = "DYNAMODB_IMAGE_JOBS_TABLE", value = aws_dynamodb_table.image_jobs.name },
      { name = "S3_BUCKET", value = aws_s3_bucket.images.bucket },
      { name = "S3_PRESIGN_EXPIRES_SECONDS", value = "3600" },
      { name = "BEDROCK_IMAGE_MODEL_ID", value = var.bedrock_image_model_id },
      { name = "BEDROCK_IMAGE_MODELS", value = join(",", [for model in var.bedrock_image_models : "${model.id}=${model.name}"]) },
      { name = "IMAGE_WORKER", value = "sqs" },
      { name = "IMAGE_QUEUE_URL", value = aws_sqs_queue.image_jobs.url },
      { name = "IMAGE_WORKER_CONCURRENCY", value = tostring(var.image_worker_concurrency) },
      { name = "IMAGE_JOB_LEASE_SECONDS", value = tostring(var.image_job_lease_seconds) },
      { name = "IMAGE_JOB_SWEEP_SECONDS", value = "60" },
      { name = "IMAGE_JOB_RETRY_BASE_MS", value = "1000" },
      { name = "IMAGE_JOBS_MAX_ACTIVE_PER_USER", value = tostring(var.image_jobs_max_active_per_user) },
    ]

    # SIGTERM: the worker stops receiving and finishes the jobs in hand.
    stopTimeout = min(var.agent_timeout_seconds + 30, 120)

    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.image_worker.name
        awslogs-region        = var.aws_region
        awslogs-stream-prefix = "image-worker"
      }
    }
  }
}

# The image worker: the agent's image, its worker entry, fed by SQS; no ports, no load balancer.
resource "aws_ecs_task_definition" "image_worker" {
  family                   = "${local.name}-image-worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.agent_cpu
  memory                   = var.agent_memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.image_worker_task.arn
  container_definitions    = jsonencode([local.image_worker_container])

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }
}

resource "aws_ecs_service" "image_worker" {
  name            = "image-worker"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.image_worker.arn
  desired_count   = var.image_worker_desired_count
  launch_type     = "FARGATE"
  propagate_tags  = "SERVICE"

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.image_worker.id]
    assign_public_ip = false
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}
