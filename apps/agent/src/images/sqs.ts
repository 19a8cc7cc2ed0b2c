import { ChangeMessageVisibilityCommand, DeleteMessageCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import type { FastifyBaseLogger } from "fastify";
import type { AgentConfig } from "../core/config";
import type { ImageJobQueue } from "./queue";
import type { ImageWorker } from "./worker";

/** The SQS client as configured: SQS_ENDPOINT for a local stand-in, else the region's SQS. */
export function createSqsClient(config: Pick<AgentConfig, "AWS_REGION" | "SQS_ENDPOINT">): SQSClient {
  return new SQSClient({
    region: config.AWS_REGION,
    ...(config.SQS_ENDPOINT ? { endpoint: config.SQS_ENDPOINT, credentials: { accessKeyId: "local", secretAccessKey: "local" } } : {}),
    maxAttempts: 3,
  });
}

/** SQS caps a message's delay at 15 minutes. */
const MAX_DELAY_SECONDS = 900;

/** Wake-ups as SQS messages `{"job_id": ...}`, optionally delayed (a retry's backoff). */
export class SqsImageQueue implements ImageJobQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(jobId: string, delaySeconds = 0): Promise<void> {
    await this.client.send(
      new SendMessageCommand({
        QueueUrl: this.queueUrl,
        MessageBody: JSON.stringify({ job_id: jobId }),
        DelaySeconds: Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.ceil(delaySeconds))),
      }),
    );
  }
}

interface SqsWorkerOptions {
  client: SQSClient;
  queueUrl: string;
  worker: ImageWorker;
  log: FastifyBaseLogger;
  /** Messages handled at once (IMAGE_WORKER_CONCURRENCY). */
  concurrency: number;
  /** Long-poll wait; 20 s in production, short in tests. */
  waitTimeSeconds?: number;
  /** How soon a wake-up that errored becomes visible again (5 s). */
  retryVisibilitySeconds?: number;
  now?: () => number;
}

/**
 * The worker service's loop: receives wake-ups, runs each through the same ImageWorker as the agent's in-process
 * queue, and deletes the message once handled. A job that must wait is re-sent as a new delayed message, so only
 * wake-ups that crashed or errored count towards the queue's maxReceiveCount (3) and its dead-letter queue.
 */
export class SqsImageWorker {
  private stopped = false;
  private readonly queue: SqsImageQueue;
  private readonly now: () => number;
  private loop?: Promise<void>;
  private readonly polling = new AbortController();

  constructor(private readonly options: SqsWorkerOptions) {
    this.queue = new SqsImageQueue(options.client, options.queueUrl);
    this.now = options.now ?? Date.now;
  }

  start(): void {
    this.loop = this.run();
  }

  /** Stops receiving and waits for the messages in hand. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.polling.abort();
    await this.loop;
  }

  /** Receives and handles one batch; returns how many messages it handled. */
  async pollOnce(): Promise<number> {
    const { client, queueUrl, log } = this.options;
    const received = await client.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: Math.min(10, this.options.concurrency),
        WaitTimeSeconds: this.options.waitTimeSeconds ?? 20,
        MessageSystemAttributeNames: ["ApproximateReceiveCount"],
      }),
      { abortSignal: this.polling.signal },
    );
    const messages = received.Messages ?? [];
    await Promise.all(
      messages.map(async (message) => {
        let jobId: string | undefined;
        try {
          jobId = (JSON.parse(message.Body ?? "{}") as { job_id?: unknown }).job_id as string | undefined;
        } catch {
          jobId = undefined;
        }
        if (typeof jobId !== "string") {
          log.warn({ message_id: message.MessageId }, "dropping an SQS message that names no job");
          await client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
          return;
        }
        try {
          const outcome = await this.options.worker.process(jobId);
          if (outcome.kind === "later") await this.queue.send(jobId, (outcome.at - this.now()) / 1000);
          await client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
        } catch (error) {
          // Make it visible again soon; after maxReceiveCount receives SQS moves it to the dead-letter queue.
          log.error({ err: error, job_id: jobId, receive_count: message.Attributes?.ApproximateReceiveCount }, "image job wake-up failed");
          await client
            .send(
              new ChangeMessageVisibilityCommand({
                QueueUrl: queueUrl,
                ReceiptHandle: message.ReceiptHandle,
                VisibilityTimeout: this.options.retryVisibilitySeconds ?? 5,
              }),
            )
            .catch(() => undefined);
        }
      }),
    );
    return messages.length;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.pollOnce();
      } catch (error) {
        if (this.stopped) return;
        this.options.log.warn({ err: error }, "SQS receive failed; retrying");
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }
}
