/** How one HTTP call ended: a status, or why there was none. */
export type CallOutcome =
  | { status: number; body: unknown; headers: Headers }
  | { failure: "refused" | "aborted by the soak" | "client timeout" | "network error"; message: string };

interface CallOptions {
  method?: "GET" | "POST" | "DELETE";
  token: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Abort the call after this many ms, as a user who closes the tab. */
  abortAfterMs?: number;
  /** Give up after this long: no call of the soak may hang the run. */
  timeoutMs?: number;
}

/** One call to the agent that never throws: network failures are outcomes too, and are recorded. */
export async function call(url: string, options: CallOptions): Promise<CallOutcome> {
  const disconnect = new AbortController();
  const timer = options.abortAfterMs === undefined ? undefined : setTimeout(() => disconnect.abort(), options.abortAfterMs);
  const giveUp = AbortSignal.timeout(options.timeoutMs ?? 30_000);
  try {
    const response = await fetch(url, {
      method: options.method ?? "GET",
      headers: {
        authorization: `Bearer ${options.token}`,
        ...(options.body === undefined ? {} : { "content-type": "application/json" }),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.any([disconnect.signal, giveUp]),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // A non-JSON body stays text; the checks only read JSON bodies.
    }
    return { status: response.status, body, headers: response.headers };
  } catch (error) {
    const message = describe(error);
    if (disconnect.signal.aborted) return { failure: "aborted by the soak", message };
    if (giveUp.aborted) return { failure: "client timeout", message };
    if (message.includes("ECONNREFUSED")) return { failure: "refused", message };
    return { failure: "network error", message };
  } finally {
    clearTimeout(timer);
  }
}

function describe(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  while (current instanceof Error && parts.length < 4) {
    const code = (current as { code?: string }).code;
    parts.push(code ? `${current.message} (${code})` : current.message);
    current = current.cause;
  }
  return parts.join(": ");
}

/** The short name of an outcome for the totals: "200", "504", "refused"… */
export function outcomeName(outcome: CallOutcome): string {
  return "status" in outcome ? String(outcome.status) : outcome.failure;
}
