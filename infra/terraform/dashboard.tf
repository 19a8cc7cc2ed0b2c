# The CloudWatch dashboard: the same panels as ops/grafana/dashboards/strategist.json, read from the
# metrics the collector sidecars write (observability.tf). SEARCH finds every route, model and limit
# without listing them here.

locals {
  ns = local.metrics_namespace
  dashboard_widgets = [
    { title = "Request rate by route (per minute)", stat = "SampleCount", period = 60, expression = "SEARCH('{${local.ns},service,route} MetricName=\"strategist_http_request_duration_seconds\"', 'SampleCount', 60)" },
    { title = "5xx by route (per minute)", stat = "SampleCount", period = 60, expression = "SEARCH('{${local.ns},service,route,status_class} MetricName=\"strategist_http_request_duration_seconds\" status_class=\"5xx\"', 'SampleCount', 60)" },
    { title = "p50 duration by route (s)", stat = "p50", period = 60, expression = "SEARCH('{${local.ns},service,route} MetricName=\"strategist_http_request_duration_seconds\"', 'p50', 60)" },
    { title = "p99 duration by route (s)", stat = "p99", period = 60, expression = "SEARCH('{${local.ns},service,route} MetricName=\"strategist_http_request_duration_seconds\"', 'p99', 60)" },
    { title = "Generation outcomes (per 5 minutes)", stat = "Sum", period = 300, expression = "SEARCH('{${local.ns},outcome} MetricName=\"strategist_generations_total\"', 'Sum', 300)" },
    { title = "Model call p99 by model (s)", stat = "p99", period = 300, expression = "SEARCH('{${local.ns},model} MetricName=\"strategist_model_call_duration_seconds\"', 'p99', 300)" },
    { title = "Tokens by model (per 5 minutes)", stat = "Sum", period = 300, expression = "SEARCH('{${local.ns},model} MetricName=\"strategist_model_input_tokens_total\" OR MetricName=\"strategist_model_output_tokens_total\"', 'Sum', 300)" },
    { title = "Estimated cost per hour by model (USD)", stat = "Sum", period = 3600, expression = "SEARCH('{${local.ns},model} MetricName=\"strategist_model_cost_usd_total\"', 'Sum', 3600)" },
    { title = "Image queue: depth and oldest age (s)", stat = "Maximum", period = 60, expression = "SEARCH('{${local.ns},service} MetricName=\"strategist_image_queue_depth\" OR MetricName=\"strategist_image_queue_oldest_age_seconds\"', 'Maximum', 60)" },
    { title = "Image job transitions by state (per 5 minutes)", stat = "Sum", period = 300, expression = "SEARCH('{${local.ns},state} MetricName=\"strategist_image_jobs_total\"', 'Sum', 300)" },
    { title = "Limit rejections (per 5 minutes)", stat = "Sum", period = 300, expression = "SEARCH('{${local.ns},service,limit} MetricName=\"strategist_limit_rejections_total\"', 'Sum', 300)" },
    { title = "DynamoDB p99 by operation (s)", stat = "p99", period = 300, expression = "SEARCH('{${local.ns},operation} MetricName=\"strategist_dynamodb_call_duration_seconds\"', 'p99', 300)" },
    { title = "Idempotent replays (per 5 minutes)", stat = "Sum", period = 300, expression = "SEARCH('{${local.ns},service} MetricName=\"strategist_idempotent_replays_total\"', 'Sum', 300)" },
    { title = "Event loop lag p50 and p99 (s)", stat = "Maximum", period = 60, expression = "SEARCH('{${local.ns},service} MetricName=\"nodejs_eventloop_lag_p50_seconds\" OR MetricName=\"nodejs_eventloop_lag_p99_seconds\"', 'Maximum', 60)" },
  ]
}

resource "aws_cloudwatch_dashboard" "main" {
  dashboard_name = local.name
  dashboard_body = jsonencode({
    widgets = [for index, widget in local.dashboard_widgets : {
      type   = "metric"
      x      = (index % 2) * 12
      y      = floor(index / 2) * 6
      width  = 12
      height = 6
      properties = {
        title   = widget.title
        region  = var.aws_region
        view    = "timeSeries"
        stat    = widget.stat
        period  = widget.period
        metrics = [[{ expression = widget.expression, id = "e${index}", label = "" }]]
      }
    }]
  })
}
