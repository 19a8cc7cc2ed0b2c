import fc from "fast-check";
import { bannedWordUses, BrandVoice, EMPTY_VOICE, StrategyOutput, VoiceSuggestion } from "@strategist/schemas";
import { describe, expect, it } from "vitest";
import { applyVoice, composeStrategy, formatVoiceSlot, parseVoiceSlot, scrubBannedWords, suggestVoice } from "../src/index";

const brief = { brand_name: "Juniper Coffee", industry: "Specialty coffee", target_audience: "Young professionals on Instagram", goals: "Grow online bean subscriptions" };
const text = (max: number) => fc.string({ minLength: 1, maxLength: max }).filter((value) => value.trim().length > 0);
const briefs = fc.record({ brand_name: text(60), industry: text(60), target_audience: text(200), goals: text(200) });

/** Words the composer's templates use, so a banned list often hits them, plus arbitrary Unicode words. */
const templateWord = fc.constantFrom("the", "and", "your", "Instagram", "content", "community", "brand", "post", "for", "a", "Coffee", "Juniper", "LinkedIn", "team");
const unicodeWord = fc.stringMatching(/^[a-zà-ÿß]{1,8}$/u);
const bannedLists = fc.uniqueArray(fc.oneof(templateWord, unicodeWord), { minLength: 1, maxLength: 8, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() });

describe("applyVoice", () => {
  it("Property: Offline Voice Never Uses A Banned Word — any brief, any banned list, and still a valid strategy", { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(briefs, bannedLists, fc.constantFrom<string[]>([], ["formal"], ["casual", "warm"]), (input, banned, tone) => {
        const output = applyVoice(composeStrategy(input), { ...EMPTY_VOICE, tone, banned_words: banned, preferred_hashtags: ["#juniper", "#brewday"] });
        expect(StrategyOutput.safeParse(output).success).toBe(true);
        expect(bannedWordUses(output, banned)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it("moves the wording visibly between formal and casual tone", () => {
    const base = composeStrategy(brief);
    const formal = applyVoice(base, { ...EMPTY_VOICE, tone: ["formal", "expert"] });
    const casual = applyVoice(base, { ...EMPTY_VOICE, tone: ["casual", "playful"] });
    expect(formal.engagement_tactics.every((tactic) => tactic.startsWith("We recommend that you"))).toBe(true);
    expect(casual.engagement_tactics.every((tactic) => tactic.startsWith("Try this:"))).toBe(true);
    expect(formal.posting_schedule).toContain("professional register");
    expect(casual.posting_schedule).toContain("relaxed and chatty");
    expect(JSON.stringify(formal)).not.toMatch(/\b(don't|it's|you're)\b/i);
    expect(applyVoice(base, { ...EMPTY_VOICE, tone: ["casual", "playful"] })).toEqual(casual);
  });

  it("speaks the strategy's language: a German strategy gets German voice wording", () => {
    const german = composeStrategy({ brand_name: "Kaffeehaus Linde", industry: "Café und Rösterei", target_audience: "Berufstätige in München, die guten Kaffee schätzen", goals: "Mehr Stammkunden und Online-Abos gewinnen" });
    const output = applyVoice(german, { ...EMPTY_VOICE, tone: ["formal"], do: ["Die Farm nennen"] });
    expect(output.posting_schedule).toContain("Immer: Die Farm nennen.");
    expect(output.engagement_tactics.every((tactic) => !tactic.startsWith("We recommend"))).toBe(true);
  });

  it("places preferred hashtags per recommended platform within each platform's norm", () => {
    const tags = ["#a1", "#b2", "#c3", "#d4", "#e5", "#f6"];
    const output = applyVoice(composeStrategy(brief), { ...EMPTY_VOICE, preferred_hashtags: tags });
    const tactic = output.engagement_tactics.find((item) => item.includes("#a1"))!;
    expect(tactic).toBeDefined();
    const instagram = /Instagram: ([^;]+)/.exec(tactic);
    if (instagram) expect(instagram[1]!.trim().split(" ")).toEqual(tags.slice(0, 5));
    expect(tactic).not.toContain("#f6");
  });

  it("leaves a strategy alone without a voice, and puts do and don't rules in the schedule", () => {
    const base = composeStrategy(brief);
    expect(applyVoice(base, undefined)).toBe(base);
    const ruled = applyVoice(base, { ...EMPTY_VOICE, do: ["Name the farm"], dont: ["Mention prices"] });
    expect(ruled.posting_schedule).toContain("Always: Name the farm.");
    expect(ruled.posting_schedule).toContain("Never: Mention prices.");
  });
});

describe("scrubBannedWords", () => {
  it("removes whole words in any case and tidies what is left", () => {
    expect(scrubBannedWords("Our CHEAP, cheap deals", ["cheap"])).toBe("Our, deals");
    expect(scrubBannedWords("Cheapest deals #cheap today", ["cheap"])).toBe("Cheapest deals today");
    expect(scrubBannedWords("cheap", ["cheap"])).toBe("—");
    expect(scrubBannedWords("Community and local partnerships", ["community"])).toBe("Local partnerships");
    expect(scrubBannedWords("foo X bar", ["x", "foo bar"])).toBe("—");
  });
});

describe("voice slot", () => {
  it("round-trips any voice, whatever characters it holds", () => {
    const item = fc.string({ minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(fc.record({ tone: fc.array(item), do: fc.array(item), dont: fc.array(item), banned_words: fc.array(item), preferred_hashtags: fc.array(item) }), (voice) => {
        const prompt = `before ${formatVoiceSlot(voice)} after`;
        expect(parseVoiceSlot(prompt)).toEqual(voice);
        expect(prompt.indexOf("</brand_voice>")).toBe(prompt.lastIndexOf("</brand_voice>"));
      }),
    );
  });
});

describe("suggestVoice", () => {
  const casualPosts = [
    "Hey coffee lovers! ☕ Our new roast just dropped and it's awesome! #juniper #brewday",
    "Grab a cup, it's gonna be a great week 😄 What's your go-to brew? #juniper",
    "Y'all asked, we listened! Cold brew is back 🎉 #brewday #juniper",
  ];
  const formalPosts = [
    "We are pleased to announce the opening of our second roastery. Furthermore, our subscription service now ships nationwide. #JuniperRoasters",
    "Please note that our holiday schedule applies from 20 December. We kindly ask customers to order early to ensure delivery.",
  ];

  it("reads a casual, emoji-rich voice and its recurring hashtags from the samples", () => {
    const suggestion = suggestVoice(casualPosts, []);
    expect(VoiceSuggestion.safeParse(suggestion).success).toBe(true);
    expect(suggestion.method).toBe("heuristic");
    expect(suggestion.explanation).toMatch(/heuristic/i);
    expect(suggestion.voice.tone).toEqual(expect.arrayContaining(["casual", "playful", "enthusiastic"]));
    expect(suggestion.voice.preferred_hashtags).toEqual(["#juniper", "#brewday"]);
    expect(suggestion.voice.do.join(" ")).toMatch(/emoji/);
  });

  it("reads a formal voice without emoji as formal, and never suggests a banned word", () => {
    const suggestion = suggestVoice(formalPosts, ["emoji"]);
    expect(suggestion.voice.tone).toEqual(expect.arrayContaining(["formal", "professional"]));
    expect(suggestion.voice.banned_words).toEqual(["emoji"]);
    const { banned_words: _kept, ...suggested } = suggestion.voice;
    expect(bannedWordUses(suggested, ["emoji"])).toEqual([]);
    expect(BrandVoice.safeParse(suggestion.voice).success).toBe(true);
  });

  it("Property: Voice Suggestion Is Deterministic And Within The Voice Limits", { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 300 }), { minLength: 1, maxLength: 5 }), (posts) => {
        const suggestion = suggestVoice(posts, []);
        expect(BrandVoice.safeParse(suggestion.voice).success).toBe(true);
        expect(suggestVoice(posts, [])).toEqual(suggestion);
      }),
      { numRuns: 100 },
    );
  });
});
