import { createDocumentClient } from "@strategist/dynamo";
import { startLocalSqs, type LocalSqs } from "@strategist/local-sqs";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createImageCatalog } from "../../src/models/image-models";
import { ImageJobRepository } from "../../src/images/repository";
import { createSqsClient, SqsImageWorker } from "../../src/images/sqs";
import { ImageStore } from "../../src/images/storage";
import { imageWorker } from "../../src/images/wiring";
import { generate, startHarness, VALID_BRIEF, type Harness } from "../support/harness";

type Json = Record<string, any>;

describe("image jobs fed by SQS (the worker service), against a local SQS stand-in", () => {
  let sqs: LocalSqs;
  let harness: Harness;
  const silent = pino({ level: "silent" });
  beforeAll(async () => {
    sqs = await startLocalSqs({ queues: [{ name: "image-jobs", visibilityTimeoutSeconds: 30, deadLetter: { name: "image-jobs-dlq", maxReceiveCount: 3 } }] });
    harness = await startHarness({ env: { IMAGE_WORKER: "sqs", IMAGE_QUEUE_URL: sqs.queueUrl("image-jobs"), SQS_ENDPOINT: sqs.endpoint } });
  });
  afterAll(async () => {
    await harness.close();
    await sqs.close();
  });

  const workerService = (repository: ImageJobRepository) =>
    new SqsImageWorker({
      client: createSqsClient(harness.config),
      queueUrl: sqs.queueUrl("image-jobs"),
      worker: imageWorker(harness.config, {
        repository,
        store: new ImageStore(harness.s3, harness.config.S3_BUCKET, 3600),
        models: createImageCatalog(harness.config),
        log: silent,
      }),
      log: silent,
      concurrency: 2,
      waitTimeSeconds: 1,
      retryVisibilitySeconds: 0,
    });

  it("the agent only sends the wake-up; the worker service receives it, completes the job and deletes the message", async () => {
    const strategy = (await generate(harness, "queued", VALID_BRIEF)).json() as Json;
    const headers = { authorization: `Bearer ${harness.token("queued")}` };
    const accepted = (
      await harness.app.inject({ method: "POST", url: `/api/strategy/${strategy.id}/images`, headers, payload: { prompt_index: 0 } })
    ).json() as Json;
    expect(sqs.messages("image-jobs").map((message) => JSON.parse(message.body))).toEqual([{ job_id: accepted.job_id }]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const waiting = (await harness.app.inject({ url: `/api/images/jobs/${accepted.job_id}`, headers })).json() as Json;
    expect(waiting.status).toBe("queued");

    const worker = workerService(new ImageJobRepository(harness.client, harness.config.DYNAMODB_IMAGE_JOBS_TABLE));
    expect(await worker.pollOnce()).toBe(1);
    const job = (await harness.app.inject({ url: `/api/images/jobs/${accepted.job_id}`, headers })).json() as Json;
    expect(job).toMatchObject({ status: "completed", progress: 100 });
    expect(sqs.messages("image-jobs")).toEqual([]);
  });

  it("moves a wake-up that keeps failing to the dead-letter queue after 3 receives", async () => {
    const client = createSqsClient(harness.config);
    const broken = workerService(new ImageJobRepository(createDocumentClient({ region: "us-east-1", endpoint: "http://127.0.0.1:1" }), "unreachable"));
    const { SendMessageCommand } = await import("@aws-sdk/client-sqs");
    await client.send(new SendMessageCommand({ QueueUrl: sqs.queueUrl("image-jobs"), MessageBody: JSON.stringify({ job_id: "poison" }) }));
    const received: number[] = [];
    for (let i = 0; i < 4; i++) received.push(await broken.pollOnce());
    expect(received).toEqual([1, 1, 1, 0]);
    expect(sqs.messages("image-jobs")).toEqual([]);
    expect(sqs.messages("image-jobs-dlq")).toEqual([{ body: JSON.stringify({ job_id: "poison" }), receiveCount: 3 }]);
  });
});
