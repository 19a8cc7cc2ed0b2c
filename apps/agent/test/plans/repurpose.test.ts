import { checkPost, findBannedWords, type Plan, type RepurposeResult, type StrategyRecord } from "@strategist/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, VALID_BRIEF, type Harness } from "../support/harness";
import { parseSse } from "../support/sse";
import { articleHtml, articlePoints, plantedInstruction } from "@strategist/fetcher/test-pages";
import { html, startSite, startTrap, type SiteServer, type TrapServer } from "@strategist/fetcher/test-servers";

const NOW = new Date("2026-12-02T10:00:00Z"); // a Wednesday
/** A distinctive phrase of each of the article's five points, none of them using the banned word. */
const POINT_MARKS = ["fed for at least five days", "twelve hours in the fridge", "cast iron pot", "kitchen scale", "cool for a full hour"];
const BANNED = "sourdough";

describe("articles into plan posts", () => {
  let harness: Harness;
  let site: SiteServer;
  let trap: TrapServer;
  let strategy: StrategyRecord;
  const owner = "repurpose-owner";
  const auth = (user = owner) => ({ authorization: `Bearer ${harness.token(user)}` });
  const post = (url: string, payload: object, user = owner) => harness.app.inject({ method: "POST", url, headers: auth(user), payload });
  const repurpose = (payload: object, user = owner, id = strategy.id) => post(`/api/strategy/${id}/repurpose`, payload, user);

  beforeAll(async () => {
    trap = await startTrap();
    site = await startSite({
      "/robots.txt": (_request, response) => response.writeHead(200, { "content-type": "text/plain" }).end("User-agent: StrategistBot\nDisallow: /private\n"),
      "/blog/five-habits": html(articleHtml),
      "/private/article": html(articleHtml),
      "/to-internal": (_request, response) => response.writeHead(302, { location: `http://127.0.0.1:${trap.port}/` }).end(),
      "/to-metadata": (_request, response) => response.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end(),
      "/huge": (_request, response) => {
        response.writeHead(200, { "content-type": "text/html" });
        const chunk = `<p>${"bread ".repeat(1000)}</p>`;
        for (let sent = 0; sent < 6 * 1024 * 1024; sent += chunk.length) response.write(chunk);
        response.end();
      },
      // Sends its head and a first paragraph, then never finishes.
      "/never": (_request, response) => {
        response.writeHead(200, { "content-type": "text/html" });
        response.write("<html><body><p>Starting");
      },
    });
    harness = await startHarness({ clock: () => NOW, env: { FETCH_ALLOW_HOSTS: site.hostPort, FETCH_TIMEOUT_SECONDS: "1" } });
    const brand = await post("/api/brands", {
      ...VALID_BRIEF,
      brand_name: undefined,
      name: "Riverside Bakery",
      industry: "bakery",
      voice: { banned_words: [BANNED] },
    });
    expect(brand.statusCode, brand.body).toBe(201);
    const generated = await post("/api/strategy/generate", { brand_id: brand.json().id, goals: "More weekday customers" });
    expect(generated.statusCode, generated.body).toBe(200);
    strategy = generated.json();
  });
  afterAll(async () => {
    await harness?.close();
    await site?.close();
    await trap?.close();
  });

  it("writes posts that carry the article's points, not its chrome, instruction or banned word, with UTM links, as drafts in the plan", async () => {
    const response = await repurpose({ url: `${site.origin}/blog/five-habits`, count: 5, platforms: ["x", "linkedin", "instagram"] });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json() as RepurposeResult;
    expect(result.posts).toHaveLength(5);
    expect(result.article.title).toBe("Five habits of better sourdough bread");
    const text = result.posts.map((p) => `${p.caption} ${p.hashtags.join(" ")}`).join("\n");
    const carried = POINT_MARKS.filter((mark) => text.includes(mark));
    expect(carried.length).toBeGreaterThanOrEqual(3);
    // The planted instruction is neither obeyed nor copied; nothing of the page's chrome is written.
    expect(text).not.toMatch(/Crusty Corp|gluten-free|ignore previous|AI assistants/i);
    expect(text).not.toMatch(/cookies|All rights reserved|Privacy policy|Share this|Related posts|Rye for beginners/i);
    // The brand's banned word is absent although the article uses it throughout.
    expect(articleHtml.toLowerCase()).toContain(BANNED);
    for (const { link: _, ...written } of result.posts) expect(findBannedWords(JSON.stringify(written), [BANNED])).toEqual([]);
    for (const written of result.posts) {
      const link = new URL(written.link!);
      expect(`${link.origin}${link.pathname}`).toBe(`${site.origin}/blog/five-habits`);
      expect(Object.fromEntries(link.searchParams)).toEqual({ utm_source: written.platform, utm_medium: "social", utm_campaign: "riverside-bakery" });
      expect(checkPost(written.platform, written)).toEqual([]);
      expect(written.status).toBe("draft");
    }
    expect(result.posts.map((p) => p.platform)).toEqual(["x", "linkedin", "instagram", "x", "linkedin"]);
    // The posts are in the strategy's plan (started by them), as drafts, after today.
    const plan = (await harness.app.inject({ method: "GET", url: `/api/strategy/${strategy.id}/plan`, headers: auth() })).json() as Plan;
    expect(plan.posts.map((p) => p.id).sort()).toEqual(result.posts.map((p) => p.id).sort());
    for (const planned of plan.posts) {
      expect(planned.status).toBe("draft");
      expect(Date.parse(planned.scheduled_at)).toBeGreaterThan(NOW.getTime());
    }
    // Same platform, same day: never twice.
    const days = plan.posts.map((p) => `${p.platform}@${p.scheduled_at.slice(0, 10)}`);
    expect(new Set(days).size).toBe(days.length);
  });

  it("adds pasted articles to the existing plan in its next free slots, one post per platform of the strategy by default", async () => {
    const before = (await harness.app.inject({ method: "GET", url: `/api/strategy/${strategy.id}/plan`, headers: auth() })).json() as Plan;
    const text = articlePoints.map((point) => `${point} It is one of the habits our bakers keep every single morning.`).join("\n\n");
    const response = await repurpose({ text, title: "Bread habits", campaign: "spring-launch", url: "https://example.com/bread" });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json() as RepurposeResult;
    const platforms = [...new Set(strategy.strategy_output.platform_recommendations.map((r) => r.platform.toLowerCase()))];
    expect(result.posts.length).toBe(Math.min(10, result.posts.length));
    expect(result.posts.length).toBeGreaterThan(0);
    expect(result.posts.length).toBeLessThanOrEqual(platforms.length);
    for (const written of result.posts) expect(new URL(written.link!).searchParams.get("utm_campaign")).toBe("spring-launch");
    const after = (await harness.app.inject({ method: "GET", url: `/api/strategy/${strategy.id}/plan`, headers: auth() })).json() as Plan;
    expect(after.posts).toHaveLength(before.posts.length + result.posts.length);
    const days = after.posts.map((p) => `${p.platform}@${p.scheduled_at.slice(0, 10)}`);
    expect(new Set(days).size).toBe(days.length);
  });

  it("streams the posts as they are written, then the result", async () => {
    const response = await post(`/api/strategy/${strategy.id}/repurpose/stream`, { url: `${site.origin}/blog/five-habits`, count: 2, platforms: ["x"] });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/event-stream");
    const events = parseSse(response.body);
    expect(events[0]?.event).toBe("started");
    expect(events.some((event) => event.event === "section" && (event.data as { section: string }).section === "posts")).toBe(true);
    const completed = events.at(-1)!;
    expect(completed.event).toBe("completed");
    expect((completed.data as RepurposeResult).posts).toHaveLength(2);
  });

  it("checks ownership before reading anything: another user gets 403, a missing strategy 404", async () => {
    const requests = site.requests.length;
    const other = await repurpose({ url: `${site.origin}/blog/five-habits` }, "someone-else");
    expect(other.statusCode).toBe(403);
    expect(other.json()).toEqual({ detail: "Access denied" });
    const missing = await repurpose({ url: `${site.origin}/blog/five-habits` }, owner, "no-such-strategy");
    expect(missing.statusCode).toBe(404);
    expect(site.requests.length).toBe(requests);
  });

  it("refuses bad bodies with the field named", async () => {
    expect((await repurpose({})).json()).toMatchObject({ detail: "Validation error", errors: [{ field: "url" }] });
    expect((await repurpose({ text: "Hello there" })).json()).toMatchObject({ errors: [{ field: "title" }] });
    expect((await repurpose({ url: `${site.origin}/blog/five-habits`, count: 11 })).statusCode).toBe(400);
  });

  describe("refuses pages it must not or cannot read, through the route, without contacting the trap", () => {
    const cases: [string, () => string, number, RegExp][] = [
      ["another port on the machine", () => `http://127.0.0.1:${trap.port}/`, 400, /port/i],
      ["the cloud metadata address", () => "http://169.254.169.254/latest/meta-data/", 400, /address/i],
      ["IPv6 loopback", () => `http://[::1]:${site.port}/blog/five-habits`, 400, /port/i],
      ["IPv6 loopback on port 80", () => "http://[::1]/", 400, /address/i],
      ["a decimal IPv4 address", () => "http://2130706433/", 400, /address/i],
      ["a decimal IPv4 address on the trap's port", () => `http://2130706433:${trap.port}/`, 400, /port/i],
      ["a file: URL", () => "file:///etc/passwd", 400, /http/i],
      ["a redirect to an internal port", () => `${site.origin}/to-internal`, 400, /port/i],
      ["a redirect to the metadata address", () => `${site.origin}/to-metadata`, 400, /address/i],
      ["a page robots.txt disallows", () => `${site.origin}/private/article`, 422, /robots/i],
      ["a 6 MB page", () => `${site.origin}/huge`, 422, /MB|large|cap/i],
      ["a page that never finishes", () => `${site.origin}/never`, 504, /within/i],
    ];
    for (const [name, url, status, detail] of cases) {
      it(name, async () => {
        const started = performance.now();
        const response = await repurpose({ url: url() });
        expect(response.statusCode, response.body).toBe(status);
        expect(response.json().detail).toMatch(detail);
        expect(performance.now() - started).toBeLessThan(3000);
        expect(trap.connections()).toBe(0);
      });
    }

    it("refuses through the brand suggestion route too", async () => {
      for (const [url, status] of [
        ["http://169.254.169.254/", 400],
        ["file:///etc/passwd", 400],
        [`http://127.0.0.1:${trap.port}/`, 400],
        [`${site.origin}/private/article`, 422],
      ] as const) {
        const response = await post("/api/brands/from-website", { url });
        expect(response.statusCode, response.body).toBe(status);
        expect(typeof response.json().detail).toBe("string");
      }
      expect(trap.connections()).toBe(0);
    });
  });

  it("neither obeys nor copies an instruction planted in pasted text", async () => {
    const text = [articlePoints[0], plantedInstruction, articlePoints[1], articlePoints[2]].join("\n\n");
    const response = await repurpose({ text, title: "Bread notes", platforms: ["linkedin", "threads"], count: 3 });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json() as RepurposeResult;
    expect(result.article.points.join(" ")).not.toMatch(/Crusty Corp|AI assistants/);
    for (const written of result.posts) expect(`${written.caption} ${written.hashtags.join(" ")}`).not.toMatch(/Crusty|assistants|ignore/i);
  });
});
