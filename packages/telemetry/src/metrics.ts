import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import {
  closed,
  CALL_OUTCOMES,
  DYNAMODB_OPERATIONS,
  GENERATION_OUTCOMES,
  IMAGE_JOB_STATES,
  isRouteTemplate,
  LIMITS,
  MAX_MODELS,
  MAX_ROUTES,
  MODEL_CALL_KINDS,
  methodLabel,
  OTHER,
  statusClass,
  UNMATCHED_ROUTE,
  type CallOutcome,
  type GenerationOutcome,
  type ImageJobState,
  type LimitName,
  type ModelCallKind,
} from "./labels";

/** The prefix of every family this package defines (the default process metrics keep their standard names). */
export const DEFAULT_PREFIX = "strategist_";

/** The families this package defines, without prefix, and their type. */
export const FAMILIES = {
  http_request_duration_seconds: "histogram",
  generations_total: "counter",
  model_call_duration_seconds: "histogram",
  model_input_tokens_total: "counter",
  model_output_tokens_total: "counter",
  model_cost_usd_total: "counter",
  limit_rejections_total: "counter",
  image_jobs_total: "counter",
  image_queue_depth: "gauge",
  image_queue_oldest_age_seconds: "gauge",
  dynamodb_call_duration_seconds: "histogram",
  idempotent_replays_total: "counter",
} as const;

/** Every family name this package defines, with the default prefix: what dashboards and alerts may query. */
export const METRIC_FAMILIES: readonly string[] = Object.keys(FAMILIES).map((name) => `${DEFAULT_PREFIX}${name}`);

const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
const MODEL_BUCKETS = [0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300];
const DYNAMODB_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export interface MetricsOptions {
  /** Prefix of this package's families (default `strategist_`). */
  prefix?: string;
  /** Route templates known up front (more may be registered with `registerRoute`). */
  routes?: Iterable<string>;
  /** Model ids known up front (more may be registered with `registerModel`). */
  models?: Iterable<string>;
}

/** A Prometheus registry with the product's families and typed helpers that keep every label value in a closed set. */
export interface Metrics {
  readonly registry: Registry;
  /** Adds a route template (`/api/strategy/:id`); throws on anything that is not a template, or past the cap. */
  registerRoute(template: string): void;
  /** Adds a model id from the configured catalog; throws past the cap. */
  registerModel(modelId: string): void;
  /** Records one HTTP request; an unregistered route is recorded as "unmatched". */
  observeRequest(routeTemplate: string, method: string, status: number, seconds: number): void;
  countGeneration(outcome: GenerationOutcome, model: string): void;
  observeModelCall(model: string, kind: ModelCallKind, seconds: number): void;
  countTokens(model: string, tokens: { input: number; output: number }): void;
  addCost(model: string, usd: number): void;
  countLimitRejection(limit: LimitName): void;
  countImageJob(state: ImageJobState): void;
  setImageQueue(queue: { depth: number; oldestAgeSeconds: number }): void;
  observeDynamoDbCall(operation: string, outcome: CallOutcome, seconds: number): void;
  countIdempotentReplay(): void;
  /** The exposition text, as /metrics serves it. */
  expose(): Promise<string>;
}

/**
 * prom-client's default set includes three gauges ending in `_total` (totals of the per-type gauges
 * nodejs_active_handles, nodejs_active_requests and nodejs_active_resources, which stay); promtool rejects
 * the suffix on a gauge, so the totals are removed: `sum()` over the per-type gauges gives them back.
 */
function removeNonCounterTotals(registry: Registry): void {
  for (const name of ["nodejs_active_handles_total", "nodejs_active_requests_total", "nodejs_active_resources_total"]) registry.removeSingleMetric(name);
}

const nonNegative = (value: number) => (Number.isFinite(value) && value > 0 ? value : 0);

/** Builds a fresh registry with the default process metrics (event-loop lag included) and the product's families. */
export function createMetrics(options: MetricsOptions = {}): Metrics {
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });
  const registers = [registry];
  removeNonCounterTotals(registry);
  const name = (family: keyof typeof FAMILIES) => `${prefix}${family}`;

  const httpDuration = new Histogram({
    name: name("http_request_duration_seconds"),
    help: "HTTP request duration by route template, method and status class.",
    labelNames: ["route", "method", "status_class"] as const,
    buckets: HTTP_BUCKETS,
    registers,
  });
  const generations = new Counter({
    name: name("generations_total"),
    help: "Generations by outcome and model.",
    labelNames: ["outcome", "model"] as const,
    registers,
  });
  const modelDuration = new Histogram({
    name: name("model_call_duration_seconds"),
    help: "Model call duration by model and kind.",
    labelNames: ["model", "kind"] as const,
    buckets: MODEL_BUCKETS,
    registers,
  });
  const inputTokens = new Counter({
    name: name("model_input_tokens_total"),
    help: "Input tokens sent to each model.",
    labelNames: ["model"] as const,
    registers,
  });
  const outputTokens = new Counter({
    name: name("model_output_tokens_total"),
    help: "Output tokens received from each model.",
    labelNames: ["model"] as const,
    registers,
  });
  const cost = new Counter({
    name: name("model_cost_usd_total"),
    help: "Estimated model cost in US dollars, from the configured prices.",
    labelNames: ["model"] as const,
    registers,
  });
  const limitRejections = new Counter({
    name: name("limit_rejections_total"),
    help: "Requests turned away by a limit.",
    labelNames: ["limit"] as const,
    registers,
  });
  const imageJobs = new Counter({ name: name("image_jobs_total"), help: "Image job state transitions.", labelNames: ["state"] as const, registers });
  const queueDepth = new Gauge({ name: name("image_queue_depth"), help: "Image jobs waiting to be processed.", registers });
  const queueAge = new Gauge({ name: name("image_queue_oldest_age_seconds"), help: "Age of the oldest waiting image job.", registers });
  const dynamoDuration = new Histogram({
    name: name("dynamodb_call_duration_seconds"),
    help: "DynamoDB call duration by operation and outcome.",
    labelNames: ["operation", "outcome"] as const,
    buckets: DYNAMODB_BUCKETS,
    registers,
  });
  const replays = new Counter({ name: name("idempotent_replays_total"), help: "Requests answered from a stored idempotent result.", registers });

  // Closed sets start at zero so rate() and absent() see them before the first event.
  for (const limit of LIMITS) limitRejections.inc({ limit }, 0);
  for (const state of IMAGE_JOB_STATES) imageJobs.inc({ state }, 0);

  const routes = new Set<string>();
  // Keyed by registered route, method and status: bounded by the closed sets (unknown methods share "OTHER").
  const requestSeries = new Map<string, { observe(value: number): void }>();
  const models = new Set<string>();
  const registerRoute = (template: string) => {
    if (routes.has(template)) return;
    if (!isRouteTemplate(template)) throw new Error(`not a route template: ${JSON.stringify(template)}`);
    if (routes.size >= MAX_ROUTES) throw new Error(`more than ${MAX_ROUTES} route templates registered`);
    routes.add(template);
  };
  const registerModel = (modelId: string) => {
    if (models.has(modelId)) return;
    if (models.size >= MAX_MODELS) throw new Error(`more than ${MAX_MODELS} models registered`);
    models.add(modelId);
  };
  for (const route of options.routes ?? []) registerRoute(route);
  for (const model of options.models ?? []) registerModel(model);
  const model = (modelId: string) => (models.has(modelId) ? modelId : OTHER);

  return {
    registry,
    registerRoute,
    registerModel,
    observeRequest(routeTemplate, method, status, seconds) {
      const route = routes.has(routeTemplate) ? routeTemplate : UNMATCHED_ROUTE;
      // One labelled child per series, found by a string key: no label-object hashing on every request.
      const key = `${route} ${method} ${status}`;
      let series = requestSeries.get(key);
      if (!series) {
        series = httpDuration.labels({ route, method: methodLabel(method), status_class: statusClass(status) });
        requestSeries.set(key, series);
      }
      series.observe(nonNegative(seconds));
    },
    countGeneration(outcome, modelId) {
      generations.inc({ outcome: closed(GENERATION_OUTCOMES, outcome), model: model(modelId) });
    },
    observeModelCall(modelId, kind, seconds) {
      modelDuration.observe({ model: model(modelId), kind: closed(MODEL_CALL_KINDS, kind) }, nonNegative(seconds));
    },
    countTokens(modelId, tokens) {
      inputTokens.inc({ model: model(modelId) }, nonNegative(tokens.input));
      outputTokens.inc({ model: model(modelId) }, nonNegative(tokens.output));
    },
    addCost(modelId, usd) {
      cost.inc({ model: model(modelId) }, nonNegative(usd));
    },
    countLimitRejection(limit) {
      limitRejections.inc({ limit: closed(LIMITS, limit) });
    },
    countImageJob(state) {
      imageJobs.inc({ state: closed(IMAGE_JOB_STATES, state) });
    },
    setImageQueue(queue) {
      queueDepth.set(nonNegative(queue.depth));
      queueAge.set(nonNegative(queue.oldestAgeSeconds));
    },
    observeDynamoDbCall(operation, outcome, seconds) {
      dynamoDuration.observe({ operation: closed(DYNAMODB_OPERATIONS, operation), outcome: closed(CALL_OUTCOMES, outcome) }, nonNegative(seconds));
    },
    countIdempotentReplay() {
      replays.inc();
    },
    expose: () => registry.metrics(),
  };
}

/**
 * The one registry of this process under `name`, created on first use. A bundler may load the module that asks
 * for it more than once (Next.js compiles its instrumentation hook and its route handlers separately), so the
 * registry is kept on the global object rather than in a module variable.
 */
export function processMetrics(name: string, options: MetricsOptions = {}): Metrics {
  const key = Symbol.for(`strategist.metrics.${name}`);
  const store = globalThis as unknown as Record<symbol, Metrics | undefined>;
  return (store[key] ??= createMetrics(options));
}
