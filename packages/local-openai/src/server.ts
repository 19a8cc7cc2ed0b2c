import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { composeStrategy, parseBriefSlots, splitIntoChunks } from "@strategist/composer";
import { INPUT_LIMITS, type StrategyInput } from "@strategist/schemas";

/**
 * How the stand-in answers one request. `answer`: a valid strategy through the offered tool (or text without tools);
 * `invalidOutput`: a tool call whose arguments break the schema; `httpError`: an error response before any stream;
 * `cut`: the connection destroyed after `afterChunks` SSE chunks; `text`: plain text even when a tool is offered.
 */
export type Behaviour = { model?: string } & (
  | { kind: "answer" }
  | { kind: "invalidOutput" }
  | { kind: "httpError"; status: 400 | 401 | 429 | 500 | 503; retryAfterSeconds?: number }
  | { kind: "cut"; afterChunks?: number }
  | { kind: "text"; text?: string }
);

export interface RecordedRequest {
  model: string;
  body: ChatRequest;
  authorization?: string;
  behaviour: Behaviour["kind"];
}

interface ChatMessage {
  role: string;
  content?: string | { type: string; text?: string }[] | null;
}

interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  stream?: boolean;
  tools?: { type: string; function: { name: string } }[];
  tool_choice?: unknown;
}

export interface LocalOpenAI {
  /** Base URL for an OpenAI client: `http://127.0.0.1:<port>/v1`. */
  baseURL: string;
  /** Queues behaviours, each consumed by the next request (for its model, when it names one). */
  script(...behaviours: Behaviour[]): void;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export interface LocalOpenAIOptions {
  port?: number;
  /** SSE chunks that carry the tool arguments. */
  chunks?: number;
}

const ERROR_TYPES: Record<number, { type: string; code: string; message: string }> = {
  400: { type: "invalid_request_error", code: "invalid_request", message: "Invalid request" },
  401: { type: "invalid_request_error", code: "invalid_api_key", message: "Incorrect API key provided" },
  429: { type: "requests", code: "rate_limit_exceeded", message: "Rate limit reached, please try again later" },
  500: { type: "server_error", code: "server_error", message: "The server had an error while processing your request" },
  503: { type: "server_error", code: "service_unavailable", message: "The engine is currently overloaded" },
};

function textOf(message: ChatMessage | undefined): string {
  if (!message?.content) return "";
  return typeof message.content === "string" ? message.content : message.content.map((part) => part.text ?? "").join("\n");
}

/** The brief from the prompt's slots; without slots the whole text stands in, clipped to the input limits. */
function briefOf(prompt: string): StrategyInput {
  const text = prompt.trim() || "Unnamed brand";
  return (
    parseBriefSlots(prompt) ?? {
      brand_name: text.slice(0, INPUT_LIMITS.brand_name),
      industry: text.slice(0, INPUT_LIMITS.industry),
      target_audience: text.slice(0, INPUT_LIMITS.target_audience),
      goals: text.slice(0, INPUT_LIMITS.goals),
    }
  );
}

async function readBody(request: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  return Buffer.concat(parts).toString("utf8");
}

/**
 * A local server that speaks the OpenAI Chat Completions API with streaming (SSE `data:` chunks, `tool_calls` deltas,
 * a usage chunk, `[DONE]`), so the real `openai` client and the Strands SDK's OpenAI provider run with no account.
 * Its answer is the deterministic strategy of `@strategist/composer`; faults are scripted per request.
 */
export async function startLocalOpenAI(options: LocalOpenAIOptions = {}): Promise<LocalOpenAI> {
  const queue: Behaviour[] = [];
  const requests: RecordedRequest[] = [];
  const chunks = options.chunks ?? 6;

  const next = (model: string): Behaviour => {
    const index = queue.findIndex((behaviour) => behaviour.model === undefined || behaviour.model === model);
    return index >= 0 ? queue.splice(index, 1)[0]! : { kind: "answer" };
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method === "GET" && request.url?.replace(/\/$/, "").endsWith("/models")) {
      response.writeHead(200, { "content-type": "application/json" });
      return response.end(JSON.stringify({ object: "list", data: [{ id: "local-model", object: "model", owned_by: "local" }] }));
    }
    if (request.method !== "POST" || !request.url?.replace(/\/$/, "").endsWith("/chat/completions")) {
      response.writeHead(404, { "content-type": "application/json" });
      return response.end(JSON.stringify({ error: { message: "Not found", type: "invalid_request_error" } }));
    }
    const body = JSON.parse(await readBody(request)) as ChatRequest;
    const behaviour = next(body.model);
    requests.push({ model: body.model, body, authorization: request.headers.authorization, behaviour: behaviour.kind });

    if (behaviour.kind === "httpError") {
      const error = ERROR_TYPES[behaviour.status]!;
      response.writeHead(behaviour.status, {
        "content-type": "application/json",
        ...(behaviour.retryAfterSeconds !== undefined ? { "retry-after": String(behaviour.retryAfterSeconds) } : {}),
      });
      return response.end(JSON.stringify({ error: { ...error, param: null } }));
    }

    const prompt = textOf(body.messages.find((message) => message.role === "user"));
    const tool = body.tools?.find((candidate) => candidate.type === "function")?.function.name;
    const id = `chatcmpl-${randomUUID()}`;
    const created = Math.floor(Date.now() / 1000);
    const frame = (choices: unknown[], extra: object = {}) =>
      `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model: body.model, choices, ...extra })}\n\n`;

    let output: string;
    const frames: string[] = [frame([{ index: 0, delta: { role: "assistant", content: null }, finish_reason: null }])];
    if (tool && behaviour.kind !== "text") {
      const strategy = composeStrategy(briefOf(prompt));
      output = JSON.stringify(behaviour.kind === "invalidOutput" ? { ...strategy, content_pillars: strategy.content_pillars.slice(0, 1) } : strategy);
      const callId = `call_${randomUUID().replaceAll("-", "").slice(0, 24)}`;
      frames.push(frame([{ index: 0, delta: { tool_calls: [{ index: 0, id: callId, type: "function", function: { name: tool, arguments: "" } }] }, finish_reason: null }]));
      for (const piece of splitIntoChunks(output, chunks)) {
        frames.push(frame([{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: piece } }] }, finish_reason: null }]));
      }
      frames.push(frame([{ index: 0, delta: {}, finish_reason: "tool_calls" }]));
    } else {
      output = behaviour.kind === "text" && behaviour.text ? behaviour.text : "Here is a short answer from the local OpenAI-compatible server.";
      frames.push(frame([{ index: 0, delta: { content: output }, finish_reason: null }]));
      frames.push(frame([{ index: 0, delta: {}, finish_reason: "stop" }]));
    }
    const promptTokens = Math.max(1, Math.ceil(JSON.stringify(body.messages).length / 4));
    const completionTokens = Math.max(1, Math.ceil(output.length / 4));
    frames.push(frame([], { usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens } }));
    frames.push("data: [DONE]\n\n");

    if (body.stream === false) {
      response.writeHead(400, { "content-type": "application/json" });
      return response.end(JSON.stringify({ error: { message: "This stand-in only streams", type: "invalid_request_error" } }));
    }
    response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    for (const [index, text] of frames.entries()) {
      if (behaviour.kind === "cut" && index >= (behaviour.afterChunks ?? 2)) {
        // A dropped connection mid-stream: no finish_reason, no [DONE].
        response.socket?.destroy();
        return;
      }
      response.write(text);
    }
    response.end();
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: { message: String(error), type: "server_error" } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    script: (...behaviours) => queue.push(...behaviours),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
