import "server-only";
import { Brand, BrandList, StrategyRecord, StrategySummary, StrategySummaryList, ModelInfo, Plan } from "@strategist/schemas";
import { z } from "zod";
import { webConfig } from "./config";

/** Server-side reads from the agent for pages; the browser goes through the /api proxy instead. */
export type AgentResult<T> =
  | { kind: "ok"; value: T }
  | { kind: "unauthorized" }
  | { kind: "forbidden" }
  | { kind: "not_found" }
  | { kind: "failed"; status: number };

/** Page reads are quick lookups, not generations: fail the page rather than hang it. */
const READ_TIMEOUT_MS = 15_000;

async function agentGet(path: string, token: string): Promise<Response | null> {
  try {
    return await fetch(new URL(path, webConfig().AGENT_URL), {
      headers: { authorization: `Bearer ${token}`, accept: "application/json" },
      cache: "no-store",
      signal: AbortSignal.timeout(READ_TIMEOUT_MS),
    });
  } catch {
    return null;
  }
}

function failure(response: Response | null): AgentResult<never> {
  if (!response) return { kind: "failed", status: 502 };
  if (response.status === 401) return { kind: "unauthorized" };
  if (response.status === 403) return { kind: "forbidden" };
  if (response.status === 404) return { kind: "not_found" };
  return { kind: "failed", status: response.status };
}

async function parsed<T>(response: Response, schema: z.ZodType<T>): Promise<AgentResult<T>> {
  const result = schema.safeParse(await response.json().catch(() => undefined));
  return result.success ? { kind: "ok", value: result.data } : { kind: "failed", status: 502 };
}

export interface StrategyPage {
  strategies: StrategySummary[];
  nextCursor: string | null;
}

/** One page of the user's history (summaries), newest first, with the cursor for the next page. */
export async function listStrategies(token: string, limit: number, cursor?: string): Promise<AgentResult<StrategyPage>> {
  const query = new URLSearchParams({ limit: String(limit), view: "summary" });
  if (cursor) query.set("cursor", cursor);
  const response = await agentGet(`/api/strategy/list?${query}`, token);
  if (!response?.ok) return failure(response);
  const strategies = await parsed(response, StrategySummaryList);
  if (strategies.kind !== "ok") return strategies;
  return { kind: "ok", value: { strategies: strategies.value, nextCursor: response.headers.get("x-next-cursor") } };
}

export async function getStrategy(token: string, id: string): Promise<AgentResult<StrategyRecord>> {
  const response = await agentGet(`/api/strategy/${encodeURIComponent(id)}`, token);
  if (!response?.ok) return failure(response);
  return parsed(response, StrategyRecord);
}

/** The models the user may choose from; an empty list when the agent does not offer a choice. */
export async function listModels(token: string): Promise<ModelInfo[]> {
  const response = await agentGet("/api/models", token);
  if (!response?.ok) return [];
  const models = await parsed(response, z.array(ModelInfo));
  return models.kind === "ok" ? models.value : [];
}

/** The user's brand profiles, newest first (the first 100: the picker and the Brands page show them all). */
export async function listBrands(token: string): Promise<AgentResult<Brand[]>> {
  const response = await agentGet("/api/brands?limit=100", token);
  if (!response?.ok) return failure(response);
  return parsed(response, BrandList);
}

export async function getBrand(token: string, id: string): Promise<AgentResult<Brand>> {
  const response = await agentGet(`/api/brands/${encodeURIComponent(id)}`, token);
  if (!response?.ok) return failure(response);
  return parsed(response, Brand);
}

/** The strategy's content plan; `not_found` when it has none (or the strategy is missing). */
export async function getPlan(token: string, id: string): Promise<AgentResult<Plan>> {
  const response = await agentGet(`/api/strategy/${encodeURIComponent(id)}/plan`, token);
  if (!response?.ok) return failure(response);
  return parsed(response, Plan);
}
