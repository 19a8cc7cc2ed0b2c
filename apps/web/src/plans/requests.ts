import type { Plan, PlanPost, PostPatch } from "@strategist/schemas";

/** What a failed plan request says: the agent's detail and, for a 400, the message per field. */
interface PlanProblem {
  detail: string;
  fields: Record<string, string>;
}

async function call<T>(url: string, init: RequestInit): Promise<{ ok: true; value: T } | { ok: false; problem: PlanProblem }> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { "content-type": "application/json", accept: "application/json" } });
  } catch {
    return { ok: false, problem: { detail: "The service could not be reached. Check your connection and try again.", fields: {} } };
  }
  const body = (await response.json().catch(() => ({}))) as { detail?: string; errors?: { field: string; message: string }[] };
  if (response.ok) return { ok: true, value: body as T };
  const fields = Object.fromEntries((body.errors ?? []).map((error) => [error.field, error.message]));
  return { ok: false, problem: { detail: body.detail ?? `Request failed (${response.status})`, fields } };
}

const base = (strategyId: string) => `/api/strategy/${encodeURIComponent(strategyId)}`;

/** Writes a new plan (replacing the current one) through the web proxy. */
export function createPlan(strategyId: string, body: { weeks: number; start_date?: string; timezone: string }) {
  return call<Plan>(`${base(strategyId)}/plan`, { method: "POST", body: JSON.stringify(body) });
}

/** Saves changes to one post. */
export function updatePost(strategyId: string, postId: string, patch: PostPatch) {
  return call<PlanPost>(`${base(strategyId)}/posts/${encodeURIComponent(postId)}`, { method: "PATCH", body: JSON.stringify(patch) });
}

/** Asks for a new caption and hashtags for one post. */
export function rewritePost(strategyId: string, postId: string, instruction?: string) {
  return call<PlanPost>(`${base(strategyId)}/posts/${encodeURIComponent(postId)}/rewrite`, {
    method: "POST",
    body: JSON.stringify(instruction ? { instruction } : {}),
  });
}

/** Download links of the plan's exports (served by the agent through the proxy, with their file names). */
export function exportLinks(strategyId: string) {
  return { ics: `${base(strategyId)}/plan.ics`, csv: `${base(strategyId)}/plan.csv`, pdf: `${base(strategyId)}/export.pdf` };
}
