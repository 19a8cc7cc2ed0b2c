import { describe, expect, it } from "vitest";
import { call, failureOf, OFFLINE_MESSAGE } from "@/api/client";

const problem = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

describe("the browser client's one result shape", () => {
  it("hands back the value with its response", async () => {
    const response = new Response("{}", { status: 200 });
    const result = await call(async () => ({ data: { id: "a" }, response }));
    expect(result).toEqual({ ok: true, value: { id: "a" }, response });
  });

  it("reads a refusal into status, detail, field errors and the Retry-After wait", async () => {
    const body = { detail: "Validation error", errors: [{ field: "goals", message: "Too long" }] };
    const result = await call(async () => ({ error: body, response: problem(400, body) }));
    expect(result).toEqual({ ok: false, failure: { status: 400, detail: "Validation error", errors: body.errors } });
    expect(failureOf(problem(429, {}, { "retry-after": "12" }), { detail: "Too many requests" })).toEqual({
      status: 429,
      detail: "Too many requests",
      retryAfterSeconds: 12,
    });
  });

  it("names the status when the answer has no problem body", () => {
    expect(failureOf(new Response("<html>", { status: 502 }), "<html>")).toEqual({ status: 502, detail: "The request failed (502)" });
  });

  it("says the one offline message when the request got no answer", async () => {
    const result = await call(() => Promise.reject(new TypeError("Failed to fetch")));
    expect(result).toEqual({ ok: false, failure: { status: 0, detail: OFFLINE_MESSAGE } });
  });

  it("turns an answer that fails its check into a 502", async () => {
    const result = await call(
      async () => ({ data: { unexpected: true }, response: new Response("{}") }),
      () => undefined,
    );
    expect(result).toMatchObject({ ok: false, failure: { status: 502 } });
  });
});
