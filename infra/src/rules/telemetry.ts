import { containerDefinitions, expandedText, resourcesOf, type Block, type TerraformConfig } from "../terraform";

/** Metric names a CloudWatch dashboard body or alarm reads (`MetricName="x"`, `metric_name = "x"`). */
export function cloudWatchMetricNames(text: string): string[] {
  return [...new Set([...text.matchAll(/\b((?:strategist|nodejs)_[a-z0-9_]+)\b/g)].map((match) => match[1]!))];
}

const alarmsOf = (config: TerraformConfig): Block[] => resourcesOf(config, "aws_cloudwatch_metric_alarm").map(([, alarm]) => alarm);
const metricNamesOf = (alarm: Block): string[] =>
  [
    alarm.metric_name,
    ...((alarm.metric_query ?? []) as Block[]).flatMap((query) => ((query.metric ?? []) as Block[]).map((metric) => metric.metric_name)),
  ].filter(Boolean);

/**
 * Telemetry in AWS: a collector sidecar beside each app (not essential, pinned), the apps sending spans to it on
 * localhost, trace export to X-Ray or var.otlp_traces_endpoint, a CloudWatch dashboard over the product's
 * families, and alarms on each model's error rate and the agent's p99 latency.
 */
export function telemetryProblems(config: TerraformConfig, familiesOnDashboard: readonly string[]): string[] {
  const problems: string[] = [];
  for (const service of ["agent", "web"]) {
    const containers = containerDefinitions(config, service);
    const app = containers.find((container) => container.name === service);
    const collector = containers.find((container) => container.name === "otel-collector");
    if (!collector) {
      problems.push(`${service}: the task definition needs the otel-collector sidecar`);
      continue;
    }
    if (collector.essential !== false) problems.push(`${service}: the collector sidecar must not be essential (its failure must not stop the app)`);
    if (collector.image !== "${var.collector_image}") problems.push(`${service}: the collector image must be var.collector_image (validated as pinned)`);
    const endpoint = app?.environment?.find((variable) => variable.name === "OTEL_EXPORTER_OTLP_ENDPOINT")?.value;
    if (endpoint !== "http://127.0.0.1:4318")
      problems.push(`${service}: OTEL_EXPORTER_OTLP_ENDPOINT must point at the sidecar (http://127.0.0.1:4318), got ${JSON.stringify(endpoint)}`);
    const exported = expandedText(collector.environment, config.locals);
    if (!exported.includes("var.otlp_traces_endpoint") || !exported.includes("awsxray"))
      problems.push(`${service}: the collector must send traces to X-Ray or to var.otlp_traces_endpoint`);
    if (!exported.includes("awsemf")) problems.push(`${service}: the collector must write the metrics to CloudWatch (awsemf)`);
  }

  const dashboards = resourcesOf(config, "aws_cloudwatch_dashboard");
  if (dashboards.length === 0) problems.push("no aws_cloudwatch_dashboard");
  const dashboardText = dashboards.map(([, dashboard]) => expandedText(dashboard.dashboard_body, config.locals)).join("\n");
  for (const family of familiesOnDashboard) {
    if (!dashboardText.includes(family)) problems.push(`the CloudWatch dashboard has no panel on ${family}`);
  }

  const alarms = alarmsOf(config);
  const modelErrors = alarms.find((alarm) => metricNamesOf(alarm).includes("strategist_generations_total"));
  if (!modelErrors) problems.push("no alarm on the model error rate (strategist_generations_total)");
  else if (!String(modelErrors.for_each ?? "").includes("bedrock_model_ids")) problems.push("the model error rate alarm must exist once per configured model");
  const latency = alarms.find((alarm) => alarm.metric_name === "strategist_http_request_duration_seconds");
  if (!latency) problems.push("no alarm on the agent's p99 request duration");
  else if (latency.extended_statistic !== "p99") problems.push("the request duration alarm must watch p99");
  return problems;
}
