import { setTimeout as sleep } from "node:timers/promises";
import type { LocalBedrock } from "@strategist/local-bedrock";
import { planPlatformOf, type StrategyRecord } from "@strategist/schemas";
import type { Verdict } from "./checks";
import { call, outcomeName } from "./client";
import type { Random } from "./random";
import type { SoakUser } from "./traffic";

/** The model content plans are asked of: the local Bedrock answers it with the plan scripted just before. */
export const PLANNER_MODEL = "soak.planner-v1:0";

/** Platforms whose rules a one-line caption without hashtags meets. */
const SIMPLE_PLATFORMS = ["instagram", "linkedin", "facebook", "x", "threads"];

/**
 * The body of a plan request for a strategy, after scripting the planner model's answer (the local Bedrock writes
 * strategies, not plans): one post on the strategy's first simple platform, on the plan's first day. Undefined when
 * the strategy has no such platform. Two plans asked at the same moment may swap answers; a swapped answer that does
 * not fit is refused (500), which the soak counts as a failed write, not as a fault of the check.
 */
export function scriptPlan(bedrock: LocalBedrock, strategy: StrategyRecord): { weeks: number; start_date: string; model: string } | undefined {
  const platform = strategy.strategy_output.platform_recommendations
    .map((recommendation) => planPlatformOf(recommendation.platform))
    .find((id) => id !== undefined && SIMPLE_PLATFORMS.includes(id));
  if (!platform) return undefined;
  const start = new Date();
  start.setUTCDate(start.getUTCDate() + ((8 - start.getUTCDay()) % 7 || 7));
  const startDate = start.toISOString().slice(0, 10);
  const post = {
    platform,
    date: startDate,
    time: "09:00",
    pillar: strategy.strategy_output.content_pillars[0],
    theme: strategy.strategy_output.content_themes[0],
    caption: `${strategy.brand_name}: a first post for the soak.`,
    hashtags: [],
  };
  bedrock.script({ kind: "toolInput", input: { posts: [post] }, modelId: PLANNER_MODEL });
  return { weeks: 1, start_date: startDate, model: PLANNER_MODEL };
}

/** Users who download exports of strategies of their own; checks a to c leave them out. */
export const EXPORTER_PREFIX = "soak-exporter-";

/** The plan and strategy exports, and the content type each must answer with. */
const EXPORTS = [
  { path: "plan.ics", type: "text/calendar" },
  { path: "plan.csv", type: "text/csv" },
  { path: "export.pdf", type: "application/pdf" },
] as const;

interface ExportCall {
  path: string;
  outcome: string;
  /** Set when a 200 came back in the wrong type or empty. */
  violation?: string;
}

/**
 * Export traffic of one user until the deadline: a strategy of its own and a plan for it now and then (the clean
 * model; the brand name is not the generate traffic's, so the Bedrock requests are not counted against its keys),
 * and downloads of a planned strategy's calendar, CSV and PDF.
 */
export async function runExportTraffic(options: {
  baseUrl: string;
  user: SoakUser;
  cleanModel: string;
  bedrock: LocalBedrock;
  random: Random;
  until: number;
}): Promise<ExportCall[]> {
  const { baseUrl, user, cleanModel, bedrock, random, until } = options;
  const calls: ExportCall[] = [];
  const planned: string[] = [];
  while (Date.now() < until) {
    await sleep(random.int(200, 700));
    if (planned.length === 0 || random.chance(0.1)) {
      const created = await call(`${baseUrl}/api/strategy/generate`, {
        method: "POST",
        token: user.token,
        body: { brand_name: "Soak Export", industry: "Cycling shop", target_audience: "Commuters", goals: "More repairs", model: cleanModel },
        timeoutMs: 15_000,
      });
      if (!("status" in created) || created.status !== 200) continue;
      const strategy = created.body as StrategyRecord;
      const body = scriptPlan(bedrock, strategy);
      if (!body) continue;
      const plan = await call(`${baseUrl}/api/strategy/${strategy.id}/plan`, { method: "POST", token: user.token, body, timeoutMs: 15_000 });
      if ("status" in plan && plan.status === 200) planned.push(strategy.id);
      continue;
    }
    const strategyId = random.pick(planned);
    const chosen = random.pick(EXPORTS);
    const outcome = await call(`${baseUrl}/api/strategy/${strategyId}/${chosen.path}`, { token: user.token, timeoutMs: 15_000 });
    let violation: string | undefined;
    if ("status" in outcome && outcome.status === 200) {
      const type = outcome.headers.get("content-type") ?? "";
      if (!type.startsWith(chosen.type)) violation = `${chosen.path} answered ${type}`;
      else if (typeof outcome.body === "string" && outcome.body.length === 0) violation = `${chosen.path} answered an empty body`;
    }
    calls.push({ path: chosen.path, outcome: outcomeName(outcome), violation });
  }
  return calls;
}

/** h. Exports of planned strategies answered in their type, never 500. */
export function exportsAnswered(calls: ExportCall[]): Verdict {
  const violations = calls.filter((entry) => entry.violation);
  const internal = calls.filter((entry) => entry.outcome === "500");
  const counts = new Map<string, number>();
  for (const entry of calls) counts.set(`${entry.path} ${entry.outcome}`, (counts.get(`${entry.path} ${entry.outcome}`) ?? 0) + 1);
  return {
    check: "h. exports answered in their type, never 500",
    pass: violations.length + internal.length === 0 && calls.some((entry) => entry.outcome === "200"),
    numbers:
      `${calls.length} exports (${[...counts].map(([name, n]) => `${name}: ${n}`).join(", ") || "none"}); wrong type or empty ${violations.length}` +
      `${violations.length ? ` (first: ${violations[0]!.violation})` : ""}; 500s ${internal.length}`,
  };
}
