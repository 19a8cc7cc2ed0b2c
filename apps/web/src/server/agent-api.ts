import "server-only";
import { createApiClient, type ApiClient } from "@strategist/api-client";
import {
  ApiKeyList,
  type ApiKey,
  Brand,
  BrandList,
  InsightsResponse,
  StrategyRecord,
  StrategySummary,
  StrategySummaryList,
  ModelInfo,
  Plan,
  ConversationMessageList,
  VersionList,
  ImageJobList,
  type ConversationMessage,
  type VersionSummary,
  type ImageJob,
  PlanFeed,
} from "@strategist/schemas";
import { z } from "zod";
import { webConfig } from "./config";

/** Server-side reads from the agent for pages, through the generated typed client; the browser goes through the /api proxy instead. */
export type AgentResult<T> =
  { kind: "ok"; value: T } | { kind: "unauthorized" } | { kind: "forbidden" } | { kind: "not_found" } | { kind: "failed"; status: number };

/** Page reads are quick lookups, not generations: fail the page rather than hang it. */
const READ_TIMEOUT_MS = 15_000;

function agent(token: string): ApiClient {
  return createApiClient({ baseUrl: webConfig().AGENT_URL, token, headers: { accept: "application/json" } });
}

const readOptions = () => ({ cache: "no-store" as const, signal: AbortSignal.timeout(READ_TIMEOUT_MS) });

/** Runs one call; an unreachable or timed-out agent is a 502 for the page. */
async function call<R extends { response: Response }>(request: () => Promise<R>): Promise<R | null> {
  try {
    return await request();
  } catch {
    return null;
  }
}

function failure(response: Response | undefined): AgentResult<never> {
  if (!response) return { kind: "failed", status: 502 };
  if (response.status === 401) return { kind: "unauthorized" };
  if (response.status === 403) return { kind: "forbidden" };
  if (response.status === 404) return { kind: "not_found" };
  return { kind: "failed", status: response.status };
}

/** The types say what the agent documents; the schema checks what it actually sent. */
function checked<T>(data: unknown, schema: z.ZodType<T>): AgentResult<T> {
  const result = schema.safeParse(data);
  return result.success ? { kind: "ok", value: result.data } : { kind: "failed", status: 502 };
}

interface StrategyPage {
  strategies: StrategySummary[];
  nextCursor: string | null;
}

/** One page of the user's history (summaries), newest first, with the cursor for the next page. */
export async function listStrategies(token: string, limit: number, cursor?: string): Promise<AgentResult<StrategyPage>> {
  const result = await call(() => agent(token).GET("/api/strategy/list", { params: { query: { limit, cursor, view: "summary" } }, ...readOptions() }));
  if (!result?.response.ok) return failure(result?.response);
  const strategies = checked(result.data, StrategySummaryList);
  if (strategies.kind !== "ok") return strategies;
  return { kind: "ok", value: { strategies: strategies.value, nextCursor: result.response.headers.get("x-next-cursor") } };
}

export async function getStrategy(token: string, id: string): Promise<AgentResult<StrategyRecord>> {
  const result = await call(() => agent(token).GET("/api/strategy/{id}", { params: { path: { id } }, ...readOptions() }));
  if (!result?.response.ok) return failure(result?.response);
  return checked(result.data, StrategyRecord);
}

/** The models the user may choose from; an empty list when the agent does not offer a choice. */
export async function listModels(token: string): Promise<ModelInfo[]> {
  const result = await call(() => agent(token).GET("/api/models", readOptions()));
  if (!result?.response.ok) return [];
  const models = checked(result.data, z.array(ModelInfo));
  return models.kind === "ok" ? models.value : [];
}

/** The user's API keys, newest first, without their secrets (a session-only route of the agent). */
export async function listApiKeys(token: string): Promise<AgentResult<ApiKey[]>> {
  const result = await call(() => agent(token).GET("/api/keys", readOptions()));
  if (!result?.response.ok) return failure(result?.response);
  return checked(result.data, ApiKeyList);
}

/** The user's brand profiles, newest first (the first 100: the picker and the Brands page show them all). */
export async function listBrands(token: string): Promise<AgentResult<Brand[]>> {
  const result = await call(() => agent(token).GET("/api/brands", { params: { query: { limit: 100 } }, ...readOptions() }));
  if (!result?.response.ok) return failure(result?.response);
  return checked(result.data, BrandList);
}

export async function getBrand(token: string, id: string): Promise<AgentResult<Brand>> {
  const result = await call(() => agent(token).GET("/api/brands/{id}", { params: { path: { id } }, ...readOptions() }));
  if (!result?.response.ok) return failure(result?.response);
  return checked(result.data, Brand);
}

/** The strategy's content plan; `not_found` when it has none (or the strategy is missing). */
export async function getPlan(token: string, id: string): Promise<AgentResult<Plan>> {
  const result = await call(() => agent(token).GET("/api/strategy/{id}/plan", { params: { path: { id } }, ...readOptions() }));
  if (!result?.response.ok) return failure(result?.response);
  return checked(result.data, Plan);
}

/** What worked for a strategy: its insights in its plan's time zone. */
export async function getStrategyInsights(token: string, id: string): Promise<AgentResult<InsightsResponse>> {
  const result = await call(() => agent(token).GET("/api/strategy/{id}/insights", { params: { path: { id } }, ...readOptions() }));
  if (!result?.response.ok) return failure(result?.response);
  return checked(result.data, InsightsResponse);
}

/** What worked across every strategy of a brand. */
export async function getBrandInsights(token: string, id: string): Promise<AgentResult<InsightsResponse>> {
  const result = await call(() => agent(token).GET("/api/brands/{id}/insights", { params: { path: { id } }, ...readOptions() }));
  if (!result?.response.ok) return failure(result?.response);
  return checked(result.data, InsightsResponse);
}

/** The strategy's conversation (oldest first, the first 100 messages) and its versions (newest first), or empty lists. */
export async function getConversation(token: string, id: string): Promise<{ messages: ConversationMessage[]; versions: VersionSummary[] }> {
  const client = agent(token);
  const [messages, versions] = await Promise.all([
    call(() => client.GET("/api/strategy/{id}/messages", { params: { path: { id }, query: { limit: 100 } }, ...readOptions() })),
    call(() => client.GET("/api/strategy/{id}/versions", { params: { path: { id } }, ...readOptions() })),
  ]);
  const read = <T>(result: { data?: unknown; response: Response } | null, schema: z.ZodType<T[]>): T[] => {
    if (!result?.response.ok) return [];
    const value = checked(result.data, schema);
    return value.kind === "ok" ? value.value : [];
  };
  return { messages: read(messages, ConversationMessageList), versions: read(versions, VersionList) };
}

/** The strategy's image jobs (the latest 50), or none when they cannot be read: the panel then offers to draw each prompt. */
export async function listImageJobs(token: string, id: string): Promise<ImageJob[]> {
  const result = await call(() => agent(token).GET("/api/strategy/{id}/images", { params: { path: { id }, query: { limit: 50 } }, ...readOptions() }));
  if (!result?.response.ok) return [];
  const jobs = checked(result.data, ImageJobList);
  return jobs.kind === "ok" ? jobs.value : [];
}

/** The plan's calendar feed (without its link, which is shown once), or null when there is none. */
export async function getPlanFeed(token: string, id: string): Promise<PlanFeed | null> {
  const result = await call(() => agent(token).GET("/api/strategy/{id}/plan/feed", { params: { path: { id } }, ...readOptions() }));
  if (!result?.response.ok) return null;
  const feed = checked(result.data, PlanFeed);
  return feed.kind === "ok" ? feed.value : null;
}
