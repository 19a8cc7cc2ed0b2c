import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A queue of the stand-in, with SQS's redrive: after `maxReceiveCount` receives a message moves to `deadLetter`. */
interface LocalQueueOptions {
  name: string;
  /** Default visibility timeout of received messages, in seconds (SQS: 30). */
  visibilityTimeoutSeconds?: number;
  deadLetter?: { name: string; maxReceiveCount: number };
}

interface StoredMessage {
  id: string;
  body: string;
  md5: string;
  /** Epoch ms from which the message can be received. */
  visibleAt: number;
  receiveCount: number;
  receiptHandle?: string;
}

/** A running SQS stand-in. */
export interface LocalSqs {
  endpoint: string;
  /** The QueueUrl of a configured queue. */
  queueUrl(name: string): string;
  /** Messages in a queue, in flight or not (for assertions). */
  messages(name: string): { body: string; receiveCount: number }[];
  close(): Promise<void>;
}

class SqsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const md5 = (text: string) => createHash("md5").update(text, "utf8").digest("hex");

/**
 * A wire-compatible stand-in for the four SQS actions the image worker uses — SendMessage, ReceiveMessage (with
 * long polling), DeleteMessage, ChangeMessageVisibility — over the AWS JSON 1.0 protocol the AWS SDK v3 speaks,
 * with delays, visibility timeouts and dead-letter redrive. Nothing else of SQS is implemented.
 */
export async function startLocalSqs(options: { queues: LocalQueueOptions[]; port?: number }): Promise<LocalSqs> {
  const queues = new Map<string, { options: LocalQueueOptions; messages: StoredMessage[] }>();
  for (const queue of options.queues) {
    queues.set(queue.name, { options: queue, messages: [] });
    if (queue.deadLetter && !queues.has(queue.deadLetter.name)) queues.set(queue.deadLetter.name, { options: { name: queue.deadLetter.name }, messages: [] });
  }
  let endpoint = "";
  const waiters = new Set<() => void>();
  const queueOf = (url: unknown) => {
    const name = (typeof url === "string" ? url : "").split("/").at(-1) ?? "";
    const queue = queues.get(name);
    if (!queue) throw new SqsError("AWS.SimpleQueueService.NonExistentQueue", "The specified queue does not exist.");
    return queue;
  };
  const byReceipt = (queue: { messages: StoredMessage[] }, handle: unknown) => {
    const message = queue.messages.find((candidate) => candidate.receiptHandle === handle);
    if (!message) throw new SqsError("ReceiptHandleIsInvalid", "The input receipt handle is invalid.");
    return message;
  };

  function receive(queue: { options: LocalQueueOptions; messages: StoredMessage[] }, max: number, visibilitySeconds: number) {
    const now = Date.now();
    const taken: StoredMessage[] = [];
    for (const message of [...queue.messages]) {
      if (taken.length >= max || message.visibleAt > now) continue;
      const deadLetter = queue.options.deadLetter;
      if (deadLetter && message.receiveCount >= deadLetter.maxReceiveCount) {
        queue.messages.splice(queue.messages.indexOf(message), 1);
        queues.get(deadLetter.name)!.messages.push({ ...message, receiptHandle: undefined, visibleAt: now });
        continue;
      }
      message.receiveCount += 1;
      message.receiptHandle = randomUUID();
      message.visibleAt = now + visibilitySeconds * 1000;
      taken.push(message);
    }
    return taken.map((message) => ({
      MessageId: message.id,
      ReceiptHandle: message.receiptHandle,
      MD5OfBody: message.md5,
      Body: message.body,
      Attributes: { ApproximateReceiveCount: String(message.receiveCount) },
    }));
  }

  async function act(action: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
    const queue = queueOf(input.QueueUrl);
    switch (action) {
      case "SendMessage": {
        const body = typeof input.MessageBody === "string" ? input.MessageBody : "";
        const message: StoredMessage = { id: randomUUID(), body, md5: md5(body), visibleAt: Date.now() + Number(input.DelaySeconds ?? 0) * 1000, receiveCount: 0 };
        queue.messages.push(message);
        for (const wake of waiters) wake();
        return { MessageId: message.id, MD5OfMessageBody: message.md5 };
      }
      case "ReceiveMessage": {
        const max = Math.min(10, Number(input.MaxNumberOfMessages ?? 1));
        const visibility = Number(input.VisibilityTimeout ?? queue.options.visibilityTimeoutSeconds ?? 30);
        const deadline = Date.now() + Number(input.WaitTimeSeconds ?? 0) * 1000;
        let messages = receive(queue, max, visibility);
        while (messages.length === 0 && Date.now() < deadline) {
          await new Promise<void>((resolve) => {
            const wake = () => (waiters.delete(wake), clearTimeout(timer), resolve());
            const timer = setTimeout(wake, Math.min(100, Math.max(0, deadline - Date.now())));
            waiters.add(wake);
          });
          messages = receive(queue, max, visibility);
        }
        return messages.length ? { Messages: messages } : {};
      }
      case "DeleteMessage": {
        queue.messages.splice(queue.messages.indexOf(byReceipt(queue, input.ReceiptHandle)), 1);
        return {};
      }
      case "ChangeMessageVisibility": {
        byReceipt(queue, input.ReceiptHandle).visibleAt = Date.now() + Number(input.VisibilityTimeout ?? 0) * 1000;
        return {};
      }
      default:
        throw new SqsError("UnsupportedOperation", `${action} is not implemented by the local SQS.`);
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const target = String(request.headers["x-amz-target"] ?? "");
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { "content-type": "application/x-amz-json-1.0", "x-amzn-requestid": randomUUID(), ...headers });
      response.end(JSON.stringify(body));
    };
    try {
      if (request.method !== "POST" || !target.startsWith("AmazonSQS.")) throw new SqsError("InvalidAction", `Unsupported request ${request.method} ${target}`);
      send(200, await act(target.slice("AmazonSQS.".length), JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown>));
    } catch (error) {
      const failure = error instanceof SqsError ? error : new SqsError("InternalError", (error as Error).message, 500);
      send(failure.status, { __type: `com.amazonaws.sqs#${failure.code}`, message: failure.message }, { "x-amzn-query-error": `${failure.code};Sender` });
    }
  }

  const server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    queueUrl: (name) => `${endpoint}/000000000000/${name}`,
    messages: (name) => (queues.get(name)?.messages ?? []).map(({ body, receiveCount }) => ({ body, receiveCount })),
    close: () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      return closed;
    },
  };
}
