import type { Brand, BrandCreate, BrandPatch, FieldError, VoiceSuggestion } from "@strategist/schemas";

/** What a brand request from the browser came back with: the value, or the status and the API's error body. */
type BrandResult<T> = { ok: true; value: T } | { ok: false; status: number; detail?: string; errors?: FieldError[] };

async function send<T>(path: string, method: string, body?: unknown): Promise<BrandResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? { accept: "application/json" } : { "content-type": "application/json", accept: "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, detail: "You seem to be offline. Check your connection and try again." };
  }
  if (response.status === 204) return { ok: true, value: undefined as T };
  const payload = (await response.json().catch(() => undefined)) as (T & { detail?: string; errors?: FieldError[] }) | undefined;
  if (response.ok && payload !== undefined) return { ok: true, value: payload };
  return { ok: false, status: response.status, detail: payload?.detail, errors: payload?.errors };
}

const brandPath = (id: string) => `/api/brands/${encodeURIComponent(id)}`;

/** Browser calls to the brand API through the web origin's proxy (the session cookie becomes the Bearer token). */
export const brandRequests = {
  create: (brand: BrandCreate) => send<Brand>("/api/brands", "POST", brand),
  update: (id: string, patch: BrandPatch) => send<Brand>(brandPath(id), "PATCH", patch),
  remove: (id: string) => send<void>(brandPath(id), "DELETE"),
  suggestVoice: (id: string) => send<VoiceSuggestion>(`${brandPath(id)}/voice/suggest`, "POST"),
};

/** The words a user reads for a failed brand request. */
export function describeBrandFailure(result: { status: number; detail?: string }): string {
  if (result.status === 401) return "Your session has ended. Log in again to continue.";
  if (result.status === 409) return "This brand was changed in another tab. Reload the page to see the latest version.";
  return result.detail ?? "Something went wrong. Try again.";
}
