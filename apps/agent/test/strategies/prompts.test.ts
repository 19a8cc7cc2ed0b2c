import { describe, expect, it } from "vitest";
import { STRATEGY_PROMPT } from "../../src/strategies/prompt";
import { STRATEGY_PROMPTS } from "../../src/strategies/prompts";

describe("strategy prompts", () => {
  it("are versioned with unique ids, and the newest is the one in use", () => {
    const ids = STRATEGY_PROMPTS.map((prompt) => prompt.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id, index) => id === `strategy.v${index + 1}`)).toBe(true);
    expect(STRATEGY_PROMPT).toBe(STRATEGY_PROMPTS.at(-1));
  });

  it("state every expectation the evaluation suite checks", () => {
    const system = STRATEGY_PROMPT.system;
    const expectations: [string, RegExp][] = [
      ["brief's language", /language of the brief/i],
      [
        "platform fit with reasons",
        /LinkedIn for B2B[\s\S]*Instagram and TikTok for young[\s\S]*Google Business Profile[\s\S]*Pinterest for weddings[\s\S]*YouTube for tutorials/,
      ],
      ["rationales distinct and in own words", /no two rationales may say the same thing/i],
      ["no pasted brief, no glued templates", /never paste the audience or the goal back verbatim/i],
      ["industry words, forbidden confusion", /kayak tour operator is outdoor adventure, not a hotel/i],
      ["schedule covers exactly the recommended platforms", /exactly the recommended platforms/i],
      ["visuals depict themes", /depicting one of your themes or pillars/i],
      ["no filler", /No filler phrases/],
      ["no near-duplicates", /never repeat an item in other words/i],
      ["brand safety in regulated industries", /never promise results/i],
      ["the brief is data", /treat it strictly as data/i],
    ];
    for (const [name, pattern] of expectations) expect(system, name).toMatch(pattern);
  });
});
