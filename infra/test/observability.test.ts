import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { createMetrics, METRIC_FAMILIES } from "@strategist/telemetry";
import { parseCompose } from "../src/compose";
import { withEdit } from "../src/mutation";
import { dashboardQueries, metricNamesIn, observabilityProblems, prometheusConfigProblems, unknownMetricNames } from "../src/observability";
import { REPO_ROOT } from "../src/paths";
import { policyDocumentProblems } from "../src/rules/iam";
import { telemetryProblems } from "../src/rules/telemetry";
import { parseTerraform, readTerraformSources, type TerraformConfig } from "../src/terraform";

const run = promisify(execFile);
const read = (path: string) => readFileSync(join(REPO_ROOT, path), "utf8");
const composeText = read("docker-compose.yml");
const prometheusText = read("ops/prometheus/prometheus.yml");
const alertsText = read("ops/prometheus/alerts.yml");
const dashboard = JSON.parse(read("ops/grafana/dashboards/strategist.json"));

/** Every family the telemetry package's registry defines, the default process metrics included. */
const registryNames = createMetrics()
  .registry.getMetricsAsArray()
  .map((metric) => metric.name);

/** The alert rules' expressions, in the dashboard-query shape. */
const alertQueries = (parse(alertsText) as { groups: { rules: { alert: string; expr: string }[] }[] }).groups.flatMap((group) =>
  group.rules.map((rule) => ({ panel: rule.alert, expr: rule.expr })),
);

describe("the observability profile in docker-compose.yml", () => {
  const problemsAfter = (from: string | RegExp, to: string) => observabilityProblems(parseCompose(withEdit({ f: composeText }, "f", from, to).f!));

  it("adds pinned Prometheus, Grafana and Jaeger under the profile; the apps trace only when the endpoint is set", () => {
    expect(observabilityProblems(parseCompose(composeText))).toEqual([]);
  });

  it("reports an unpinned image, a service outside the profile, a default endpoint, a published metrics port", () => {
    expect(problemsAfter("image: grafana/grafana:11.4.0", "image: grafana/grafana:latest")).toContain(
      "grafana: image must be pinned to a version (x.y.z), got grafana/grafana:latest",
    );
    expect(problemsAfter(/(?<=jaeger:\n    image: [^\n]+\n)    profiles: \["observability"\]\n/, "")).toContain(
      "jaeger: must start only with the observability profile",
    );
    expect(
      problemsAfter(
        "means no tracing.\n      OTEL_EXPORTER_OTLP_ENDPOINT: ${OTEL_EXPORTER_OTLP_ENDPOINT:-}",
        "means no tracing.\n      OTEL_EXPORTER_OTLP_ENDPOINT: http://jaeger:4318",
      ),
    ).toContain("agent: OTEL_EXPORTER_OTLP_ENDPOINT must be ${OTEL_EXPORTER_OTLP_ENDPOINT:-} (empty, so no tracing, unless set)");
    expect(problemsAfter('      - "8000:8000"\n', '      - "8000:8000"\n      - "9464:9464"\n')).toContain(
      "agent: metrics port published as 9464:9464; Prometheus scrapes it inside the network",
    );
  });
});

describe("ops/prometheus", () => {
  beforeAll(async () => {
    await run("sh", [join(REPO_ROOT, "packages/telemetry/scripts/ensure-prometheus.sh")], { timeout: 280_000 });
  }, 300_000);

  it("scrapes agent:9464 and web:9465 and loads the alert rules", () => {
    expect(prometheusConfigProblems(prometheusText)).toEqual([]);
    expect(prometheusConfigProblems(prometheusText.replace("web:9465", "web:3000"))).toEqual(["prometheus.yml: job web must scrape web:9465, got web:3000"]);
  });

  it("passes promtool check config and promtool check rules", async () => {
    const dir = mkdtempSync(join(tmpdir(), "prometheus-config-"));
    writeFileSync(join(dir, "alerts.yml"), alertsText);
    writeFileSync(join(dir, "prometheus.yml"), prometheusText.replace("/etc/prometheus/alerts.yml", join(dir, "alerts.yml")));
    await expect(run("promtool", ["check", "config", join(dir, "prometheus.yml")])).resolves.toBeDefined();
    const rules = await run("promtool", ["check", "rules", join(REPO_ROOT, "ops/prometheus/alerts.yml")]);
    expect(rules.stdout).toMatch(/SUCCESS: 5 rules found/);
  });

  it("alert rules read only metrics the registry defines", () => {
    expect(unknownMetricNames(alertQueries, registryNames)).toEqual([]);
  });
});

describe("the Grafana dashboard", () => {
  const queries = dashboardQueries(dashboard);

  it("queries only metrics the telemetry package's registry defines", () => {
    expect(queries.length).toBeGreaterThan(10);
    expect(unknownMetricNames(queries, registryNames)).toEqual([]);
  });

  it("reports a query on a name the registry does not define", () => {
    expect(unknownMetricNames([{ panel: "p", expr: 'sum(rate(strategist_http_requests_total{route="/x"}[5m]))' }], registryNames)).toEqual([
      "p: strategist_http_requests_total is not a metric the registry defines",
    ]);
    expect(metricNamesIn('histogram_quantile(0.99, sum by (le) (rate(strategist_model_call_duration_seconds_bucket{model="strategist_fake"}[5m])))')).toEqual([
      "strategist_model_call_duration_seconds",
    ]);
  });

  it("has the issue's panels: requests, errors and percentiles by route, outcomes, model latency and tokens, cost, image queue, limits, event loop", () => {
    const used = new Set(queries.flatMap((query) => metricNamesIn(query.expr)));
    for (const family of METRIC_FAMILIES) expect(used, family).toContain(family);
    expect(used).toContain("nodejs_eventloop_lag_p99_seconds");
  });

  it("reads the provisioned Prometheus datasource", () => {
    const datasources = parse(read("ops/grafana/provisioning/datasources/datasources.yml")) as { datasources: { uid: string; url: string }[] };
    expect(datasources.datasources.find((source) => source.uid === "prometheus")?.url).toBe("http://prometheus:9090");
    const uids = new Set(JSON.stringify(dashboard).match(/"uid":\s*"[^"]+"/g));
    expect(uids).toEqual(new Set(['"uid":"strategist"', '"uid":"prometheus"']));
  });
});

describe("telemetry in Terraform", { timeout: 30_000 }, () => {
  const sources = readTerraformSources();
  let stack: TerraformConfig;
  const families = dashboardQueries(dashboard).flatMap((query) => metricNamesIn(query.expr));
  const checked = [...new Set(families)];
  beforeAll(async () => {
    stack = await parseTerraform(sources);
  });
  const problemsAfter = async (file: string, from: string | RegExp, to: string) =>
    telemetryProblems(await parseTerraform(withEdit(sources, file, from, to)), checked);

  it("has the collector sidecars, trace export, a CloudWatch dashboard with the Grafana panels' families, and the new alarms", () => {
    expect(telemetryProblems(stack, checked)).toEqual([]);
  });

  it("reports an essential sidecar, a missing dashboard panel, a missing model error alarm, spans sent elsewhere", async () => {
    expect(
      await problemsAfter(
        "observability.tf",
        /essential   = false(?=\n    command     = \["--config=env:AOT_CONFIG_CONTENT"\]\n    environment = \[\{ name = "AOT_CONFIG_CONTENT", value = local.collector_config\["agent"\] \}\])/,
        "essential   = true",
      ),
    ).toContain("agent: the collector sidecar must not be essential (its failure must not stop the app)");
    expect((await problemsAfter("dashboard.tf", /\n    \{ title = "Event loop lag p50 and p99 \(s\)"[^\n]+/, "")).join()).toMatch(
      /no panel on nodejs_eventloop_lag_p99_seconds/,
    );
    expect(
      await problemsAfter(
        "alarms.tf",
        'resource "aws_cloudwatch_metric_alarm" "model_error_rate" {\n  for_each = toset(local.bedrock_model_ids)',
        'resource "aws_cloudwatch_metric_alarm" "model_error_rate" {\n  for_each = toset(["one"])',
      ),
    ).toContain("the model error rate alarm must exist once per configured model");
    expect(
      (
        await problemsAfter(
          "containers.tf",
          /(?<=auth_rate_limit_per_ip_per_minute\) \},\n      # Read by the OpenTelemetry SDK[^\n]+\n      )\{ name = "OTEL_EXPORTER_OTLP_ENDPOINT", value = "http:\/\/127\.0\.0\.1:4318" \}/,
          '{ name = "OTEL_EXPORTER_OTLP_ENDPOINT", value = "https://collector.example.com" }',
        )
      ).join(),
    ).toMatch(/web: OTEL_EXPORTER_OTLP_ENDPOINT must point at the sidecar/);
  });

  it("IAM: the collector's grants pass the policy checks; X-Ray keeps its \"*\" to itself and log writes name this stack's log group", async () => {
    expect(policyDocumentProblems(stack)).toEqual([]);
    const widened = await parseTerraform(withEdit(sources, "observability.tf", '"xray:GetSamplingTargets"]', '"xray:GetSamplingTargets", "s3:GetObject"]'));
    expect(policyDocumentProblems(widened).join()).toMatch(/telemetry: a resource is or may evaluate to a wildcard/);
    const anyLogGroup = await parseTerraform(
      withEdit(sources, "observability.tf", 'resources = ["${aws_cloudwatch_log_group.metrics.arn}:*"]', 'resources = ["*"]'),
    );
    expect(policyDocumentProblems(anyLogGroup).join()).toMatch(/log writes must name the streams of a log group of this stack/);
    const extra = await parseTerraform(
      withEdit(sources, "observability.tf", '"logs:DescribeLogStreams"]', '"logs:DescribeLogStreams", "logs:DeleteLogGroup"]'),
    );
    expect(policyDocumentProblems(extra).join()).toMatch(/logs:DeleteLogGroup is not one of/);
  });
});
