import OpenAI from "openai";
import { composeStrategy, formatBriefSlots } from "@strategist/composer";
import { StrategyOutput } from "@strategist/schemas";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startLocalOpenAI, type LocalOpenAI } from "../src/index";

const BRIEF = { brand_name: "Paddle North", industry: "Guided kayak tours", target_audience: "Adventurous travellers", goals: "Sell out summer weekends" };
const TOOL = { type: "function" as const, function: { name: "strands_structured_output", parameters: { type: "object" } } };

describe("the local OpenAI-compatible server", () => {
  let server: LocalOpenAI;
  let client: OpenAI;
  beforeEach(async () => {
    server = await startLocalOpenAI({ chunks: 5 });
    client = new OpenAI({ baseURL: server.baseURL, apiKey: "local", maxRetries: 0 });
  });
  afterEach(() => server.close());

  /** Streams one request and joins what the real client saw. */
  async function stream() {
    const chunks = await client.chat.completions.create({ model: "local-model", stream: true, stream_options: { include_usage: true }, tools: [TOOL], messages: [{ role: "user", content: formatBriefSlots(BRIEF) }] });
    let args = "";
    let finish: string | null = null;
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of chunks) {
      for (const call of chunk.choices[0]?.delta.tool_calls ?? []) args += call.function?.arguments ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
      usage = chunk.usage ?? usage;
    }
    return { args, finish, usage };
  }

  it("streams the composed strategy as tool_calls deltas, then a usage chunk and [DONE]", async () => {
    const { args, finish, usage } = await stream();
    expect(JSON.parse(args)).toEqual(composeStrategy(BRIEF));
    expect(finish).toBe("tool_calls");
    expect(usage!.completion_tokens).toBeGreaterThan(0);
  });

  it("writes arguments that break the schema when told to answer invalidly", async () => {
    server.script({ kind: "invalidOutput" });
    expect(StrategyOutput.safeParse(JSON.parse((await stream()).args)).success).toBe(false);
  });

  it("answers 429 and 500 as the openai client expects them", async () => {
    server.script({ kind: "httpError", status: 429, retryAfterSeconds: 1 }, { kind: "httpError", status: 500 });
    await expect(stream()).rejects.toBeInstanceOf(OpenAI.RateLimitError);
    await expect(stream()).rejects.toBeInstanceOf(OpenAI.InternalServerError);
    expect((await stream()).finish).toBe("tool_calls");
  });

  it("drops the connection midway when told to cut the stream", async () => {
    server.script({ kind: "cut", afterChunks: 3 });
    await expect(stream()).rejects.toThrow();
    expect(server.requests.map((request) => request.behaviour)).toEqual(["cut"]);
  });
});
