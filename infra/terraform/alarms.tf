# Alarms: the load balancer's 5xx share and p95 latency, Bedrock throttling, image job dead letters, and from the
# apps' own metrics the agent's p99 latency and each model's error rate. docs/operations.md has the runbook.

resource "aws_sns_topic" "alarms" {
  name = "${local.name}-alarms"
}

resource "aws_sns_topic_subscription" "alarm_email" {
  count     = var.alarm_email != "" ? 1 : 0
  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = var.alarm_email
}

resource "aws_cloudwatch_metric_alarm" "alb_5xx_rate" {
  alarm_name          = "${local.name}-5xx-rate"
  alarm_description   = "More than 5 % of requests to the web load balancer ended in a 5xx (targets or the ALB itself)."
  comparison_operator = "GreaterThanThreshold"
  threshold           = 5
  evaluation_periods  = 3
  datapoints_to_alarm = 2
  # No traffic is not an outage.
  treat_missing_data = "notBreaching"
  alarm_actions      = [aws_sns_topic.alarms.arn]
  ok_actions         = [aws_sns_topic.alarms.arn]

  metric_query {
    id          = "error_rate"
    expression  = "100 * (FILL(target_5xx, 0) + FILL(elb_5xx, 0)) / requests"
    label       = "5xx responses (%)"
    return_data = true
  }

  metric_query {
    id = "requests"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "RequestCount"
      dimensions  = { LoadBalancer = aws_lb.web.arn_suffix }
      period      = 60
      stat        = "Sum"
    }
  }

  metric_query {
    id = "target_5xx"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HTTPCode_Target_5XX_Count"
      dimensions  = { LoadBalancer = aws_lb.web.arn_suffix }
      period      = 60
      stat        = "Sum"
    }
  }

  metric_query {
    id = "elb_5xx"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HTTPCode_ELB_5XX_Count"
      dimensions  = { LoadBalancer = aws_lb.web.arn_suffix }
      period      = 60
      stat        = "Sum"
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "p95_latency" {
  alarm_name          = "${local.name}-p95-latency"
  alarm_description   = "p95 target response time of the web load balancer above 30 seconds."
  namespace           = "AWS/ApplicationELB"
  metric_name         = "TargetResponseTime"
  dimensions          = { LoadBalancer = aws_lb.web.arn_suffix }
  extended_statistic  = "p95"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  comparison_operator = "GreaterThanThreshold"
  threshold           = 30
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
}

# One alarm per configured model: the agent retries and falls back, but sustained throttling means
# the account's Bedrock quota needs raising.
resource "aws_cloudwatch_metric_alarm" "bedrock_throttling" {
  for_each = toset(local.bedrock_model_ids)

  alarm_name          = "${local.name}-bedrock-throttling-${replace(each.value, "/[^A-Za-z0-9-]/", "-")}"
  alarm_description   = "Bedrock throttled invocations of ${each.value}."
  namespace           = "AWS/Bedrock"
  metric_name         = "InvocationThrottles"
  dimensions          = { ModelId = each.value }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
}

resource "aws_cloudwatch_metric_alarm" "image_jobs_dead_letters" {
  alarm_name          = "${local.name}-image-jobs-dead-letters"
  alarm_description   = "Image job wake-ups reached the dead-letter queue: the image worker failed on them three times."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = aws_sqs_queue.image_jobs_dlq.name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
}

# From the apps' own metrics (observability.tf): the agent's p99 request duration, all routes.
resource "aws_cloudwatch_metric_alarm" "agent_p99_latency" {
  alarm_name          = "${local.name}-agent-p99-latency"
  alarm_description   = "p99 duration of the agent's requests above ${var.p99_latency_threshold_seconds} s (docs/operations.md, runbook)."
  namespace           = local.metrics_namespace
  metric_name         = "strategist_http_request_duration_seconds"
  dimensions          = { service = "agent" }
  extended_statistic  = "p99"
  period              = 300
  evaluation_periods  = 3
  datapoints_to_alarm = 2
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.p99_latency_threshold_seconds
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
}

# One alarm per configured model: the share of its generations that failed in the model (an error, a
# timeout, throttling or output that failed validation).
resource "aws_cloudwatch_metric_alarm" "model_error_rate" {
  for_each = toset(local.bedrock_model_ids)

  alarm_name          = "${local.name}-model-error-rate-${replace(each.value, "/[^A-Za-z0-9-]/", "-")}"
  alarm_description   = "More than ${var.model_error_rate_threshold_percent} % of generations on ${each.value} failed in the model (docs/operations.md, runbook)."
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.model_error_rate_threshold_percent
  evaluation_periods  = 3
  datapoints_to_alarm = 2
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

  metric_query {
    id          = "error_rate"
    expression  = "100 * (${join(" + ", [for outcome in local.model_failure_outcomes : "FILL(${outcome}, 0)"])}) / generations"
    label       = "Model failures (%)"
    return_data = true
  }

  metric_query {
    id = "generations"
    metric {
      namespace   = local.metrics_namespace
      metric_name = "strategist_generations_total"
      dimensions  = { model = each.value }
      period      = 300
      stat        = "Sum"
    }
  }

  dynamic "metric_query" {
    for_each = toset(local.model_failure_outcomes)
    content {
      id = metric_query.value
      metric {
        namespace   = local.metrics_namespace
        metric_name = "strategist_generations_total"
        dimensions  = { model = each.value, outcome = metric_query.value }
        period      = 300
        stat        = "Sum"
      }
    }
  }
}
