import { setTimeout as sleep } from "node:timers/promises";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OfflineModel } from "../../src/models/offline/model";
import { ImageModelCatalog, OfflineImageModel, type ImageModel, type Picture } from "../../src/models/image-models";
import { OFFLINE_WRITERS } from "../../src/main/offline-writers";
import { startHarness, VALID_BRIEF, type Harness } from "../support/harness";

type Json = Record<string, any>;

/** The offline image model, taking a while to draw: a job can still be running when its strategy is deleted. */
class SlowImageModel implements ImageModel {
  private readonly inner = new OfflineImageModel(64);
  constructor(private readonly delayMs: number) {}
  async generate(prompt: string): Promise<Picture> {
    await sleep(this.delayMs);
    return this.inner.generate(prompt);
  }
}

/** The writes that may race a delete of their strategy. */
const WRITES = ["plan", "plan-stream", "refine", "regenerate", "image", "post-image", "patch", "rewrite"] as const;
type Write = (typeof WRITES)[number];

const BRIEF = { ...VALID_BRIEF, target_audience: "B2B decision makers and young founders", goals: "Increase brand awareness" };

describe("a delete racing writes of its strategy", () => {
  let harness: Harness;
  let users = 0;

  beforeAll(async () => {
    harness = await startHarness({
      // A slow scripted model: each answer arrives in 8 chunks a few milliseconds apart.
      models: [{ id: "offline", model: new OfflineModel(OFFLINE_WRITERS, { chunkDelayMs: 2 }) }],
      imageModels: new ImageModelCatalog([{ id: "offline-image", name: "slow", provider: "offline", default: true, create: () => new SlowImageModel(8) }]),
      env: {
        RATE_LIMIT_PER_MINUTE: "100000",
        MAX_CONCURRENT_GENERATIONS: "200",
        MAX_CONCURRENT_GENERATIONS_PER_USER: "50",
        IMAGE_JOBS_MAX_ACTIVE_PER_USER: "50",
      },
    });
  });
  afterAll(() => harness.close());

  const inject = (userId: string, method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object) =>
    harness.app.inject({ method, url, headers: { authorization: `Bearer ${harness.token(userId)}` }, ...(payload ? { payload } : {}) });

  /** A strategy with a plan, owned by a fresh user. */
  async function strategyWithPlan(): Promise<{ userId: string; id: string; postId: string }> {
    const userId = `racer-${++users}`;
    const generated = await inject(userId, "POST", "/api/strategy/generate", BRIEF);
    expect(generated.statusCode, generated.body).toBe(200);
    const id = (generated.json() as Json).id as string;
    const plan = await inject(userId, "POST", `/api/strategy/${id}/plan`, { weeks: 1 });
    expect(plan.statusCode, plan.body).toBe(200);
    const post = ((plan.json() as Json).posts as Json[]).find((candidate) => candidate.visual_prompt_index !== undefined) ?? (plan.json() as Json).posts[0];
    return { userId, id, postId: post.id as string };
  }

  function send(write: Write, target: { userId: string; id: string; postId: string }) {
    const { userId, id, postId } = target;
    switch (write) {
      case "plan":
        return inject(userId, "POST", `/api/strategy/${id}/plan`, { weeks: 1 });
      case "plan-stream":
        return inject(userId, "POST", `/api/strategy/${id}/plan/stream`, { weeks: 1 });
      case "refine":
        return inject(userId, "POST", `/api/strategy/${id}/refine`, { message: "Make the tone warmer" });
      case "regenerate":
        return inject(userId, "POST", `/api/strategy/${id}/regenerate`, {});
      case "image":
        return inject(userId, "POST", `/api/strategy/${id}/images`, { prompt_index: 0 });
      case "post-image":
        return inject(userId, "POST", `/api/strategy/${id}/images`, { post_id: postId });
      case "patch":
        return inject(userId, "PATCH", `/api/strategy/${id}/posts/${postId}`, { status: "approved" });
      case "rewrite":
        return inject(userId, "POST", `/api/strategy/${id}/posts/${postId}/rewrite`, {});
    }
  }

  /** Everything still stored for a strategy: its head, its partition, its image jobs and their objects. */
  async function leftovers(strategyId: string) {
    const jobs = await harness.client.send(
      new ScanCommand({
        TableName: harness.config.DYNAMODB_IMAGE_JOBS_TABLE,
        FilterExpression: "strategyId = :id",
        ExpressionAttributeValues: { ":id": strategyId },
        ConsistentRead: true,
      }),
    );
    const objects = await harness.s3.send(new ListObjectsV2Command({ Bucket: harness.config.S3_BUCKET, Prefix: `images/${strategyId}/` }));
    return {
      head: (await harness.storedItem(strategyId)) ? 1 : 0,
      items: (await harness.strategyItems(strategyId)).map((item) => item.itemKey as string),
      jobs: (jobs.Items ?? []).length,
      objects: (objects.Contents ?? []).length,
    };
  }

  /** Waits (a bounded while) for the image worker to finish what it was drawing, then reports what is left. */
  async function settledLeftovers(strategyId: string) {
    let left = await leftovers(strategyId);
    for (let attempt = 0; attempt < 40 && (left.head || left.items.length || left.jobs || left.objects); attempt++) {
      await sleep(25);
      left = await leftovers(strategyId);
    }
    return left;
  }

  async function race(writes: { write: Write; delayMs: number }[], deletes: number[]) {
    const target = await strategyWithPlan();
    const answers = await Promise.all([
      ...writes.map(async ({ write, delayMs }) => {
        await sleep(delayMs);
        return { write, response: await send(write, target) };
      }),
      ...deletes.map(async (delayMs) => {
        await sleep(delayMs);
        return { write: "delete" as const, response: await inject(target.userId, "DELETE", `/api/strategy/${target.id}`) };
      }),
    ]);
    return { target, answers };
  }

  async function expectNothingLeft(target: { userId: string; id: string }, answers: { write: string; response: { statusCode: number; body: string } }[]) {
    expect(await settledLeftovers(target.id)).toEqual({ head: 0, items: [], jobs: 0, objects: 0 });
    const deletes = answers.filter((answer) => answer.write === "delete").map((answer) => answer.response.statusCode);
    expect(deletes).toContain(204);
    for (const status of deletes) expect([204, 404]).toContain(status);
    for (const { response } of answers) expect(response.statusCode, response.body).toBeLessThan(500);
    // Refines and regenerates each write the strategy's next version: two of them racing each other may lose (409).
    const changes = answers.filter((answer) => answer.write === "refine" || answer.write === "regenerate").length;
    for (const { write, response } of answers) {
      // Alone with the delete, a change of the strategy is stored (200) or finds the strategy gone (404), never 409.
      if ((write === "refine" || write === "regenerate") && changes === 1) {
        expect([200, 404], response.body).toContain(response.statusCode);
      }
      if (write === "image" || write === "post-image") {
        if (response.statusCode !== 202) continue;
        const jobId = (JSON.parse(response.body) as Json).job_id as string;
        expect((await inject(target.userId, "GET", `/api/images/jobs/${jobId}`)).statusCode).toBe(404);
        const content = await inject(target.userId, "GET", `/api/images/jobs/${jobId}/content`);
        expect(content.statusCode).toBe(404);
        expect(content.json()).toEqual({ detail: expect.any(String) });
      }
    }
  }

  it("a delete leaves nothing of the strategy", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ write: fc.constantFrom(...WRITES), delayMs: fc.integer({ min: 0, max: 40 }) }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 2 }),
        async (writes, deletes) => {
          const { target, answers } = await race(writes, deletes);
          await expectNothingLeft(target, answers);
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);

  it("eight deletes racing plan, refine, regenerate and image writes leave no item in any table and no readable image job", async () => {
    const writes: Write[] = ["plan", "refine", "regenerate", "image"];
    await Promise.all(
      Array.from({ length: 8 }, async (_, index) => {
        const { target, answers } = await race(
          writes.map((write) => ({ write, delayMs: 0 })),
          [index * 15],
        );
        await expectNothingLeft(target, answers);
      }),
    );
  }, 60_000);
});
