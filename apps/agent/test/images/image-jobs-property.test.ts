import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { createDocumentClient, ensureTables, imageJobsTableDefinition } from "@strategist/dynamo";
import { startEmbeddedDynamo, type EmbeddedDynamo } from "@strategist/dynamo/embedded";
import { renderPlaceholderImage } from "@strategist/composer/placeholder-image";
import { ensureBucket } from "@strategist/storage";
import fc from "fast-check";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImageModelCatalog, type ImageModel, type Picture } from "../../src/models/image-models";
import { ImageJobRepository, queuedJob } from "../../src/images/repository";
import { ImageStore, imageKey } from "../../src/images/storage";
import { ImageWorker } from "../../src/images/worker";
import { objectStorage } from "../support/harness";

/** What the model stand-in does on one call (it stands in for Bedrock, not for any code of ours). */
type ModelMove = "ok" | "throttled" | "filtered" | "dies" | "slow";
/** What the store does after a successful put: go on, or the worker dies right after storing. */
type StoreMove = "ok" | "dies-after-put";

type Command =
  | { kind: "wake"; job: number; worker: number; model: ModelMove; store: StoreMove }
  | { kind: "twin-wake"; job: number }
  | { kind: "resume-slow" }
  | { kind: "tick"; ms: number }
  | { kind: "sweep"; worker: number };

const never = new Promise<never>(() => undefined);
const picture = (prompt: string): Picture => {
  const image = renderPlaceholderImage(prompt, { width: 24, height: 24 });
  return { bytes: image.png, width: image.width, height: image.height, contentType: "image/png" };
};

/** Scripted per call: each worker reads the move set for its next call; "dies" never returns, like a killed process. */
class ScriptedImageModel implements ImageModel {
  next: ModelMove = "ok";
  reached?: () => void;
  readonly slow: (() => void)[] = [];
  async generate(prompt: string): Promise<Picture> {
    const move = this.next;
    this.next = "ok";
    this.reached?.();
    if (move === "throttled") throw Object.assign(new Error("Too many requests"), { name: "ThrottlingException" });
    if (move === "filtered") throw Object.assign(new Error("This request has been blocked by our content filters."), { name: "ValidationException" });
    if (move === "dies") return never;
    if (move === "slow") await new Promise<void>((resolve) => this.slow.push(resolve));
    return picture(prompt);
  }
}

/** The real S3 store, except that a worker can be made to die right after its put. */
class DyingStore extends ImageStore {
  dieAfterPut = false;
  reached?: () => void;
  override async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    await super.put(key, bytes, contentType);
    if (this.dieAfterPut) {
      this.dieAfterPut = false;
      this.reached?.();
      return never;
    }
  }
}

const commands: fc.Arbitrary<Command[]> = fc.array(
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant("wake" as const),
        job: fc.nat(2),
        worker: fc.nat(1),
        model: fc.constantFrom<ModelMove>("ok", "throttled", "throttled", "filtered", "dies", "slow"),
        store: fc.constantFrom<StoreMove>("ok", "ok", "ok", "dies-after-put"),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("twin-wake" as const), job: fc.nat(2) }) },
    { weight: 1, arbitrary: fc.constant({ kind: "resume-slow" as const }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("tick" as const), ms: fc.constantFrom(0, 500, 1_500, 5_000, 61_000, 200_000) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("sweep" as const), worker: fc.nat(1) }) },
  ),
  { maxLength: 12 },
);

describe("image jobs state machine", () => {
  let dynamo: EmbeddedDynamo;
  let repository: ImageJobRepository;
  let storeParts: { s3: import("@aws-sdk/client-s3").S3Client; bucket: string };
  beforeAll(async () => {
    dynamo = await startEmbeddedDynamo();
    const client = createDocumentClient({ region: "us-east-1", endpoint: dynamo.endpoint });
    const table = `image-jobs-${randomUUID()}`;
    await ensureTables(client, [imageJobsTableDefinition(table)]);
    repository = new ImageJobRepository(client, table);
    const { s3 } = await objectStorage();
    storeParts = { s3, bucket: `images-${randomUUID()}` };
    await ensureBucket(s3, storeParts.bucket);
  });
  afterAll(() => dynamo.close());

  it("any sequence of worker crashes, lease lapses, model failures and duplicate wake-ups ends every job completed or failed, never stuck, never completed twice, with at most one stored object per job", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3 }), commands, fc.double({ min: 0, max: 1, noNaN: true }), async (jobCount, script, jitter) => {
        let now = 1_800_000_000_000;
        const lines: string[] = [];
        const log = pino({ level: "info" }, new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }));
        const strategyId = `strategy-${randomUUID()}`;
        const models = [new ScriptedImageModel(), new ScriptedImageModel()];
        const stores = models.map(() => new DyingStore(storeParts.s3, storeParts.bucket, 3600));
        const workers = models.map(
          (model, index) =>
            new ImageWorker({
              repository,
              store: stores[index]!,
              models: new ImageModelCatalog([{ id: "scripted", name: "scripted", provider: "offline", default: true, create: () => model }]),
              log,
              leaseMs: 60_000,
              modelTimeoutMs: 60_000,
              retryBaseMs: 1_000,
              now: () => now,
              random: () => jitter,
            }),
        );
        const jobIds: string[] = [];
        for (let index = 0; index < jobCount; index++) {
          const job = queuedJob(
            { jobId: randomUUID(), userId: "property-user", strategyId, prompt: `prompt ${index}`, source: `prompt_index:${index}`, modelId: "scripted" },
            new Date(now),
          );
          await repository.create(job);
          jobIds.push(job.jobId);
        }
        /** Wake-ups held inside a slow model call, oldest first, with the means to let them go on. */
        const slowRuns: { resume: () => void; running: Promise<unknown> }[] = [];

        /** Runs a wake-up until it returns or its worker dies (then it is left hanging, like a killed process). */
        const wake = async (worker: number, jobId: string, model: ModelMove, store: StoreMove) => {
          models[worker]!.next = model;
          stores[worker]!.dieAfterPut = store === "dies-after-put" && model !== "slow";
          const died = new Promise<void>((resolve) => {
            models[worker]!.reached = model === "dies" || model === "slow" ? resolve : undefined;
            stores[worker]!.reached = resolve;
          });
          const running = workers[worker]!.process(jobId);
          await Promise.race([running, died]);
          // A move this wake-up never reached (the job was leased elsewhere or already finished) is not left armed
          // for a later run on this worker, such as a slow call resumed afterwards.
          models[worker]!.next = "ok";
          models[worker]!.reached = undefined;
          stores[worker]!.dieAfterPut = false;
          stores[worker]!.reached = undefined;
          const resume = models[worker]!.slow.shift();
          if (resume) slowRuns.push({ resume, running });
        };

        for (const command of script) {
          if (command.kind === "wake") await wake(command.worker, jobIds[command.job % jobCount]!, command.model, command.store);
          if (command.kind === "twin-wake") {
            const jobId = jobIds[command.job % jobCount]!;
            await Promise.all([wake(0, jobId, "ok", "ok"), wake(1, jobId, "ok", "ok")]);
          }
          if (command.kind === "resume-slow") {
            const slow = slowRuns.shift();
            slow?.resume();
            await slow?.running;
          }
          if (command.kind === "tick") now += command.ms;
          if (command.kind === "sweep") for (const jobId of await workers[command.worker]!.activeJobIds()) await wake(command.worker, jobId, "ok", "ok");
        }

        // Recovery: time passes and the sweep keeps waking whatever is unfinished; it must settle within a few rounds.
        let rounds = 0;
        while ((await Promise.all(jobIds.map((id) => repository.get(id)))).some((job) => job!.status !== "completed" && job!.status !== "failed")) {
          expect(++rounds, "a job is stuck").toBeLessThanOrEqual(6);
          now += 300_000;
          for (const jobId of await workers[0]!.activeJobIds()) if (jobIds.includes(jobId)) await wake(0, jobId, "ok", "ok");
        }
        // Slow workers that wake up late (after others finished) must not change any outcome.
        for (const slow of slowRuns) slow.resume();
        await Promise.all(slowRuns.map((slow) => slow.running));

        const completions = lines.map((line) => JSON.parse(line) as { msg: string; job_id?: string }).filter((entry) => entry.msg === "image job completed");
        const listed = await storeParts.s3.send(new ListObjectsV2Command({ Bucket: storeParts.bucket, Prefix: `images/${encodeURIComponent(strategyId)}/` }));
        const objects = (listed.Contents ?? []).map((object) => object.Key);
        for (const jobId of jobIds) {
          const job = (await repository.get(jobId))!;
          expect(["completed", "failed"]).toContain(job.status);
          expect(job.activeUserId).toBeUndefined();
          expect(job.attempts).toBeLessThanOrEqual(4);
          expect(completions.filter((entry) => entry.job_id === jobId).length).toBeLessThanOrEqual(1);
          const key = imageKey(strategyId, jobId);
          if (job.status === "completed") {
            expect(job.progress).toBe(100);
            expect(objects.filter((object) => object === key)).toHaveLength(1);
          } else {
            expect(job.errorDetail).toBeTruthy();
            expect(objects).not.toContain(key);
          }
        }
        expect(objects.length).toBe(
          jobIds.length - (await Promise.all(jobIds.map((id) => repository.get(id)))).filter((job) => job!.status === "failed").length,
        );
      }),
      // A hang is reported as a counterexample to replay, not as a bare test timeout.
      { numRuns: 100, timeout: 10_000 },
    );
  });

  it("retry delays are 1 s, 2 s and 4 s, each plus at most a quarter of it in jitter", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (random) => {
        const worker = new ImageWorker({
          repository,
          store: {} as ImageStore,
          models: {} as ImageModelCatalog,
          log: pino({ level: "silent" }),
          leaseMs: 60_000,
          modelTimeoutMs: 60_000,
          retryBaseMs: 1_000,
          random: () => random,
        });
        for (const [attempt, base] of [
          [1, 1_000],
          [2, 2_000],
          [3, 4_000],
        ] as const) {
          const delay = worker.backoffMs(attempt);
          expect(delay).toBeGreaterThanOrEqual(base);
          expect(delay).toBeLessThanOrEqual(base * 1.25);
        }
      }),
      { numRuns: 100 },
    );
  });
});
