import type { StrategyRecord } from "@strategist/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCatalog } from "../../src/models/providers";
import { createAgentApp } from "../../src/main/service-factory";
import { startBedrockHarness, type BedrockHarness } from "../support/bedrock-harness";
import { generate, VALID_BRIEF } from "../support/harness";
import { OFFLINE_WRITERS } from "../../src/main/offline-writers";

interface SentMessage {
  role: string;
  content: { text?: string; toolUse?: { name: string }; toolResult?: unknown }[];
}

// The refine conversation as Bedrock receives it: the real BedrockModel, the Strands session on DynamoDB.
describe("refine against the local Bedrock", () => {
  let harness: BedrockHarness;
  let record: StrategyRecord;
  const user = "bedrock-refiner";

  beforeAll(async () => {
    harness = await startBedrockHarness({ env: { AGENT_TIMEOUT_SECONDS: "10", BEDROCK_MAX_ATTEMPTS: "1" } });
    record = (await generate(harness, user, VALID_BRIEF)).json();
  });
  afterAll(() => harness.close());

  const refine = (app: BedrockHarness["app"], message: string) =>
    app.inject({ method: "POST", url: `/api/strategy/${record.id}/refine`, headers: { authorization: `Bearer ${harness.token(user)}` }, payload: { message } });
  const lastConverse = () => harness.bedrock.requests.at(-1)!.body as { messages: SentMessage[]; system: { text?: string }[] };
  const texts = (messages: SentMessage[]) => messages.flatMap((message) => message.content.flatMap((block) => (block.text ? [block.text] : [])));

  it("sends the earlier turns with a second refine, keeps them across an agent restart, and keeps nothing of a failed refine", async () => {
    harness.bedrock.reset();
    const first = await refine(harness.app, "Make it more formal");
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const firstRequest = lastConverse();
    expect(firstRequest.messages.map((message) => message.role)).toEqual(["user"]);
    expect(firstRequest.system[0]!.text).toContain("<current_strategy>");
    expect(firstRequest.system[0]!.text).toContain(`<brand_name>${VALID_BRIEF.brand_name}</brand_name>`);

    const second = await refine(harness.app, "Drop Facebook");
    expect(second.json().version).toBe(3);
    const sent = lastConverse().messages;
    // instruction, the revised strategy (tool use), its tool result, the closing note, then the new instruction
    expect(sent.map((message) => message.role)).toEqual(["user", "assistant", "user", "assistant", "user"]);
    expect(sent[1]!.content.some((block) => block.toolUse?.name === "strands_structured_output")).toBe(true);
    expect(texts(sent)[0]).toContain("Make it more formal");
    expect(texts(sent).some((text) => text.startsWith("Version 2: "))).toBe(true);
    expect(texts(sent).at(-1)).toContain("Drop Facebook");
    // The current strategy (version 2) travels in the system prompt.
    expect(lastConverse().system[0]!.text).toContain(JSON.stringify(first.json().strategy_output.content_pillars).replaceAll("<", "\\u003c"));

    // A refine that fails stores nothing: no version, no message, no session change.
    harness.bedrock.setDefault({ kind: "httpError", error: "ValidationException" });
    const failed = await refine(harness.app, "Add a pillar about failures");
    expect(failed.statusCode).toBe(500);
    harness.bedrock.reset();

    // Another agent process on the same tables continues the same conversation.
    const restarted = await createAgentApp({ config: harness.config, client: harness.client, catalog: createCatalog(harness.config, OFFLINE_WRITERS) });
    try {
      const third = await refine(restarted, "Post daily");
      expect(third.statusCode).toBe(200);
      expect(third.json().version).toBe(4);
      const afterRestart = lastConverse().messages;
      expect(afterRestart).toHaveLength(9);
      const said = texts(afterRestart);
      expect(said[0]).toContain("Make it more formal");
      expect(said.some((text) => text.includes("Drop Facebook"))).toBe(true);
      expect(said.some((text) => text.includes("failures"))).toBe(false);
      expect(said.at(-1)).toContain("Post daily");
    } finally {
      await restarted.close();
    }
    const messages = (
      await harness.app.inject({ url: `/api/strategy/${record.id}/messages`, headers: { authorization: `Bearer ${harness.token(user)}` } })
    ).json();
    expect(messages.map((message: { version: number }) => message.version)).toEqual([2, 2, 3, 3, 4, 4]);
  });

  it("keeps a style instruction out of the content whatever the model writes: no lead, no style hashtag", async () => {
    harness.bedrock.reset();
    const current = record.strategy_output;
    harness.bedrock.script({
      kind: "toolInput",
      input: {
        ...current,
        content_themes: current.content_themes.map((theme) => `In a relaxed, conversational voice: ${theme}`),
        engagement_tactics: current.engagement_tactics.map((tactic) => `${tactic} #RelaxedConversational`),
        change_summary: "I made the tone more playful and relaxed.",
      },
    });
    const response = await refine(harness.app, "make the tone more playful and relaxed");
    expect(response.statusCode, response.body).toBe(200);
    const output = (response.json() as StrategyRecord).strategy_output;
    expect(output.content_themes).toEqual(current.content_themes);
    expect(JSON.stringify(output)).not.toMatch(/conversational voice|#RelaxedConversational|playful and relaxed/iu);
  });
});
