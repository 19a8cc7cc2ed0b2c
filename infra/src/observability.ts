import { parse } from "yaml";
import { environmentOf, type ComposeFile, type ComposeService } from "./compose";

/** The services the `observability` profile adds, and what each must run. */
export const OBSERVABILITY_SERVICES = { prometheus: "prom/prometheus", grafana: "grafana/grafana", jaeger: "jaegertracing/all-in-one" } as const;
/** The agent's and the web app's metrics ports (never published on the host). */
export const METRICS_PORTS = { agent: 9464, web: 9465 } as const;

const PINNED_TAG = /:v?\d+\.\d+\.\d+$/;
const volumesOf = (service: ComposeService | undefined): string[] => ((service?.volumes as string[] | undefined) ?? []).map(String);

/**
 * The observability profile: pinned Prometheus, Grafana and Jaeger that start only with the profile, provisioned
 * from ops/; the apps export traces only when OTEL_EXPORTER_OTLP_ENDPOINT is set (empty by default); metrics
 * ports stay inside the compose network.
 */
export function observabilityProblems(compose: ComposeFile): string[] {
  const problems: string[] = [];
  const services = compose.services ?? {};
  for (const [name, image] of Object.entries(OBSERVABILITY_SERVICES)) {
    const service = services[name];
    if (!service) {
      problems.push(`${name}: the observability profile needs this service`);
      continue;
    }
    if (!service.image?.startsWith(`${image}:`)) problems.push(`${name}: must run ${image}, got ${service.image ?? "nothing"}`);
    if (!PINNED_TAG.test(service.image ?? "")) problems.push(`${name}: image must be pinned to a version (x.y.z), got ${service.image ?? "nothing"}`);
    if (JSON.stringify(service.profiles) !== JSON.stringify(["observability"])) problems.push(`${name}: must start only with the observability profile`);
    for (const port of service.ports ?? []) if (!String(port).startsWith("127.0.0.1:")) problems.push(`${name}: port ${port} must be bound to 127.0.0.1`);
  }
  if (!volumesOf(services.prometheus).some((volume) => volume.startsWith("./ops/prometheus:/etc/prometheus")))
    problems.push("prometheus: must mount ./ops/prometheus as its configuration");
  if (!volumesOf(services.grafana).some((volume) => volume.startsWith("./ops/grafana/provisioning:/etc/grafana/provisioning")))
    problems.push("grafana: must mount ./ops/grafana/provisioning");
  if (!volumesOf(services.grafana).some((volume) => volume.startsWith("./ops/grafana/dashboards:/var/lib/grafana/dashboards")))
    problems.push("grafana: must mount ./ops/grafana/dashboards");
  if (environmentOf(services.jaeger).COLLECTOR_OTLP_ENABLED !== "true") problems.push("jaeger: must receive OTLP (COLLECTOR_OTLP_ENABLED=true)");

  for (const app of ["agent", "web"] as const) {
    const service = services[app];
    if (service?.profiles) problems.push(`${app}: must run without a profile`);
    if (environmentOf(service).OTEL_EXPORTER_OTLP_ENDPOINT !== "${OTEL_EXPORTER_OTLP_ENDPOINT:-}") {
      problems.push(`${app}: OTEL_EXPORTER_OTLP_ENDPOINT must be \${OTEL_EXPORTER_OTLP_ENDPOINT:-} (empty, so no tracing, unless set)`);
    }
  }
  for (const [name, service] of Object.entries(services)) {
    for (const port of service.ports ?? []) {
      if (Object.values(METRICS_PORTS).some((metricsPort) => new RegExp(`(^|:)${metricsPort}$`).test(String(port))))
        problems.push(`${name}: metrics port published as ${port}; Prometheus scrapes it inside the network`);
    }
  }
  return problems;
}

interface PrometheusConfig {
  rule_files?: string[];
  scrape_configs?: { job_name: string; static_configs?: { targets: string[] }[] }[];
}

/** ops/prometheus/prometheus.yml scrapes agent:9464 as job agent and web:9465 as job web, and loads the alert rules. */
export function prometheusConfigProblems(text: string): string[] {
  const config = parse(text) as PrometheusConfig;
  const problems: string[] = [];
  for (const [job, port] of Object.entries(METRICS_PORTS)) {
    const scrape = config.scrape_configs?.find((entry) => entry.job_name === job);
    const targets = scrape?.static_configs?.flatMap((entry) => entry.targets) ?? [];
    if (!targets.includes(`${job}:${port}`)) problems.push(`prometheus.yml: job ${job} must scrape ${job}:${port}, got ${targets.join(", ") || "nothing"}`);
  }
  if (!config.rule_files?.includes("/etc/prometheus/alerts.yml")) problems.push("prometheus.yml: must load /etc/prometheus/alerts.yml");
  return problems;
}

/** Metric names a PromQL expression reads, with the histogram suffixes taken off (`x_bucket` -> `x`). */
export function metricNamesIn(expression: string): string[] {
  const withoutStrings = expression.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const names = [...withoutStrings.matchAll(/\b((?:strategist|nodejs|process)_[a-z0-9_]+)\b/g)].map((match) => match[1]!);
  return [...new Set(names.map((name) => name.replace(/_(bucket|sum|count)$/, "")))];
}

interface DashboardPanel {
  title?: string;
  targets?: { expr?: string }[];
  panels?: DashboardPanel[];
}

/** Every PromQL expression of a Grafana dashboard, by panel title. */
export function dashboardQueries(dashboard: { panels?: DashboardPanel[] }): { panel: string; expr: string }[] {
  const walk = (panels: DashboardPanel[] = []): { panel: string; expr: string }[] =>
    panels.flatMap((panel) => [
      ...(panel.targets ?? []).flatMap((target) => (target.expr ? [{ panel: panel.title ?? "?", expr: target.expr }] : [])),
      ...walk(panel.panels),
    ]);
  return walk(dashboard.panels);
}

/** Names queried by the dashboard (or the alert rules) that the registry does not define. */
export function unknownMetricNames(queries: { panel: string; expr: string }[], defined: readonly string[]): string[] {
  return queries.flatMap(({ panel, expr }) =>
    metricNamesIn(expr)
      .filter((name) => !defined.includes(name))
      .map((name) => `${panel}: ${name} is not a metric the registry defines`),
  );
}
