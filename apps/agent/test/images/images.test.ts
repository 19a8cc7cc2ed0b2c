import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { renderPlaceholderImage } from "@strategist/composer/placeholder-image";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createImageCatalog, ImageModelCatalog, type ImageModel, type Picture } from "../../src/models/image-models";
import { createImageJobs } from "../../src/images/wiring";
import { CursorCodec } from "../../src/core/cursor";
import { generate, startHarness, VALID_BRIEF, type Harness } from "../support/harness";

type Json = Record<string, any>;

/** A model that never answers until aborted or released: its jobs stay running. */
class StuckImageModel implements ImageModel {
  private readonly waiting: (() => void)[] = [];
  generate(_prompt: string, signal: AbortSignal): Promise<Picture> {
    return new Promise((_, reject) => {
      const fail = () => reject(new Error("released"));
      this.waiting.push(fail);
      signal.addEventListener("abort", fail);
    });
  }
  release(): void {
    for (const fail of this.waiting.splice(0)) fail();
  }
}

async function waitForJob(
  harness: Harness,
  userId: string,
  jobId: string,
  until: (job: Json) => boolean = (job) => job.status === "completed" || job.status === "failed",
): Promise<Json> {
  for (let i = 0; i < 200; i++) {
    const response = await harness.app.inject({ url: `/api/images/jobs/${jobId}`, headers: { authorization: `Bearer ${harness.token(userId)}` } });
    const job = response.json() as Json;
    if (until(job)) return job;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`job ${jobId} never settled`);
}

/** The image room's repository, store and service over a harness's table and bucket (no worker). */
function imageParts(harness: Harness) {
  return createImageJobs({
    config: harness.config,
    client: harness.client,
    s3: harness.s3,
    models: createImageCatalog(harness.config),
    strategies: { get: () => Promise.reject(new Error("strategies are not read here")) },
    cursors: new CursorCodec(harness.config.JWT_SECRET),
    limits: { acquire: () => () => undefined },
  });
}

function postImage(harness: Harness, userId: string, strategyId: string, body: unknown) {
  return harness.app.inject({
    method: "POST",
    url: `/api/strategy/${strategyId}/images`,
    headers: { authorization: `Bearer ${harness.token(userId)}` },
    payload: body as object,
  });
}

describe("image jobs API (offline image model, embedded S3)", () => {
  let harness: Harness;
  let strategy: Json;
  beforeAll(async () => {
    harness = await startHarness();
    strategy = (await generate(harness, "ada", VALID_BRIEF)).json();
  });
  afterAll(() => harness.close());

  it("queues a job for a visual prompt, completes it, and serves the stored PNG through the presigned link and the content route", async () => {
    const before = Date.now();
    const response = await postImage(harness, "ada", strategy.id, { prompt_index: 1 });
    expect(response.statusCode).toBe(202);
    const accepted = response.json() as Json;
    expect(accepted).toMatchObject({ status: "queued" });
    expect(response.headers.location).toBe(`/api/images/jobs/${accepted.job_id}`);

    const job = await waitForJob(harness, "ada", accepted.job_id);
    const prompt = strategy.strategy_output.visual_prompts[1];
    expect(job).toMatchObject({ status: "completed", progress: 100, attempts: 1, prompt, strategy_id: strategy.id, model: "offline-image" });
    const expected = renderPlaceholderImage(prompt, { width: 512, height: 512 }).png;
    expect(job.image).toMatchObject({ width: 512, height: 512, content_type: "image/png" });
    const expiresIn = Date.parse(job.image.expires_at) - before;
    expect(expiresIn).toBeGreaterThan(3590_000);
    expect(expiresIn).toBeLessThan(3700_000);
    expect(job.image.url).toContain("X-Amz-Expires=3600");

    const download = await fetch(job.image.url);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(expected)).toBe(true);

    const content = await harness.app.inject({
      url: `/api/images/jobs/${job.job_id}/content?download=1`,
      headers: { authorization: `Bearer ${harness.token("ada")}` },
    });
    expect(content.statusCode).toBe(200);
    expect(content.headers["content-type"]).toBe("image/png");
    expect(content.headers["content-disposition"]).toContain("attachment");
    expect(content.rawPayload.equals(expected)).toBe(true);
    const objects = await harness.s3.send(new ListObjectsV2Command({ Bucket: harness.config.S3_BUCKET, Prefix: `images/${strategy.id}/` }));
    expect(objects.Contents?.map((object) => object.Key)).toContain(`images/${strategy.id}/${job.job_id}.png`);
  });

  it("lists a strategy's jobs newest first, a page at a time", async () => {
    const fresh = (await generate(harness, "lister", VALID_BRIEF)).json() as Json;
    const ids: string[] = [];
    for (const index of [0, 1, 0]) {
      const accepted = (await postImage(harness, "lister", fresh.id, { prompt_index: index })).json() as Json;
      await waitForJob(harness, "lister", accepted.job_id);
      ids.push(accepted.job_id);
    }
    const headers = { authorization: `Bearer ${harness.token("lister")}` };
    const first = await harness.app.inject({ url: `/api/strategy/${fresh.id}/images?limit=2`, headers });
    expect(first.statusCode).toBe(200);
    expect((first.json() as Json[]).map((job) => job.job_id)).toEqual([ids[2], ids[1]]);
    const cursor = first.headers["x-next-cursor"] as string;
    const second = await harness.app.inject({ url: `/api/strategy/${fresh.id}/images?limit=2&cursor=${encodeURIComponent(cursor)}`, headers });
    expect((second.json() as Json[]).map((job) => job.job_id)).toEqual([ids[0]]);
    const foreignCursor = await harness.app.inject({
      url: `/api/strategy/${fresh.id}/images?cursor=${encodeURIComponent(cursor)}`,
      headers: { authorization: `Bearer ${harness.token("ada")}` },
    });
    expect(foreignCursor.statusCode).toBe(403);
  });

  it("refuses bad requests with the field, another user's strategy or job with 403, and missing ones with 404", async () => {
    const count = strategy.strategy_output.visual_prompts.length as number;
    const cases: [unknown, string][] = [
      [{ prompt_index: 3 }, "prompt_index"],
      [{ prompt_index: -1 }, "prompt_index"],
      [{ prompt_index: 1.5 }, "prompt_index"],
      [{}, "prompt_index"],
      [{ prompt_index: 0, post_id: "p1" }, "prompt_index"],
      [{ prompt_index: 0, model: "no-such-model" }, "model"],
      [{ prompt_index: 0, user_id: "mallory" }, "user_id"],
      [{ post_id: "no-such-post" }, "post_id"],
    ];
    if (count < 3) cases.push([{ prompt_index: count }, "prompt_index"]);
    for (const [body, field] of cases) {
      const response = await postImage(harness, "ada", strategy.id, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect((response.json() as Json).errors.map((error: Json) => error.field)).toContain(field);
    }
    expect((await postImage(harness, "mallory", strategy.id, { prompt_index: 0 })).statusCode).toBe(403);
    const missing = await postImage(harness, "ada", "no-such-strategy", { prompt_index: 0 });
    expect(missing.statusCode).toBe(404);
    const listed = await harness.app.inject({ url: `/api/strategy/${strategy.id}/images`, headers: { authorization: `Bearer ${harness.token("mallory")}` } });
    expect(listed.statusCode).toBe(403);

    const accepted = (await postImage(harness, "ada", strategy.id, { prompt_index: 0 })).json() as Json;
    for (const url of [`/api/images/jobs/${accepted.job_id}`, `/api/images/jobs/${accepted.job_id}/content`]) {
      const foreign = await harness.app.inject({ url, headers: { authorization: `Bearer ${harness.token("mallory")}` } });
      expect(foreign.statusCode).toBe(403);
      expect(foreign.json()).toEqual({ detail: "Access denied" });
    }
    const gone = await harness.app.inject({ url: "/api/images/jobs/no-such-job", headers: { authorization: `Bearer ${harness.token("ada")}` } });
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toEqual({ detail: "Image job not found" });
    const anonymous = await harness.app.inject({ url: `/api/images/jobs/${accepted.job_id}` });
    expect(anonymous.statusCode).toBe(401);
  });

  it("refuses a presigned link once its expiry has passed", async () => {
    const images = imageParts(harness);
    await images.store.put("images/expiry/check.png", Buffer.from("png bytes"), "image/png");
    // Signatures carry whole seconds, so a 2 s link is good for at least one more second.
    const link = await images.store.presign("images/expiry/check.png", new Date(), 2);
    expect((await fetch(link.url)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    expect((await fetch(link.url)).status).toBe(403);
  });

  it("documents the image routes in the OpenAPI document", async () => {
    const document = (await harness.app.inject({ url: "/docs/json" })).json() as Json;
    const operations = Object.values(document.paths as Record<string, Record<string, Json>>).flatMap((path) =>
      Object.values(path).map((operation) => operation.operationId),
    );
    expect(operations).toEqual(expect.arrayContaining(["createImageJob", "getImageJob", "listImageJobs", "getImageContent"]));
  });

  it("lists image models apart from text models", async () => {
    const models = (await harness.app.inject({ url: "/api/models", headers: { authorization: `Bearer ${harness.token("ada")}` } })).json() as Json[];
    expect(models.filter((model) => model.kind === "image").map((model) => model.id)).toEqual(["offline-image"]);
    expect(models.filter((model) => model.kind === "text").length).toBeGreaterThan(0);
  });

  it("DELETE /api/strategy/:id deletes the strategy's image jobs and their objects, and nothing of other strategies", async () => {
    const fresh = (await generate(harness, "deleter", VALID_BRIEF)).json() as Json;
    const accepted = (await postImage(harness, "deleter", fresh.id, { prompt_index: 0 })).json() as Json;
    await waitForJob(harness, "deleter", accepted.job_id);
    const images = imageParts(harness);
    const key = `images/${fresh.id}/${accepted.job_id}.png`;
    expect(await images.store.exists(key)).toBe(true);
    const survivor = (await postImage(harness, "ada", strategy.id, { prompt_index: 0 })).json() as Json;
    await waitForJob(harness, "ada", survivor.job_id);

    const deleted = await harness.app.inject({
      method: "DELETE",
      url: `/api/strategy/${fresh.id}`,
      headers: { authorization: `Bearer ${harness.token("deleter")}` },
    });
    expect(deleted.statusCode).toBe(204);
    expect(await images.store.exists(key)).toBe(false);
    expect(await images.repository.get(accepted.job_id)).toBeUndefined();
    const job = await harness.app.inject({ url: `/api/images/jobs/${accepted.job_id}`, headers: { authorization: `Bearer ${harness.token("deleter")}` } });
    expect(job.statusCode).toBe(404);
    expect(await images.store.exists(`images/${strategy.id}/${survivor.job_id}.png`)).toBe(true);
  });
});

describe("per-user image job limit", () => {
  let harness: Harness;
  const stuck = new StuckImageModel();
  beforeAll(async () => {
    harness = await startHarness({
      env: { IMAGE_JOBS_MAX_ACTIVE_PER_USER: "2" },
      imageModels: new ImageModelCatalog([{ id: "stuck", name: "stuck", provider: "offline", default: true, create: () => stuck }]),
    });
  });
  afterAll(async () => {
    stuck.release();
    await harness.close();
  });

  it("answers 429 with Retry-After once the user has the maximum of queued and running jobs; other users are unaffected", async () => {
    const mine = (await generate(harness, "busy", VALID_BRIEF)).json() as Json;
    for (let i = 0; i < 2; i++) expect((await postImage(harness, "busy", mine.id, { prompt_index: 0 })).statusCode).toBe(202);
    const refused = await postImage(harness, "busy", mine.id, { prompt_index: 0 });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBe("5");
    expect(refused.json()).toEqual({ detail: "Too many image jobs in progress" });
    const theirs = (await generate(harness, "calm", VALID_BRIEF)).json() as Json;
    expect((await postImage(harness, "calm", theirs.id, { prompt_index: 0 })).statusCode).toBe(202);
  });
});
