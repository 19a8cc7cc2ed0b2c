import { composeStrategy, formatVoiceSlot } from "@strategist/composer";
import { EMPTY_VOICE, findBannedWords, StrategyOutput } from "@strategist/schemas";
import { describe, expect, it } from "vitest";
import { briefFromPrompt, composeAnswer } from "../src/answer";
import { BRIEF, BRIEF_PROMPT } from "./clients";

const withTool = (text: string) => ({
  messages: [{ role: "user", content: [{ text }] }],
  toolConfig: { tools: [{ toolSpec: { name: "strands_structured_output" } }] },
});

describe("the model's answer", () => {
  it("reads the brief from its delimited slots", () => {
    expect(briefFromPrompt(`Write a strategy.\n${BRIEF_PROMPT}\nThanks.`)).toEqual(BRIEF);
  });

  it("uses the whole text, clipped to the input limits, when the slots are missing", () => {
    const prompt = "x".repeat(5000);
    const answer = composeAnswer(withTool(prompt), "answer");

    expect(briefFromPrompt(prompt).brand_name).toHaveLength(200);
    expect(answer.type === "toolUse" && StrategyOutput.safeParse(JSON.parse(answer.inputJson)).success).toBe(true);
  });

  it("calls the forced tool when toolChoice names one", () => {
    const answer = composeAnswer(
      { ...withTool(BRIEF_PROMPT), toolConfig: { tools: [{ toolSpec: { name: "other" } }], toolChoice: { tool: { name: "strands_structured_output" } } } },
      "answer",
    );
    expect(answer).toMatchObject({ type: "toolUse", name: "strands_structured_output", stopReason: "tool_use" });
    expect(answer.type === "toolUse" && JSON.parse(answer.inputJson)).toEqual(composeStrategy(BRIEF));
  });

  it("writes in the prompt's brand voice, and uses a banned word only when scripted to", () => {
    const voice = { ...EMPTY_VOICE, tone: ["formal"], banned_words: ["community", "brand"] };
    const prompt = `${BRIEF_PROMPT}\n${formatVoiceSlot(voice)}`;
    const answer = composeAnswer(withTool(prompt), "answer");
    const voiced = answer.type === "toolUse" ? JSON.parse(answer.inputJson) : undefined;
    expect(StrategyOutput.safeParse(voiced).success).toBe(true);
    expect(findBannedWords(JSON.stringify(Object.values(voiced)), voice.banned_words)).toEqual([]);
    expect(voiced.engagement_tactics[0]).toMatch(/^We recommend that you/);

    const disobedient = composeAnswer(withTool(prompt), "bannedWord");
    expect(disobedient.type === "toolUse" && JSON.parse(disobedient.inputJson).content_pillars[0]).toMatch(/ — community$/);
    const chosen = composeAnswer(withTool(prompt), "bannedWord", "synergy");
    expect(chosen.type === "toolUse" && JSON.parse(chosen.inputJson).content_pillars[0]).toMatch(/ — synergy$/);
  });
});
