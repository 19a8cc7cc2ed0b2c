# Metrics and traces from the running tasks (docs/operations.md, "Metrics and traces in AWS").
#
# Each app task runs an ADOT collector as a sidecar. It scrapes the app's Prometheus endpoint on localhost
# (the same exposition the compose stack's Prometheus reads) and writes the families to CloudWatch as
# embedded metric format through the awsemf exporter: histograms become CloudWatch distributions, so the
# dashboard and the alarms can ask for p50 and p99. It also receives the app's OTLP spans on localhost:4318
# and sends them to X-Ray, or to the OTLP endpoint given in var.otlp_traces_endpoint.

variable "collector_image" {
  description = "The AWS Distro for OpenTelemetry collector image, pinned to a version."
  type        = string
  default     = "public.ecr.aws/aws-observability/aws-otel-collector:v0.42.0"

  validation {
    condition     = can(regex(":v[0-9]+\\.[0-9]+\\.[0-9]+$", var.collector_image))
    error_message = "Pin the collector image to a version (…:vX.Y.Z)."
  }
}

variable "otlp_traces_endpoint" {
  description = "OTLP/HTTP endpoint (base URL) that receives the traces; empty sends them to AWS X-Ray."
  type        = string
  default     = ""
}

variable "p99_latency_threshold_seconds" {
  description = "The agent's p99 request duration (seconds, all routes, generation streams included) above which the latency alarm fires."
  type        = number
  default     = 30
}

variable "model_error_rate_threshold_percent" {
  description = "Share of a model's generations (percent) ending in a model error, timeout, throttling or invalid output above which its alarm fires."
  type        = number
  default     = 10
}

locals {
  metrics_namespace = "Strategist"
  # The apps' metrics ports (METRICS_PORT defaults), reached by the sidecar on localhost only.
  agent_metrics_port = 9464
  web_metrics_port   = 9465

  # The outcomes counted as model failures by the model error rate alarms.
  model_failure_outcomes = ["model_error", "timeout", "throttled", "validation_failure"]

  # Dimension sets of each family in CloudWatch: every label is a closed set, so each set stays small.
  emf_metric_declarations = [
    { metric_name_selectors = ["^strategist_http_request_duration_seconds$"], dimensions = [["service"], ["service", "route"], ["service", "route", "status_class"], ["service", "status_class"]] },
    { metric_name_selectors = ["^strategist_generations_total$"], dimensions = [["model"], ["model", "outcome"], ["outcome"]] },
    { metric_name_selectors = ["^strategist_model_call_duration_seconds$"], dimensions = [["model"], ["model", "kind"]] },
    { metric_name_selectors = ["^strategist_model_(input|output)_tokens_total$", "^strategist_model_cost_usd_total$"], dimensions = [["model"]] },
    { metric_name_selectors = ["^strategist_limit_rejections_total$"], dimensions = [["service", "limit"]] },
    { metric_name_selectors = ["^strategist_image_jobs_total$"], dimensions = [["state"]] },
    { metric_name_selectors = ["^strategist_image_queue_depth$", "^strategist_image_queue_oldest_age_seconds$"], dimensions = [["service"]] },
    { metric_name_selectors = ["^strategist_dynamodb_call_duration_seconds$"], dimensions = [["operation"]] },
    { metric_name_selectors = ["^strategist_idempotent_replays_total$", "^nodejs_eventloop_lag_p(50|99)_seconds$"], dimensions = [["service"]] },
  ]

  traces_exporter = var.otlp_traces_endpoint == "" ? { awsxray = { region = var.aws_region } } : { otlphttp = { endpoint = var.otlp_traces_endpoint } }

  collector_config = { for service, port in { agent = local.agent_metrics_port, web = local.web_metrics_port } : service => yamlencode({
    receivers = {
      otlp = { protocols = { http = { endpoint = "127.0.0.1:4318" } } }
      prometheus = { config = { scrape_configs = [{
        job_name        = service
        scrape_interval = "60s"
        static_configs  = [{ targets = ["127.0.0.1:${port}"], labels = { service = service } }]
      }] } }
    }
    processors = { batch = {} }
    exporters = merge(local.traces_exporter, {
      awsemf = {
        namespace                   = local.metrics_namespace
        log_group_name              = aws_cloudwatch_log_group.metrics.name
        log_stream_name             = service
        region                      = var.aws_region
        dimension_rollup_option     = "NoDimensionRollup"
        metric_declarations         = local.emf_metric_declarations
        detailed_metrics            = false
        enhanced_container_insights = false
      }
    })
    service = {
      pipelines = {
        metrics = { receivers = ["prometheus"], processors = ["batch"], exporters = ["awsemf"] }
        traces  = { receivers = ["otlp"], processors = ["batch"], exporters = keys(local.traces_exporter) }
      }
    }
  }) }

  # The sidecars: not essential, so a collector failure never stops the app; it only loses telemetry.
  agent_collector_container = {
    name        = "otel-collector"
    image       = var.collector_image
    essential   = false
    command     = ["--config=env:AOT_CONFIG_CONTENT"]
    environment = [{ name = "AOT_CONFIG_CONTENT", value = local.collector_config["agent"] }]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.collector.name
        awslogs-region        = var.aws_region
        awslogs-stream-prefix = "agent"
      }
    }
  }

  web_collector_container = {
    name        = "otel-collector"
    image       = var.collector_image
    essential   = false
    command     = ["--config=env:AOT_CONFIG_CONTENT"]
    environment = [{ name = "AOT_CONFIG_CONTENT", value = local.collector_config["web"] }]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.collector.name
        awslogs-region        = var.aws_region
        awslogs-stream-prefix = "web"
      }
    }
  }
}

# The EMF records the collector writes; CloudWatch extracts the metrics from them.
resource "aws_cloudwatch_log_group" "metrics" {
  name              = "/ecs/${local.name}/metrics"
  retention_in_days = var.log_retention_days
}

resource "aws_cloudwatch_log_group" "collector" {
  name              = "/ecs/${local.name}/otel-collector"
  retention_in_days = var.log_retention_days
}

# What the sidecar needs: write EMF records to its log group, and send traces to X-Ray. X-Ray's data-plane
# actions accept no resource but "*" (infra/src/rules/iam.ts allows exactly these, in a statement of their own).
data "aws_iam_policy_document" "telemetry" {
  statement {
    sid       = "WriteMetrics"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]
    resources = ["${aws_cloudwatch_log_group.metrics.arn}:*"]
  }

  statement {
    sid       = "SendTraces"
    actions   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "agent_telemetry" {
  name   = "telemetry"
  role   = aws_iam_role.agent_task.id
  policy = data.aws_iam_policy_document.telemetry.json
}

resource "aws_iam_role_policy" "web_telemetry" {
  name   = "telemetry"
  role   = aws_iam_role.web_task.id
  policy = data.aws_iam_policy_document.telemetry.json
}
