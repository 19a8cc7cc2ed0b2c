import { randomBytes } from "node:crypto";
import * as dynamo from "@strategist/dynamo";
import { createDocumentClient, ensureTables } from "@strategist/dynamo";
import { startEmbeddedDynamo } from "@strategist/dynamo/embedded";
import { createAgentApp, createCatalog, loadConfig, OFFLINE_WRITERS, STRATEGY_PROMPT } from "@strategist/agent/embed";
import { Plan, StrategyRecord, type ModelInfo, type StrategyOutput } from "@strategist/schemas";
import { runChecks, type CheckResult } from "./checks";
import { PLAN_CHECKS, runPlanChecks, type PlanCheckResult } from "./plan-checks";
import type { GoldenBrief } from "./golden";

/** One brief's outcome on one model. */
export interface BriefResult {
  id: string;
  model: string;
  /** HTTP status of POST /api/strategy/generate. */
  status: number;
  /** The model that answered (a fallback may answer for the chosen one). */
  answered_by?: string;
  checks: CheckResult[];
  passed: number;
  total: number;
  latency_ms: number;
  usage?: StrategyRecord["usage"];
  /** The strategy, kept for the judge and for reading the scorecard. */
  strategy?: StrategyRecord["strategy_output"];
  error?: string;
  /** The two-week plan written from the strategy, scored with the plan checks. */
  plan?: PlanResult;
}

/** One plan's outcome: POST /api/strategy/:id/plan over Christmas and New Year, in the brief's country. */
export interface PlanResult {
  status: number;
  checks: PlanCheckResult[];
  passed: number;
  total: number;
  posts: number;
  error?: string;
  /** The first posts as the judge reads them. */
  sample?: { platform: string; caption: string; hashtags: string[] }[];
}

/** The plan's zone by the brief's answer language: a country with public holidays on 25 December and 1 January. */
const PLAN_ZONES: Record<string, string> = { en: "America/New_York", es: "Europe/Madrid", de: "Europe/Berlin", fr: "Europe/Paris" };
/** The plan's first day: two weeks across 25 December and 1 January. */
export const PLAN_START = "2026-12-21";

export interface RunOptions {
  /** Model ids from GET /api/models; the service default when empty. */
  models: string[];
  briefs: GoldenBrief[];
  /** The agent's environment (MODEL_PROVIDER, BEDROCK_*, …); table names and the JWT secret are the suite's own. */
  env: Record<string, string | undefined>;
  /** Briefs generated at once per model. */
  concurrency?: number;
  onResult?: (result: BriefResult) => void;
  /** Also writes and scores a plan from every strategy (default true). */
  plans?: boolean;
}

export interface RunOutput {
  models: ModelInfo[];
  /** The version of the strategy prompt the service sent (the offline model reads only the brief). */
  prompt: string;
  results: BriefResult[];
}

/**
 * Runs every golden brief through the real service: the agent app on an embedded dynalite, a signed-in user and
 * POST /api/strategy/generate, exactly as a client calls it. Each strategy is scored with the rule checks.
 */
export async function runSuite(options: RunOptions): Promise<RunOutput> {
  const database = await startEmbeddedDynamo();
  const config = loadConfig({
    ...options.env,
    JWT_SECRET: randomBytes(32).toString("hex"),
    DYNAMODB_ENDPOINT: database.endpoint,
    RATE_LIMIT_PER_MINUTE: "100000",
    MAX_CONCURRENT_GENERATIONS_PER_USER: "100",
    LOG_LEVEL: "silent",
  });
  const client = createDocumentClient({ region: config.AWS_REGION, endpoint: database.endpoint });
  await ensureTables(client, tablesFor(config));
  const app = await createAgentApp({ config, client, catalog: createCatalog(config, OFFLINE_WRITERS), logger: false });
  try {
    await app.ready();
    // One user per brief: concurrent briefs never queue behind one user's generation slots.
    const bearer = (userId: string) => `Bearer ${app.jwt.sign({ userId }, { expiresIn: "6h" })}`;
    const authorization = bearer("eval-suite");
    const listed = await app.inject({ method: "GET", url: "/api/models", headers: { authorization } });
    // Strategies are written by text models; image models (kind image) draw the visual prompts.
    const available = listed.json<ModelInfo[]>().filter((model) => model.kind === "text");
    const chosen = options.models.length > 0 ? options.models : [available.find((model) => model.default)!.id];
    for (const id of chosen) {
      if (!available.some((model) => model.id === id)) {
        throw new Error(`model ${id} is not enabled; GET /api/models lists ${available.map((model) => model.id).join(", ")}`);
      }
    }
    const results: BriefResult[] = [];
    for (const model of chosen) {
      const queue = [...options.briefs];
      const worker = async () => {
        for (let golden = queue.shift(); golden; golden = queue.shift()) {
          const started = Date.now();
          const response = await app.inject({
            method: "POST",
            url: "/api/strategy/generate",
            headers: { authorization: bearer(`eval-${golden.id}`) },
            payload: { ...golden.brief, model },
          });
          let outcome = score(golden, model, response.statusCode, response.body, Date.now() - started);
          if (options.plans !== false && outcome.strategy) {
            const strategyId = (JSON.parse(response.body) as StrategyRecord).id;
            const planned = await app.inject({
              method: "POST",
              url: `/api/strategy/${strategyId}/plan`,
              headers: { authorization: bearer(`eval-${golden.id}`) },
              payload: { weeks: 2, start_date: PLAN_START, timezone: PLAN_ZONES[golden.expect.language] ?? "UTC", model },
            });
            outcome = { ...outcome, plan: scorePlan(golden, outcome.strategy, planned.statusCode, planned.body) };
          }
          results.push(outcome);
          options.onResult?.(outcome);
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
    }
    const order = new Map(options.briefs.map((brief, index) => [brief.id, index]));
    results.sort((a, b) => chosen.indexOf(a.model) - chosen.indexOf(b.model) || order.get(a.id)! - order.get(b.id)!);
    return { models: available.filter((model) => chosen.includes(model.id)), prompt: STRATEGY_PROMPT.id, results };
  } finally {
    await app.close();
    client.destroy();
    await database.close();
  }
}

/**
 * Every table the agent's configuration names, on the fresh embedded database: `DYNAMODB_<NAME>_TABLE` is created
 * with `<name>TableDefinition` from @strategist/dynamo (strategies, strategy items, limits, sessions, and any table a
 * capability adds the same way).
 */
type TableDefinition = Parameters<typeof ensureTables>[1][number];

function tablesFor(config: Record<string, unknown>): TableDefinition[] {
  const definitions = dynamo as unknown as Record<string, unknown>;
  return Object.entries(config).flatMap(([key, name]) => {
    const match = /^DYNAMODB_([A-Z_]+)_TABLE$/.exec(key);
    if (!match || typeof name !== "string") return [];
    const camel = match[1]!.toLowerCase().replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
    const define = definitions[`${camel}TableDefinition`];
    return typeof define === "function" ? [(define as (table: string) => TableDefinition)(name)] : [];
  });
}

/** Scores one plan; a failed request fails every plan check. */
function scorePlan(golden: GoldenBrief, strategy: StrategyOutput, status: number, body: string): PlanResult {
  const parsed = status === 200 ? Plan.safeParse(JSON.parse(body)) : undefined;
  if (!parsed?.success) {
    const error = parsed ? "the response is not a Plan" : `HTTP ${status}: ${body.slice(0, 200)}`;
    return { status, checks: PLAN_CHECKS.map((check) => ({ check, passed: false, detail: error })), passed: 0, total: PLAN_CHECKS.length, posts: 0, error };
  }
  const checks = runPlanChecks(golden.brief, strategy, parsed.data, golden.expect.language);
  const sample = parsed.data.posts.slice(0, 12).map((post) => ({ platform: post.platform, caption: post.caption, hashtags: post.hashtags }));
  return { status, checks, passed: checks.filter((check) => check.passed).length, total: checks.length, posts: parsed.data.posts.length, sample };
}

/** Scores one answer; a failed request fails every check. */
function score(golden: GoldenBrief, model: string, status: number, body: string, latency: number): BriefResult {
  const base = { id: golden.id, model, status, latency_ms: latency };
  const parsed = status === 200 ? StrategyRecord.safeParse(JSON.parse(body)) : undefined;
  if (!parsed?.success) {
    const error = parsed ? "the response is not a StrategyRecord" : `HTTP ${status}: ${body.slice(0, 200)}`;
    const checks = runChecks(golden.brief, golden.expect, EMPTY).map((check) => ({ ...check, passed: false, detail: error }));
    return { ...base, checks, passed: 0, total: checks.length, error };
  }
  const record = parsed.data;
  const checks = runChecks(golden.brief, golden.expect, record.strategy_output);
  return {
    ...base,
    answered_by: record.model,
    checks,
    passed: checks.filter((check) => check.passed).length,
    total: checks.length,
    usage: record.usage,
    strategy: record.strategy_output,
  };
}

const EMPTY: StrategyRecord["strategy_output"] = {
  content_pillars: [],
  posting_schedule: "",
  platform_recommendations: [],
  content_themes: [],
  engagement_tactics: [],
  visual_prompts: [],
};
