import { afterEach, describe, expect, it, vi } from "vitest";
import { streamArticlePosts, type ArticlePostDraft } from "@/plans/requests";

const result = {
  strategy_id: "s1",
  article: { title: "Bread notes", url: "https://example.com/a", points: ["Point one is here."] },
  model: "offline",
  posts: [
    {
      id: "p1",
      platform: "x",
      scheduled_at: "2026-12-03T08:30:00Z",
      pillar: "From an article",
      theme: "Bread notes",
      caption: "Point one is here.",
      hashtags: [],
      link: "https://example.com/a?utm_source=x&utm_medium=social&utm_campaign=b",
      status: "draft",
    },
  ],
};

function stream(...events: [string, unknown][]): Response {
  const body = events.map(([event, data]) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`).join("");
  return new Response(body, { status: 200, headers: { "content-type": "text/event-stream" } });
}

afterEach(() => vi.unstubAllGlobals());

describe("posts from an article, streamed", () => {
  it("shows the posts finished so far, clears them on a reset, and returns the posts added to the plan", async () => {
    const fetch = vi.fn(async () =>
      stream(
        ["started", { request_id: "r", model: "offline" }],
        ["section", { section: "posts", value: [{ platform: "x", caption: "First", hashtags: [] }, { caption: 3 }], complete: false }],
        ["reset", { model: "offline", reason: "again" }],
        ["completed", result],
      ),
    );
    vi.stubGlobal("fetch", fetch);
    const seen: ArticlePostDraft[][] = [];
    const answer = await streamArticlePosts("s1", { text: "Point one is here.", title: "Bread notes" }, (posts) => seen.push(posts));
    expect(answer).toMatchObject({ ok: true, value: result });
    expect(seen).toEqual([[{ platform: "x", caption: "First", hashtags: [] }], []]);
    expect(fetch).toHaveBeenCalledWith("/api/strategy/s1/repurpose/stream", expect.objectContaining({ method: "POST" }));
  });

  it("returns a refused page's status and detail, before or during the stream", async () => {
    vi.stubGlobal("fetch", async () => Response.json({ detail: "Port 8080 is not fetched; only ports 80 and 443 are." }, { status: 400 }));
    expect(await streamArticlePosts("s1", { url: "http://a.example:8080/" }, () => undefined)).toMatchObject({
      ok: false,
      failure: { status: 400, detail: "Port 8080 is not fetched; only ports 80 and 443 are." },
    });
    vi.stubGlobal("fetch", async () => stream(["error", { status: 503, body: { detail: "AI service temporarily unavailable" }, retry_after: 7 }]));
    expect(await streamArticlePosts("s1", { url: "https://a.example/" }, () => undefined)).toMatchObject({
      ok: false,
      failure: { status: 503, detail: "AI service temporarily unavailable", retryAfterSeconds: 7 },
    });
  });
});
