import { readFileSync } from "node:fs";
import fc from "fast-check";
import type { Plan, ResultImportResponse, StrategyRecord } from "@strategist/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, VALID_BRIEF, type Harness } from "../support/harness";

const NOW = new Date("2026-11-30T18:00:00Z");
const HEADER = "platform,published_at,url,text,impressions,reach,likes,comments,shares,saves,clicks,video_views,post_id";

describe("results in", () => {
  let harness: Harness;
  let strategy: StrategyRecord;
  let plan: Plan;
  const owner = "results-owner";
  const auth = (user = owner) => ({ authorization: `Bearer ${harness.token(user)}` });
  const importCsv = (csv: string, query = "", user = owner) =>
    harness.app.inject({
      method: "POST",
      url: `/api/strategy/${strategy.id}/results${query}`,
      headers: { ...auth(user), "content-type": "text/csv" },
      payload: csv,
    });
  const importJson = (rows: unknown[], query = "", user = owner) =>
    harness.app.inject({ method: "POST", url: `/api/strategy/${strategy.id}/results${query}`, headers: auth(user), payload: { rows } });
  const storedResults = async () => (await harness.strategyItems(strategy.id)).filter((item) => String(item.itemKey).startsWith("result#"));

  beforeAll(async () => {
    harness = await startHarness({ clock: () => NOW });
    const generated = await harness.app.inject({ method: "POST", url: "/api/strategy/generate", headers: auth(), payload: VALID_BRIEF });
    strategy = generated.json();
    const planned = await harness.app.inject({
      method: "POST",
      url: `/api/strategy/${strategy.id}/plan`,
      headers: auth(),
      payload: { weeks: 1, start_date: "2026-12-07", timezone: "Europe/Paris" },
    });
    expect(planned.statusCode, planned.body).toBe(200);
    plan = planned.json();
  });
  afterAll(() => harness.close());

  it("stores a post's results by PUT, and a later PUT replaces the earlier one", async () => {
    const post = plan.posts[0]!;
    const url = `/api/strategy/${strategy.id}/posts/${post.id}/results`;
    const first = await harness.app.inject({ method: "PUT", url, headers: auth(), payload: { published_at: post.scheduled_at, impressions: 100, likes: 5 } });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ post_id: post.id, platform: post.platform, pillar: post.pillar, impressions: 100, likes: 5 });
    const second = await harness.app.inject({
      method: "PUT",
      url,
      headers: auth(),
      payload: { published_at: post.scheduled_at, url: "https://example.com/p/1", impressions: 200, likes: 9 },
    });
    expect(second.statusCode).toBe(200);
    const stored = (await storedResults()).filter((item) => item.itemKey === `result#post#${post.id}`);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.row).toMatchObject({ impressions: 200, likes: 9, url: "https://example.com/p/1", pillar: post.pillar });
  });

  it("refuses a PUT with bad counts (400 naming the field), for a missing post (404) and for another user (403)", async () => {
    const post = plan.posts[0]!;
    const url = `/api/strategy/${strategy.id}/posts/${post.id}/results`;
    const bad = await harness.app.inject({ method: "PUT", url, headers: auth(), payload: { published_at: "2026-12-07T10:00:00", likes: -1 } });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((error: { field: string }) => error.field)
        .sort(),
    ).toEqual(["likes", "published_at"]);
    const missing = await harness.app.inject({
      method: "PUT",
      url: `/api/strategy/${strategy.id}/posts/nope/results`,
      headers: auth(),
      payload: { published_at: post.scheduled_at },
    });
    expect(missing.statusCode).toBe(404);
    const other = await harness.app.inject({ method: "PUT", url, headers: auth("someone-else"), payload: { published_at: post.scheduled_at } });
    expect(other.statusCode).toBe(403);
    const gone = await harness.app.inject({
      method: "PUT",
      url: `/api/strategy/missing/posts/${post.id}/results`,
      headers: auth(),
      payload: { published_at: post.scheduled_at },
    });
    expect(gone.statusCode).toBe(404);
  });

  it("imports a CSV: a dry run stores nothing, the import matches plan posts and keeps the rest, a re-import adds nothing", async () => {
    const post = plan.posts[1]!;
    const csv = [
      HEADER,
      `${post.platform},${post.scheduled_at},,,1000,,40,3,2,1,0,,${post.id}`,
      `instagram,2026-10-06T18:05:00+02:00,https://instagram.com/p/a1,"=HYPERLINK(""http://evil"")",900,,50,4,1,,,,`,
      `linkedin,2026-10-07T09:00:00+02:00,https://linkedin.com/feed/update/1,Old post,500,,10,,,,,,`,
    ].join("\n");
    const before = (await storedResults()).length;
    const dry = await importCsv(csv, "?dry_run=true");
    expect(dry.statusCode, dry.body).toBe(200);
    const preview: ResultImportResponse = dry.json();
    expect(preview).toMatchObject({ dry_run: true, earlier: 2, added: 3, updated: 0, unchanged: 0, rejected: [] });
    expect(preview.matched).toEqual([{ post_id: post.id, by: "post_id", platform: post.platform, published_at: post.scheduled_at }]);
    expect(await storedResults()).toHaveLength(before);

    const real = await importCsv(csv);
    expect(real.json()).toMatchObject({ ...preview, dry_run: false });
    const afterImport = await storedResults();
    expect(afterImport).toHaveLength(before + 3);
    expect(afterImport.map((item) => item.row)).toContainEqual(expect.objectContaining({ text: '=HYPERLINK("http://evil")' }));

    const again = await importCsv(csv);
    expect(again.json()).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
    expect(await storedResults()).toHaveLength(before + 3);
  });

  it("lists bad rows by their line and still imports the good ones", async () => {
    const csv = [
      HEADER,
      "x,2026-09-01T08:00:00Z,https://x.com/a/status/1,ok,100,,1,,,,,,",
      "x,yesterday,https://x.com/a/status/2,bad time,100,,1,,,,,,",
      "myspace,2026-09-01T08:00:00Z,https://x.com/a/status/3,bad platform,100,,1,,,,,,",
      "x,2026-09-02T08:00:00Z,https://x.com/a/status/4,bad count,100,,-3,,,,,,",
    ].join("\n");
    const response = await importCsv(csv);
    expect(response.statusCode).toBe(200);
    const body: ResultImportResponse = response.json();
    expect(body.added).toBe(1);
    expect(body.rejected.map(({ line, field }) => [line, field])).toEqual([
      [3, "published_at"],
      [4, "platform"],
      [5, "likes"],
    ]);
  });

  it("reads the example file of docs/ without a refused row", async () => {
    const csv = readFileSync(new URL("../../../../docs/results-example.csv", import.meta.url), "utf8");
    const response = await importCsv(csv, "?dry_run=true");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ rejected: [], ignored_columns: [] });
    expect(response.json().added).toBe(csv.trim().split("\n").length - 1);
  });

  it("imports JSON rows, listing a bad one by its index", async () => {
    const response = await importJson([
      { platform: "facebook", published_at: "2026-09-03T13:00:00+02:00", url: "https://facebook.com/p/9", impressions: 300, likes: 12 },
      { platform: "facebook", published_at: "not a date" },
    ]);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ added: 1, rejected: [{ line: 2, field: "published_at" }] });
  });

  it("property: re-importing any rows adds nothing, and a dry run stores nothing and answers what the import does", async () => {
    const row = fc.record({
      platform: fc.constantFrom("instagram", "linkedin", "x"),
      day: fc.integer({ min: 1, max: 28 }),
      hour: fc.integer({ min: 0, max: 23 }),
      withUrl: fc.boolean(),
      text: fc.string({ maxLength: 20 }),
      impressions: fc.integer({ min: 0, max: 10_000 }),
      likes: fc.integer({ min: 0, max: 500 }),
    });
    let run = 0;
    // What the store must hold: every run checks it after its dry run, so a dry run or a re-import that stored anything fails the next check.
    let expected = (await storedResults()).length;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 4 }), async (rows) => {
        run += 1;
        const body = rows.map((r, index) => ({
          platform: r.platform,
          published_at: `2025-0${1 + (run % 9)}-${String(r.day).padStart(2, "0")}T${String(r.hour).padStart(2, "0")}:00:00Z`,
          ...(r.withUrl ? { url: `https://example.com/${run}/${index % 2}` } : {}),
          text: `${run} ${r.text}`,
          impressions: r.impressions,
          likes: r.likes,
        }));
        const dry = (await importJson(body, "?dry_run=true")).json();
        expect((await storedResults()).length).toBe(expected);
        const real = (await importJson(body)).json();
        expect({ ...real, dry_run: true }).toEqual(dry);
        expected += real.added;
        const again = (await importJson(body)).json();
        expect(again).toMatchObject({ added: 0, updated: 0 });
      }),
      { numRuns: 100 },
    );
    expect((await storedResults()).length).toBe(expected);
  }, 60_000);

  it("answers 413 in the product's shape to a body over 10 MB, and 415 to a type it does not read", async () => {
    const big = `${HEADER}\n${"x,2026-09-01T08:00:00Z,,".padEnd(1000, "a")}\n`.repeat(12 * 1024);
    expect(big.length).toBeGreaterThan(12 * 1024 * 1024);
    const response = await importCsv(big);
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({ detail: expect.any(String) });
    const plain = await harness.app.inject({
      method: "POST",
      url: `/api/strategy/${strategy.id}/results`,
      headers: { ...auth(), "content-type": "text/plain" },
      payload: HEADER,
    });
    expect(plain.statusCode).toBe(415);
  });

  it("refuses another user's import (even a dry run) and insights with 403, a missing strategy or brand with 404", async () => {
    const other = "someone-else";
    expect((await importCsv(HEADER, "?dry_run=true", other)).statusCode).toBe(403);
    expect((await importJson([], "", other)).statusCode).toBe(403);
    const insights = await harness.app.inject({ method: "GET", url: `/api/strategy/${strategy.id}/insights`, headers: auth(other) });
    expect(insights.statusCode).toBe(403);
    expect((await harness.app.inject({ method: "GET", url: `/api/strategy/missing/insights`, headers: auth() })).statusCode).toBe(404);
    expect((await harness.app.inject({ method: "GET", url: `/api/brands/missing/insights`, headers: auth() })).statusCode).toBe(404);
  });

  it("computes the strategy's insights in the plan's time zone", async () => {
    const response = await harness.app.inject({ method: "GET", url: `/api/strategy/${strategy.id}/insights`, headers: auth() });
    expect(response.statusCode, response.body).toBe(200);
    const insights = response.json();
    expect(insights.timezone).toBe("Europe/Paris");
    expect(insights.platforms.map((platform: { platform: string }) => platform.platform)).toEqual(expect.arrayContaining(["instagram", "linkedin", "x"]));
  });
});
