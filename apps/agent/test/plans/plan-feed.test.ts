import ICAL from "ical.js";
import type { Plan, PlanFeed, StrategyRecord } from "@strategist/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maxImagesPerPost } from "@strategist/schemas";
import { imageKey } from "../../src/images/storage";
import { loggedUrl, loggerOptions } from "../../src/core/logging";
import { startHarness, VALID_BRIEF, type Harness } from "../support/harness";

type Json = Record<string, unknown>;

/** The path of a feed URL on the web origin (the agent answers the same path). */
function feedPath(feed: PlanFeed): string {
  return new URL(feed.feed_url!).pathname;
}

function events(text: string) {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((event) => new ICAL.Event(event));
}

async function waitForJob(harness: Harness, userId: string, jobId: string): Promise<Json> {
  for (let i = 0; i < 200; i++) {
    const job = (await harness.app.inject({ url: `/api/images/jobs/${jobId}`, headers: { authorization: `Bearer ${harness.token(userId)}` } })).json() as Json;
    if (job.status === "completed" || job.status === "failed") return job;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`job ${jobId} never settled`);
}

describe("plan feed, bulk status and post pictures", () => {
  let harness: Harness;
  let strategy: StrategyRecord;
  let plan: Plan;
  const owner = "feed-owner";
  const headers = () => ({ authorization: `Bearer ${harness.token(owner)}` });
  const other = () => ({ authorization: `Bearer ${harness.token("someone-else")}` });

  beforeAll(async () => {
    harness = await startHarness({ env: { FRONTEND_URL: "https://app.example", IMAGE_JOBS_MAX_ACTIVE_PER_USER: "50" } });
    strategy = (await harness.app.inject({ method: "POST", url: "/api/strategy/generate", headers: headers(), payload: VALID_BRIEF })).json() as StrategyRecord;
    plan = (await harness.app.inject({ method: "POST", url: `/api/strategy/${strategy.id}/plan`, headers: headers(), payload: { weeks: 2 } })).json() as Plan;
  });
  afterAll(() => harness.close());

  it("serves the feed without a cookie or token, answers 304 to its ETag, and 404 once rotated or revoked", async () => {
    const created = await harness.app.inject({ method: "POST", url: `/api/strategy/${strategy.id}/plan/feed`, headers: headers(), payload: {} });
    expect(created.statusCode).toBe(201);
    const feed = created.json() as PlanFeed;
    expect(feed.feed_url).toMatch(/^https:\/\/app\.example\/api\/plan-feeds\/[A-Za-z0-9_~-]+\.ics$/u);
    expect(feed.webcal_url).toBe(feed.feed_url!.replace("https://", "webcal://"));
    // The secret part holds 256 random bits, and only its hash is stored.
    const token = feedPath(feed)
      .split("/")
      .at(-1)!
      .replace(/\.ics$/u, "");
    expect(token.split("~")[1]).toHaveLength(43);
    const stored = (await harness.strategyItems(strategy.id)).find((item) => item.itemKey === "feed")!;
    expect(JSON.stringify(stored)).not.toContain(token.split("~")[1]);

    const calendar = await harness.app.inject({ url: feedPath(feed) });
    expect(calendar.statusCode).toBe(200);
    expect(calendar.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(events(calendar.body)).toHaveLength(plan.posts.length);
    const etag = calendar.headers.etag as string;
    expect((await harness.app.inject({ url: feedPath(feed), headers: { "if-none-match": etag } })).statusCode).toBe(304);

    // A change of the plan changes the ETag.
    await harness.app.inject({
      method: "PATCH",
      url: `/api/strategy/${strategy.id}/posts/${plan.posts[0]!.id}`,
      headers: headers(),
      payload: { status: "approved" },
    });
    const changed = await harness.app.inject({ url: feedPath(feed), headers: { "if-none-match": etag } });
    expect(changed.statusCode).toBe(200);

    const rotated = (
      await harness.app.inject({ method: "POST", url: `/api/strategy/${strategy.id}/plan/feed`, headers: headers(), payload: { approved_only: true } })
    ).json() as PlanFeed;
    expect((await harness.app.inject({ url: feedPath(feed) })).statusCode).toBe(404);
    const approvedOnly = await harness.app.inject({ url: feedPath(rotated) });
    expect(events(approvedOnly.body)).toHaveLength(1);
    expect((await harness.app.inject({ url: `/api/strategy/${strategy.id}/plan/feed`, headers: headers() })).json()).toEqual({
      approved_only: true,
      created_at: rotated.created_at,
    });

    expect((await harness.app.inject({ method: "DELETE", url: `/api/strategy/${strategy.id}/plan/feed`, headers: headers() })).statusCode).toBe(204);
    const revoked = await harness.app.inject({ url: feedPath(rotated) });
    expect(revoked.statusCode).toBe(404);
    expect(revoked.json()).toEqual({ detail: "Feed not found" });
  });

  it("refuses a wrong or malformed token with 404, and another user's strategy with 403 before any work", async () => {
    const feed = (
      await harness.app.inject({ method: "POST", url: `/api/strategy/${strategy.id}/plan/feed`, headers: headers(), payload: {} })
    ).json() as PlanFeed;
    const [prefix] = feedPath(feed).split("~");
    expect((await harness.app.inject({ url: `${prefix}~${"A".repeat(43)}.ics` })).statusCode).toBe(404);
    expect((await harness.app.inject({ url: "/api/plan-feeds/not-a-token.ics" })).statusCode).toBe(404);
    expect((await harness.app.inject({ url: "/api/plan-feeds/bad%0Atoken.ics" })).statusCode).toBe(400);
    for (const method of ["POST", "GET", "PATCH", "DELETE"] as const) {
      const answer = await harness.app.inject({
        method,
        url: `/api/strategy/${strategy.id}/plan/feed`,
        headers: other(),
        ...(method === "POST" || method === "PATCH" ? { payload: { approved_only: true } } : {}),
      });
      expect(answer.statusCode).toBe(403);
    }
    // The owner's feed still works: the refused calls changed nothing.
    expect((await harness.app.inject({ url: feedPath(feed) })).statusCode).toBe(200);
    const bad = await harness.app.inject({
      method: "PATCH",
      url: `/api/strategy/${strategy.id}/plan/feed`,
      headers: headers(),
      payload: { approved_only: "yes" },
    });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { errors: { field: string }[] }).errors[0]!.field).toBe("approved_only");
  });

  it("approves a week in one idempotent call, and a selection back to draft", async () => {
    const url = `/api/strategy/${strategy.id}/posts/approve`;
    const first = await harness.app.inject({ method: "POST", url, headers: headers(), payload: { week_start: plan.start_date, status: "approved" } });
    expect(first.statusCode).toBe(200);
    const result = first.json() as { post_ids: string[]; changed: number };
    const week = plan.posts.filter((post) => Date.parse(post.scheduled_at) < Date.parse(plan.posts[0]!.scheduled_at) + 7 * 86_400_000);
    expect(result.post_ids.length).toBeGreaterThan(0);
    const again = (
      await harness.app.inject({ method: "POST", url, headers: headers(), payload: { week_start: plan.start_date, status: "approved" } })
    ).json() as { changed: number };
    expect(again.changed).toBe(0);
    const stored = (await harness.app.inject({ url: `/api/strategy/${strategy.id}/plan`, headers: headers() })).json() as Plan;
    for (const post of stored.posts) expect(post.status).toBe(result.post_ids.includes(post.id) ? "approved" : "draft");
    expect(week.length).toBeGreaterThanOrEqual(result.post_ids.length);

    const back = await harness.app.inject({ method: "POST", url, headers: headers(), payload: { post_ids: [result.post_ids[0]], status: "draft" } });
    expect((back.json() as { changed: number }).changed).toBe(1);
    const unknown = await harness.app.inject({ method: "POST", url, headers: headers(), payload: { post_ids: ["nope"], status: "draft" } });
    expect(unknown.statusCode).toBe(400);
    expect((unknown.json() as { errors: { field: string }[] }).errors[0]!.field).toBe("post_ids.0");
    const both = await harness.app.inject({ method: "POST", url, headers: headers(), payload: { status: "draft" } });
    expect(both.statusCode).toBe(400);
    expect((await harness.app.inject({ method: "POST", url, headers: other(), payload: { week_start: plan.start_date, status: "draft" } })).statusCode).toBe(
      403,
    );
  });

  it("takes pictures for one post up to its platform's carousel size, then answers 400 on post_id", async () => {
    const fresh = (
      await harness.app.inject({ method: "POST", url: "/api/strategy/generate", headers: headers(), payload: VALID_BRIEF })
    ).json() as StrategyRecord;
    const freshPlan = (
      await harness.app.inject({ method: "POST", url: `/api/strategy/${fresh.id}/plan`, headers: headers(), payload: { weeks: 1 } })
    ).json() as Plan;
    const post = freshPlan.posts[0]!;
    const most = maxImagesPerPost(post.platform);
    for (let index = 0; index < most; index++) {
      const accepted = await harness.app.inject({ method: "POST", url: `/api/strategy/${fresh.id}/images`, headers: headers(), payload: { post_id: post.id } });
      expect(accepted.statusCode, accepted.body).toBe(202);
    }
    const refused = await harness.app.inject({ method: "POST", url: `/api/strategy/${fresh.id}/images`, headers: headers(), payload: { post_id: post.id } });
    expect(refused.statusCode).toBe(400);
    expect((refused.json() as { errors: { field: string; message: string }[] }).errors[0]).toMatchObject({ field: "post_id" });
    expect(maxImagesPerPost("instagram")).toBe(10);
    expect(maxImagesPerPost("youtube")).toBe(1);
  });

  it("never logs a feed's token: the request line shows *** in its place", () => {
    const token = `${Buffer.from("s-1").toString("base64url")}~${"a".repeat(43)}`;
    expect(loggedUrl(`/api/plan-feeds/${token}.ics`)).toBe("/api/plan-feeds/***.ics");
    expect(loggedUrl(`/api/plan-feeds/${token}/images/j1`)).toBe("/api/plan-feeds/***/images/j1");
    const serialized = (loggerOptions("info").serializers!.req as (request: unknown) => { url: string })({
      method: "GET",
      url: `/api/plan-feeds/${token}.ics`,
    });
    expect(JSON.stringify(serialized)).not.toContain(token.split("~")[1]);
  });

  it("draws a week's posts in one call, links each picture in the feed under its token, and deletes a post's pictures with it", async () => {
    const queued = await harness.app.inject({
      method: "POST",
      url: `/api/strategy/${strategy.id}/posts/images`,
      headers: headers(),
      payload: { week_start: plan.start_date },
    });
    expect(queued.statusCode).toBe(202);
    const { jobs } = queued.json() as { jobs: { post_id: string; job_id: string }[] };
    expect(jobs.length).toBeGreaterThan(0);
    for (const job of jobs) expect((await waitForJob(harness, owner, job.job_id)).status).toBe("completed");
    // The same week again skips every post that has its picture.
    const again = (
      await harness.app.inject({
        method: "POST",
        url: `/api/strategy/${strategy.id}/posts/images`,
        headers: headers(),
        payload: { week_start: plan.start_date },
      })
    ).json() as {
      jobs: unknown[];
      skipped: string[];
    };
    expect(again.jobs).toHaveLength(0);
    expect(again.skipped).toHaveLength(jobs.length);

    const [first] = jobs;
    const perPost = (await harness.app.inject({ url: `/api/strategy/${strategy.id}/posts/${first!.post_id}/images`, headers: headers() })).json() as Json[];
    expect(perPost.map((job) => job.job_id)).toEqual([first!.job_id]);
    expect(perPost[0]!.post_id).toBe(first!.post_id);
    expect((await harness.app.inject({ url: `/api/strategy/${strategy.id}/posts/${first!.post_id}/images`, headers: other() })).statusCode).toBe(403);

    const feed = (
      await harness.app.inject({ method: "POST", url: `/api/strategy/${strategy.id}/plan/feed`, headers: headers(), payload: {} })
    ).json() as PlanFeed;
    const token = feedPath(feed)
      .split("/")
      .at(-1)!
      .replace(/\.ics$/u, "");
    const calendar = events((await harness.app.inject({ url: feedPath(feed) })).body);
    const event = calendar.find((candidate) => candidate.uid === `${first!.post_id}@strategist`)!;
    const imageUrl = `https://app.example/api/plan-feeds/${token}/images/${first!.job_id}`;
    expect(event.description).toContain(`Image: ${imageUrl}`);
    expect(event.description).toContain(`Post: https://app.example/strategies/${strategy.id}/plan?post=${first!.post_id}`);
    expect(event.description).toContain(`Pillar: `);
    const picture = await harness.app.inject({ url: new URL(imageUrl).pathname });
    expect(picture.statusCode).toBe(200);
    expect(picture.rawPayload.subarray(1, 4).toString()).toBe("PNG");
    // The downloaded calendar links the same post and picture (the picture through the signed-in content route).
    const downloaded = events((await harness.app.inject({ url: `/api/strategy/${strategy.id}/plan.ics`, headers: headers() })).body);
    expect(downloaded.find((candidate) => candidate.uid === event.uid)!.description).toContain(
      `Image: https://app.example/api/images/jobs/${first!.job_id}/content`,
    );

    // Another strategy's feed token cannot reach this picture.
    const otherStrategy = (
      await harness.app.inject({ method: "POST", url: "/api/strategy/generate", headers: other(), payload: VALID_BRIEF })
    ).json() as StrategyRecord;
    await harness.app.inject({ method: "POST", url: `/api/strategy/${otherStrategy.id}/plan`, headers: other(), payload: { weeks: 1 } });
    const otherFeed = (
      await harness.app.inject({ method: "POST", url: `/api/strategy/${otherStrategy.id}/plan/feed`, headers: other(), payload: {} })
    ).json() as PlanFeed;
    const otherToken = feedPath(otherFeed)
      .split("/")
      .at(-1)!
      .replace(/\.ics$/u, "");
    expect((await harness.app.inject({ url: `/api/plan-feeds/${otherToken}/images/${first!.job_id}` })).statusCode).toBe(404);

    // Deleting the post deletes its job and object.
    expect((await harness.app.inject({ method: "DELETE", url: `/api/strategy/${strategy.id}/posts/${first!.post_id}`, headers: headers() })).statusCode).toBe(
      204,
    );
    expect((await harness.app.inject({ url: `/api/images/jobs/${first!.job_id}`, headers: headers() })).statusCode).toBe(404);
    expect((await harness.app.inject({ url: new URL(imageUrl).pathname })).statusCode).toBe(404);
    const head = await harness.s3
      .send(new (await import("@aws-sdk/client-s3")).HeadObjectCommand({ Bucket: harness.config.S3_BUCKET, Key: imageKey(strategy.id, first!.job_id) }))
      .catch((error: { $metadata?: { httpStatusCode?: number } }) => error);
    expect((head as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(404);

    // Deleting the plan deletes every other picture of its posts.
    expect((await harness.app.inject({ method: "DELETE", url: `/api/strategy/${strategy.id}/plan`, headers: headers() })).statusCode).toBe(204);
    for (const job of jobs.slice(1)) expect((await harness.app.inject({ url: `/api/images/jobs/${job.job_id}`, headers: headers() })).statusCode).toBe(404);
    expect((await harness.app.inject({ url: `/api/strategy/${strategy.id}/plan`, headers: headers() })).statusCode).toBe(404);
  });
});
