# Container definitions, kept as plain HCL objects so they read like the ECS JSON they become.
# Environment names are the keys of each app's config schema (apps/*/src/**/config.ts); the infra
# tests check that they agree. JWT_SECRET is always a `secrets` entry, never an environment value.

locals {
  agent_container = {
    name      = "agent"
    image     = "${aws_ecr_repository.service["agent"].repository_url}:${var.agent_image_tag}"
    essential = true

    portMappings = [{
      name          = "agent"
      containerPort = local.agent_port
      protocol      = "tcp"
      appProtocol   = "http"
    }]

    environment = [
      { name = "NODE_ENV", value = "production" },
      { name = "LOG_LEVEL", value = var.log_level },
      { name = "HOST", value = "0.0.0.0" },
      { name = "PORT", value = tostring(local.agent_port) },
      { name = "METRICS_PORT", value = tostring(local.agent_metrics_port) },
      { name = "AWS_REGION", value = var.aws_region },
      { name = "DYNAMODB_STRATEGIES_TABLE", value = aws_dynamodb_table.strategies.name },
      { name = "DYNAMODB_STRATEGY_ITEMS_TABLE", value = aws_dynamodb_table.strategy_items.name },
      { name = "DYNAMODB_USERS_TABLE", value = aws_dynamodb_table.users.name },
      { name = "DYNAMODB_SESSIONS_TABLE", value = aws_dynamodb_table.sessions.name },
      { name = "DYNAMODB_BRANDS_TABLE", value = aws_dynamodb_table.brands.name },
      { name = "DYNAMODB_API_KEYS_TABLE", value = aws_dynamodb_table.api_keys.name },
      # Only the web app reaches the agent, and it sends the client's IP (for the per-IP limit of failed API keys).
      { name = "TRUST_PROXY_HOPS", value = "1" },
      { name = "API_KEY_FAILURES_PER_IP_PER_MINUTE", value = tostring(var.api_key_failures_per_ip_per_minute) },
      { name = "DYNAMODB_CREATE_TABLES", value = "false" },
      { name = "MODEL_PROVIDER", value = "bedrock" },
      { name = "BEDROCK_MODEL_ID", value = var.bedrock_model_id },
      { name = "BEDROCK_MODELS", value = join(",", [for model in var.bedrock_models : "${model.id}=${model.name}"]) },
      { name = "BEDROCK_FALLBACK_MODEL_IDS", value = join(",", var.bedrock_fallback_model_ids) },
      { name = "BEDROCK_MAX_ATTEMPTS", value = tostring(var.bedrock_max_attempts) },
      { name = "BEDROCK_RETRY_BASE_MS", value = tostring(var.bedrock_retry_base_ms) },
      { name = "BEDROCK_MAX_TOKENS", value = tostring(var.bedrock_max_tokens) },
      { name = "BEDROCK_TEMPERATURE", value = tostring(var.bedrock_temperature) },
      { name = "AGENT_TIMEOUT_SECONDS", value = tostring(var.agent_timeout_seconds) },
      { name = "MODEL_PRICES", value = var.model_prices },
      { name = "FRONTEND_URL", value = local.frontend_url },
      { name = "RATE_LIMIT_PER_MINUTE", value = tostring(var.rate_limit_per_minute) },
      { name = "MAX_CONCURRENT_GENERATIONS", value = tostring(var.max_concurrent_generations) },
      { name = "MAX_CONCURRENT_GENERATIONS_PER_USER", value = tostring(var.max_concurrent_generations_per_user) },
      { name = "DYNAMODB_LIMITS_TABLE", value = aws_dynamodb_table.limits.name },
      { name = "GENERATION_LEASE_SECONDS", value = tostring(var.generation_lease_seconds) },
      { name = "READ_RATE_LIMIT_PER_MINUTE", value = tostring(var.read_rate_limit_per_minute) },
      # The page fetcher reads https only: port 443 is the one the agent's security group opens to the internet
      # (security_groups.tf). FETCH_ALLOW_HOSTS is never set here.
      { name = "FETCH_PORTS", value = "443" },
      { name = "FETCH_TIMEOUT_SECONDS", value = "10" },
      # Image jobs (the same values in image_worker.tf).
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
      { name = "EXPORT_THREADS", value = "1" },
      { name = "EXPORT_QUEUE_MAX", value = "8" },
      { name = "EXPORT_TIME_BUDGET_SECONDS", value = "10" },
      # Read by the OpenTelemetry SDK: spans go to the collector sidecar (observability.tf) on localhost.
      { name = "OTEL_EXPORTER_OTLP_ENDPOINT", value = "http://127.0.0.1:4318" },
      { name = "OTEL_EXPORTER_OTLP_PROTOCOL", value = "http/protobuf" },
    ]

    secrets = [
      { name = "JWT_SECRET", valueFrom = aws_secretsmanager_secret.jwt.arn },
    ]

    # The slim image has no curl; node itself asks the health route.
    healthCheck = {
      command     = ["CMD", "node", "-e", "fetch('http://127.0.0.1:8000/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
      interval    = 30
      timeout     = 5
      retries     = 3
      startPeriod = 30
    }

    # SIGTERM lets in-flight generations (up to AGENT_TIMEOUT_SECONDS) finish before SIGKILL.
    stopTimeout = min(var.agent_timeout_seconds + 30, 120)

    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.agent.name
        awslogs-region        = var.aws_region
        awslogs-stream-prefix = "agent"
      }
    }
  }

  web_container = {
    name      = "web"
    image     = "${aws_ecr_repository.service["web"].repository_url}:${var.web_image_tag}"
    essential = true

    portMappings = [{
      name          = "web"
      containerPort = local.web_port
      protocol      = "tcp"
      appProtocol   = "http"
    }]

    environment = [
      { name = "NODE_ENV", value = "production" },
      { name = "PORT", value = tostring(local.web_port) },
      { name = "METRICS_PORT", value = tostring(local.web_metrics_port) },
      { name = "AGENT_URL", value = "http://${local.agent_dns_name}:${local.agent_port}" },
      { name = "AWS_REGION", value = var.aws_region },
      { name = "DYNAMODB_USERS_TABLE", value = aws_dynamodb_table.users.name },
      { name = "DYNAMODB_LIMITS_TABLE", value = aws_dynamodb_table.limits.name },
      # The load balancer appends the client's address to X-Forwarded-For: one trusted hop.
      { name = "TRUST_PROXY_HOPS", value = "1" },
      { name = "AUTH_RATE_LIMIT_PER_IP_PER_MINUTE", value = tostring(var.auth_rate_limit_per_ip_per_minute) },
      # Read by the OpenTelemetry SDK: spans go to the collector sidecar (observability.tf) on localhost.
      { name = "OTEL_EXPORTER_OTLP_ENDPOINT", value = "http://127.0.0.1:4318" },
      { name = "OTEL_EXPORTER_OTLP_PROTOCOL", value = "http/protobuf" },
      { name = "DYNAMODB_SESSIONS_TABLE", value = aws_dynamodb_table.sessions.name },
      { name = "DYNAMODB_CREATE_TABLES", value = "false" },
    ]

    secrets = [
      { name = "JWT_SECRET", valueFrom = aws_secretsmanager_secret.jwt.arn },
    ]

    healthCheck = {
      command     = ["CMD", "node", "-e", "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
      interval    = 30
      timeout     = 5
      retries     = 3
      startPeriod = 30
    }

    stopTimeout = min(var.agent_timeout_seconds + 30, 120)

    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.web.name
        awslogs-region        = var.aws_region
        awslogs-stream-prefix = "web"
      }
    }
  }
}
