import fc from "fast-check";
import {
  checkPost,
  lengthMessage,
  postLength,
  PLATFORM_RULES,
  planPlatformOf,
  strategySchedule,
  type Plan,
  type PlanPost,
  type StrategyRecord,
} from "@strategist/schemas";
import { brandMentions } from "../../src/plans/polish";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OfflineModel } from "../../src/models/offline/model";
import { startHarness, VALID_BRIEF, type Harness } from "../support/harness";
import { ThrowingModel } from "../support/models";
import { parseSse } from "../support/sse";
import { imagePrompt } from "../../src/plans/service";
import { OFFLINE_WRITERS } from "../../src/main/offline-writers";
import { withoutClashes } from "../../src/plans/service";
import { rewriteAlternatives } from "../../src/plans/offline-writer";

const NOW = new Date("2026-11-30T18:00:00Z"); // a Monday
const BRIEF = {
  ...VALID_BRIEF,
  target_audience: "B2B decision makers and young creative founders",
  goals: "Increase brand awareness and community engagement",
};

describe("content plans", () => {
  let harness: Harness;
  let strategy: StrategyRecord;
  const owner = "plan-owner";
  const auth = (user = owner) => ({ authorization: `Bearer ${harness.token(user)}` });
  const inject = (method: "GET" | "POST" | "PATCH", url: string, payload?: object, user = owner) =>
    harness.app.inject({ method, url, headers: auth(user), ...(payload ? { payload } : {}) });
  const makePlan = async (body: object = {}) => {
    const response = await inject("POST", `/api/strategy/${strategy.id}/plan`, body);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Plan;
  };

  beforeAll(async () => {
    harness = await startHarness({
      clock: () => NOW,
      models: [
        { id: "offline", model: new OfflineModel(OFFLINE_WRITERS) },
        { id: "broken", model: new ThrowingModel() },
      ],
    });
    const generated = await inject("POST", "/api/strategy/generate", BRIEF);
    expect(generated.statusCode).toBe(200);
    strategy = generated.json();
  });
  afterAll(() => harness.close());

  it("writes a plan from the strategy: its platforms by priority, pillars, themes and visual prompts, in the plan's zone", async () => {
    const plan = await makePlan({ weeks: 2, start_date: "2026-12-07", timezone: "Europe/Paris" });
    expect(plan).toMatchObject({
      strategy_id: strategy.id,
      strategy_version: 1,
      timezone: "Europe/Paris",
      start_date: "2026-12-07",
      weeks: 2,
      model: "offline",
    });
    const output = strategy.strategy_output;
    const times = plan.posts.map((post) => Date.parse(post.scheduled_at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const post of plan.posts) {
      expect(post.scheduled_at).toMatch(/^2026-12-(0[7-9]|1\d|20)T\d\d:\d\d:\d\d\+01:00$/);
      expect(checkPost(post.platform, post)).toEqual([]);
      expect(brandMentions(post.caption, strategy.brand_name)).toBeLessThanOrEqual(2);
      expect(output.content_pillars).toContain(post.pillar);
      expect(output.content_themes).toContain(post.theme);
      expect(post.visual_prompt_index).toBeLessThan(output.visual_prompts.length);
      expect(post.status).toBe("draft");
    }
    // Every platform the strategy ranks gets its scheduled posts a week (no public holiday in France in these weeks).
    for (const entry of strategySchedule(output)) {
      const id = planPlatformOf(entry.platform);
      if (id) expect(plan.posts.filter((post) => post.platform === id).length).toBe(entry.posts_per_week * 2);
    }
    expect(new Set(plan.posts.map((post) => post.caption)).size).toBe(plan.posts.length);
    const fetched = await inject("GET", `/api/strategy/${strategy.id}/plan`);
    expect(fetched.json()).toEqual(plan);
  });

  it("after a refine to a more playful and relaxed tone, no theme, caption or hashtag carries the instruction", async () => {
    const refined = await harness.app.inject({
      method: "POST",
      url: `/api/strategy/${strategy.id}/refine`,
      headers: auth(),
      payload: { message: "make the tone more playful and relaxed" },
    });
    expect(refined.statusCode, refined.body).toBe(200);
    const output = (refined.json() as StrategyRecord).strategy_output;
    const leak = /playful|relaxed|conversational|voice:/iu;
    for (const theme of output.content_themes) expect(theme).not.toMatch(leak);
    const plan = await makePlan({ weeks: 1, start_date: "2026-12-07", timezone: "Europe/Paris" });
    for (const post of plan.posts) {
      expect(post.caption).not.toMatch(leak);
      for (const tag of post.hashtags) expect(tag).not.toMatch(leak);
    }
    strategy = refined.json();
  });

  it("starts on the next Monday in the plan's zone by default, for 2 weeks", async () => {
    const utc = await makePlan({});
    expect(utc).toMatchObject({ start_date: "2026-12-07", weeks: 2, timezone: "UTC" });
    // 18:00 UTC on Monday 30 Nov is Tuesday in Tokyo and Monday morning in Honolulu: the next Monday is 7 Dec in both.
    const tokyo = await makePlan({ timezone: "Asia/Tokyo" });
    expect(tokyo.start_date).toBe("2026-12-07");
    const honolulu = await makePlan({ timezone: "Pacific/Honolulu" });
    expect(honolulu.start_date).toBe("2026-12-07");
  });

  it("takes the brand's default time zone when the request names none; a named zone wins, and a deleted brand leaves UTC", async () => {
    const user = "plan-brand-owner";
    const brand = await inject(
      "POST",
      "/api/brands",
      { name: "Harbour Kayaks", industry: "Outdoor tours", target_audience: "Families on holiday", default_timezone: "Europe/Berlin" },
      user,
    );
    expect(brand.statusCode, brand.body).toBe(201);
    const brandId = brand.json().id as string;
    const generated = await inject("POST", "/api/strategy/generate", { brand_id: brandId, goals: "Fill weekday tours" }, user);
    expect(generated.statusCode, generated.body).toBe(200);
    const url = `/api/strategy/${generated.json().id}/plan`;
    const berlin = (await inject("POST", url, { weeks: 1 }, user)).json() as Plan;
    expect(berlin.timezone).toBe("Europe/Berlin");
    // 18:00 UTC on Monday 30 Nov is 19:00 in Berlin: the next Monday there is 7 Dec; posts carry Berlin's offset.
    expect(berlin.start_date).toBe("2026-12-07");
    expect(berlin.posts.every((post) => post.scheduled_at.endsWith("+01:00"))).toBe(true);
    expect(((await inject("POST", url, { weeks: 1, timezone: "Asia/Tokyo" }, user)).json() as Plan).timezone).toBe("Asia/Tokyo");
    expect((await harness.app.inject({ method: "DELETE", url: `/api/brands/${brandId}`, headers: auth(user) })).statusCode).toBe(204);
    expect(((await inject("POST", url, { weeks: 1 }, user)).json() as Plan).timezone).toBe("UTC");
  });

  it("refuses an unknown time zone and weeks outside 1-8 with the field named", async () => {
    const zone = await inject("POST", `/api/strategy/${strategy.id}/plan`, { timezone: "Mars/Olympus" });
    expect(zone.statusCode).toBe(400);
    expect(zone.json()).toEqual({
      detail: "Validation error",
      errors: [{ field: "timezone", message: "Unknown time zone: use an IANA name such as Europe/Paris" }],
    });
    const weeks = await inject("POST", `/api/strategy/${strategy.id}/plan`, { weeks: 9 });
    expect(weeks.json().errors).toEqual([{ field: "weeks", message: "Must be at most 8" }]);
  });

  it("replaces the previous plan: its posts are gone", async () => {
    const first = await makePlan({ weeks: 1 });
    const second = await makePlan({ weeks: 1 });
    const old = await inject("PATCH", `/api/strategy/${strategy.id}/posts/${first.posts[0]!.id}`, { status: "approved" });
    expect(old.statusCode).toBe(404);
    expect(old.json()).toEqual({ detail: "Post not found" });
    const posts = (await harness.strategyItems(strategy.id)).filter((item) => String(item.itemKey).startsWith("post#"));
    expect(posts.map((item) => item.postId).sort()).toEqual(second.posts.map((post) => post.id).sort());
  });

  it("keeps the approved posts within the new plan's days when asked (keep_approved), in place of new posts on their platform and day", async () => {
    const first = await makePlan({ weeks: 2, start_date: "2026-12-07", timezone: "Europe/Paris" });
    const [inside, outside] = [first.posts[0]!, first.posts.at(-1)!];
    for (const post of [inside, outside]) {
      expect((await inject("PATCH", `/api/strategy/${strategy.id}/posts/${post.id}`, { status: "approved" })).statusCode).toBe(200);
    }
    const second = await makePlan({ weeks: 1, start_date: "2026-12-07", timezone: "Europe/Paris", keep_approved: true });
    const approved = second.posts.filter((post) => post.status === "approved");
    expect(approved).toHaveLength(1);
    expect(approved[0]).toMatchObject({ platform: inside.platform, scheduled_at: inside.scheduled_at, caption: inside.caption });
    expect(
      second.posts.filter((post) => post.platform === inside.platform && post.scheduled_at.slice(0, 10) === inside.scheduled_at.slice(0, 10)),
    ).toHaveLength(1);
    // Without the option every post is new and a draft.
    const third = await makePlan({ weeks: 1, start_date: "2026-12-07", timezone: "Europe/Paris" });
    expect(third.posts.every((post) => post.status === "draft")).toBe(true);
    expect((await inject("POST", `/api/strategy/${strategy.id}/plan`, { keep_approved: "yes" })).json()).toMatchObject({
      errors: [{ field: "keep_approved", message: "Must be true or false" }],
    });
  });

  it("property: a kept approved post never shares its platform and day with a new post, and no other new post is dropped", () => {
    const post = fc.record({
      id: fc.uuid(),
      platform: fc.constantFrom("x", "instagram", "linkedin"),
      scheduled_at: fc.constantFrom("2026-12-07T09:00:00+01:00", "2026-12-07T18:00:00+01:00", "2026-12-08T09:00:00+01:00"),
    });
    fc.assert(
      fc.property(fc.array(post), fc.array(post), (fresh, kept) => {
        const asPosts = (posts: typeof fresh) =>
          posts.map((one) => ({ ...one, pillar: "", theme: "", caption: "", hashtags: [], status: "draft" as const })) as PlanPost[];
        const left = withoutClashes(asPosts(fresh), asPosts(kept));
        const slot = (one: { platform: string; scheduled_at: string }) => `${one.platform} ${one.scheduled_at.slice(0, 10)}`;
        const taken = new Set(kept.map(slot));
        expect(left.every((one) => !taken.has(slot(one)))).toBe(true);
        expect(left).toHaveLength(fresh.filter((one) => !taken.has(slot(one))).length);
      }),
      { numRuns: 100 },
    );
  });

  it("edits a post: approve, and a caption past X's limit is refused with the limit named and nothing stored", async () => {
    const plan = await makePlan({ weeks: 1 });
    const post = plan.posts[0]!;
    const approved = await inject("PATCH", `/api/strategy/${strategy.id}/posts/${post.id}`, { status: "approved" });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toEqual({ ...post, status: "approved" });
    const tooLong = "x".repeat(PLATFORM_RULES[post.platform].maxLength + 1);
    const refused = await inject("PATCH", `/api/strategy/${strategy.id}/posts/${post.id}`, { caption: tooLong });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual({ detail: "Validation error", errors: [{ field: "caption", message: lengthMessage(post.platform) }] });
    const stored = (await inject("GET", `/api/strategy/${strategy.id}/plan`)).json() as Plan;
    expect(stored.posts.find((candidate) => candidate.id === post.id)).toEqual({ ...post, status: "approved" });
    const badTag = await inject("PATCH", `/api/strategy/${strategy.id}/posts/${post.id}`, { hashtags: ["#ok", "not a tag"] });
    expect(badTag.json().errors).toEqual([{ field: "hashtags.1", message: "Must be # followed by letters, digits or underscores" }]);
    const empty = await inject("PATCH", `/api/strategy/${strategy.id}/posts/${post.id}`, {});
    expect(empty.statusCode).toBe(400);
  });

  it("property: every edit past a platform's limit is refused with that limit named", async () => {
    const plan = await makePlan({ weeks: 1 });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...plan.posts),
        fc.constantFrom("a", "日", "😀", "é", "https://example.com/a "),
        fc.integer({ min: 1, max: 40 }),
        async (post: PlanPost, chosen, extra) => {
          const rule = PLATFORM_RULES[post.platform];
          // Long limits are passed with ASCII: Node 20's segmenter makes 60,000 non-ASCII characters slow to count.
          const unit = rule.maxLength > 2500 ? "a" : chosen;
          const caption = unit.repeat(Math.floor(rule.maxLength / postLength(post.platform, unit, [])) + extra);
          const response = await inject("PATCH", `/api/strategy/${strategy.id}/posts/${post.id}`, { caption });
          expect(response.statusCode).toBe(400);
          expect(response.json().errors).toContainEqual({ field: "caption", message: lengthMessage(post.platform) });
        },
      ),
      { numRuns: 100 },
    );
  });

  it("rewrites a post: a new caption within the platform's rules, the rest kept", async () => {
    const plan = await makePlan({ weeks: 1 });
    const post = plan.posts[1]!;
    const response = await inject("POST", `/api/strategy/${strategy.id}/posts/${post.id}/rewrite`, { instruction: "shorter please" });
    expect(response.statusCode, response.body).toBe(200);
    const rewritten = response.json() as PlanPost;
    expect(rewritten.caption).not.toBe(post.caption);
    expect(checkPost(rewritten.platform, rewritten)).toEqual([]);
    expect({ ...rewritten, caption: post.caption, hashtags: post.hashtags }).toEqual(post);
  });

  it("rewrites with 2 or 3 alternatives: distinct captions within the rules, the first stored, 1-3 only", async () => {
    const plan = await makePlan({ weeks: 1 });
    for (const [index, count] of [
      [0, 2],
      [2, 3],
    ] as const) {
      const post = plan.posts[index]!;
      const response = await inject("POST", `/api/strategy/${strategy.id}/posts/${post.id}/rewrite`, { instruction: "more casual", alternatives: count });
      expect(response.statusCode, response.body).toBe(200);
      const { alternatives, ...stored } = response.json() as PlanPost & { alternatives: { caption: string; hashtags: string[] }[] };
      expect(alternatives).toHaveLength(count);
      expect(new Set(alternatives.map((alternative) => alternative.caption)).size).toBe(count);
      expect(alternatives.map((alternative) => alternative.caption)).not.toContain(post.caption);
      for (const alternative of alternatives) expect(checkPost(post.platform, alternative)).toEqual([]);
      expect(stored).toEqual({ ...post, ...alternatives[0] });
      const read = (await inject("GET", `/api/strategy/${strategy.id}/plan`)).json() as Plan;
      expect(read.posts.find((candidate) => candidate.id === post.id)).toEqual(stored);
    }
    const refused = await inject("POST", `/api/strategy/${strategy.id}/posts/${plan.posts[0]!.id}/rewrite`, { alternatives: 4 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ errors: [{ field: "alternatives", message: "Must be at most 3" }] });
  });

  it("property: the offline writer's alternatives are distinct and meet the platform's rules, for any post of any plan platform", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(PLATFORM_RULES) as (keyof typeof PLATFORM_RULES)[])),
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.string({ minLength: 1, maxLength: 60 }),
        fc.integer({ min: 2, max: 3 }),
        fc.option(fc.constantFrom("shorter", "more casual", "add a question"), { nil: undefined }),
        (platform, pillar, theme, count, instruction) => {
          const brief = {
            brand_name: "Tidewater",
            platform,
            pillar,
            theme,
            caption: `${theme} with Tidewater`,
            hashtags: [],
            ...(instruction ? { instruction } : {}),
          };
          const alternatives = rewriteAlternatives(brief, count);
          expect(alternatives).toHaveLength(count);
          expect(new Set(alternatives.map((alternative) => alternative.caption.trim())).size).toBe(count);
          for (const alternative of alternatives) expect(checkPost(platform, alternative)).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("gives an image job for a planned post the visual prompt the post names and the start of its caption", async () => {
    const plan = await makePlan({ weeks: 1 });
    const post = plan.posts.find((candidate) => candidate.visual_prompt_index !== undefined)!;
    const accepted = await inject("POST", `/api/strategy/${strategy.id}/images`, { post_id: post.id });
    expect(accepted.statusCode, accepted.body).toBe(202);
    const job = await inject("GET", `/api/images/jobs/${accepted.json().job_id}`);
    expect(job.json().prompt).toBe(imagePrompt(post, strategy.strategy_output.visual_prompts));
    expect(job.json().prompt.startsWith(strategy.strategy_output.visual_prompts[post.visual_prompt_index!]!)).toBe(true);
    expect(job.json().prompt).toContain(post.caption.replace(/\s+/gu, " ").trim().slice(0, 40));
    expect(job.json().post_id).toBe(post.id);
    expect(imagePrompt({ ...post, visual_brief: " A baker at dawn " }, strategy.strategy_output.visual_prompts)).toBe("A baker at dawn");
    const missing = await inject("POST", `/api/strategy/${strategy.id}/images`, { post_id: "no-such-post" });
    expect(missing.statusCode).toBe(400);
  });

  it("streams the posts as they are written, then the stored plan", async () => {
    const response = await inject("POST", `/api/strategy/${strategy.id}/plan/stream`, { weeks: 1 });
    expect(response.statusCode).toBe(200);
    const events = parseSse(response.body);
    expect(events[0]!.event).toBe("started");
    expect(events.some((event) => event.event === "section" && event.data.section === "posts")).toBe(true);
    const completed = events.at(-1)!;
    expect(completed.event).toBe("completed");
    expect((await inject("GET", `/api/strategy/${strategy.id}/plan`)).json()).toEqual(completed.data);
  });

  it("stores nothing when the model fails: the previous plan stays", async () => {
    const before = await makePlan({ weeks: 1 });
    const failed = await inject("POST", `/api/strategy/${strategy.id}/plan`, { model: "broken" });
    expect(failed.statusCode).toBeGreaterThanOrEqual(500);
    expect((await inject("GET", `/api/strategy/${strategy.id}/plan`)).json()).toEqual(before);
  });

  it("replays a plan for a repeated Idempotency-Key without writing another", async () => {
    const headers = { ...auth(), "idempotency-key": "plan-key-1" };
    const first = await harness.app.inject({ method: "POST", url: `/api/strategy/${strategy.id}/plan`, headers, payload: { weeks: 1 } });
    const again = await harness.app.inject({ method: "POST", url: `/api/strategy/${strategy.id}/plan`, headers, payload: { weeks: 1 } });
    expect(again.json()).toEqual(first.json());
    const other = await harness.app.inject({ method: "POST", url: `/api/strategy/${strategy.id}/plan`, headers, payload: { weeks: 2 } });
    expect(other.statusCode).toBe(400);
    expect(other.json().errors).toEqual([{ field: "Idempotency-Key", message: "Reused with a different request" }]);
  });

  it("is documented in the OpenAPI document, every plan route with its operation id", async () => {
    const document = (await harness.app.inject({ url: "/docs/json" })).json() as { paths: Record<string, Record<string, { operationId?: string }>> };
    const ids = Object.values(document.paths).flatMap((methods) => Object.values(methods).map((operation) => operation.operationId));
    for (const id of ["createPlan", "createPlanStream", "getPlan", "updatePost", "rewritePost", "exportPlanIcs", "exportPlanCsv", "exportStrategyPdf"])
      expect(ids).toContain(id);
  });

  it("deletes the plan with its strategy", async () => {
    const own = (await inject("POST", "/api/strategy/generate", BRIEF)).json() as StrategyRecord;
    const plan = (await inject("POST", `/api/strategy/${own.id}/plan`, { weeks: 1 })).json() as Plan;
    expect(plan.posts.length).toBeGreaterThan(0);
    const deleted = await harness.app.inject({ method: "DELETE", url: `/api/strategy/${own.id}`, headers: auth() });
    expect(deleted.statusCode).toBe(204);
    expect(await harness.strategyItems(own.id)).toEqual([]);
    expect((await inject("GET", `/api/strategy/${own.id}/plan`)).statusCode).toBe(404);
  });

  it("answers 404 for a missing strategy, plan or post, and 403 for another user's on every route", async () => {
    const other = await inject("POST", "/api/strategy/generate", BRIEF, "plan-other");
    const fresh = other.json() as StrategyRecord;
    const plan = await makePlan({ weeks: 1 });
    const postId = plan.posts[0]!.id;
    const routes: ["GET" | "POST" | "PATCH", string, object?][] = [
      ["POST", "plan", {}],
      ["POST", "plan/stream", {}],
      ["GET", "plan"],
      ["PATCH", `posts/${postId}`, { status: "approved" }],
      ["POST", `posts/${postId}/rewrite`, {}],
      ["GET", "plan.ics"],
      ["GET", "plan.csv"],
      ["GET", "export.pdf"],
    ];
    for (const [method, path, body] of routes) {
      const denied = await inject(method, `/api/strategy/${strategy.id}/${path}`, body, "plan-intruder");
      expect(denied.statusCode, `${method} ${path}`).toBe(403);
      expect(denied.json()).toEqual({ detail: "Access denied" });
      const missing = await inject(method, `/api/strategy/no-such-strategy/${path}`, body);
      expect(missing.statusCode, `${method} ${path}`).toBe(404);
      expect(missing.json()).toEqual({ detail: "Strategy not found" });
    }
    const noPlan = await inject("GET", `/api/strategy/${fresh.id}/plan`, undefined, "plan-other");
    expect(noPlan.statusCode).toBe(404);
    expect(noPlan.json()).toEqual({ detail: "Plan not found" });
    for (const path of ["plan.ics", "plan.csv"]) {
      expect((await inject("GET", `/api/strategy/${fresh.id}/${path}`, undefined, "plan-other")).json()).toEqual({ detail: "Plan not found" });
    }
    const noPost = await inject("PATCH", `/api/strategy/${strategy.id}/posts/nope`, { status: "approved" });
    expect(noPost.json()).toEqual({ detail: "Post not found" });
  });
});
