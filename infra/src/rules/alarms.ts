import { resourcesOf, type Block, type TerraformConfig } from "../terraform";

const metricsOf = (alarm: Block): Block[] => ((alarm.metric_query ?? []) as Block[]).flatMap((query) => (query.metric ?? []) as Block[]);

/** The alarms (5xx rate above 5 %, p95 latency above 30 s, Bedrock throttling), logs with retention. */
export function operationsProblems(config: TerraformConfig): string[] {
  const problems: string[] = [];
  const alarms = resourcesOf(config, "aws_cloudwatch_metric_alarm").map(([, alarm]) => alarm);

  const errorRate = alarms.find((alarm) => {
    const names = metricsOf(alarm).map((metric) => metric.metric_name);
    return names.includes("RequestCount") && names.some((name) => /5XX/.test(name));
  });
  if (!errorRate) problems.push("no alarm on the 5xx share of load balancer requests");
  else if (errorRate.threshold !== 5 || errorRate.comparison_operator !== "GreaterThanThreshold") problems.push("the 5xx alarm must fire above 5 %");

  const latency = alarms.find((alarm) => alarm.metric_name === "TargetResponseTime");
  if (!latency) problems.push("no alarm on TargetResponseTime");
  else if (latency.extended_statistic !== "p95" || latency.threshold !== 30) problems.push("the latency alarm must watch p95 above 30 s");

  const throttling = alarms.find((alarm) => alarm.namespace === "AWS/Bedrock" && alarm.metric_name === "InvocationThrottles");
  if (!throttling) problems.push("no alarm on AWS/Bedrock InvocationThrottles");

  for (const alarm of alarms) {
    if (!alarm.alarm_actions) problems.push(`alarm ${alarm.alarm_name} notifies no one`);
  }

  const logGroups = resourcesOf(config, "aws_cloudwatch_log_group");
  if (logGroups.length < 2) problems.push("each service needs a log group");
  for (const [name, group] of logGroups) {
    if (group.retention_in_days === undefined) problems.push(`aws_cloudwatch_log_group.${name}: retention_in_days is missing (logs would be kept forever)`);
  }
  return problems;
}
