import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BRAND_LIMITS,
  BrandCreate,
  BrandPatch,
  bannedWordUses,
  fieldErrors,
  findBannedWords,
  GenerateRequest,
  StrategyOutput,
  withoutBannedWords,
} from "../src/index";

const brand = { name: "Juniper", industry: "Coffee", target_audience: "Commuters" };

describe("BrandCreate", () => {
  it("fills an empty voice and no samples when they are left out", () => {
    expect(BrandCreate.parse(brand)).toEqual({
      ...brand,
      voice: { tone: [], do: [], dont: [], banned_words: [], preferred_hashtags: [] },
      sample_posts: [],
    });
  });

  it("names each field that breaks a limit", () => {
    const result = BrandCreate.safeParse({
      ...brand,
      voice: { tone: ["a", "b", "c", "d", "e", "f"], banned_words: ["ok", "no!"], preferred_hashtags: ["#fine", "not fine"] },
      sample_posts: ["x".repeat(BRAND_LIMITS.sample_posts.length + 1)],
      default_timezone: "Mars/Olympus",
      user_id: "me",
    });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!.issues).map((error) => error.field)).toEqual([
      "voice.tone",
      "voice.banned_words.1",
      "voice.preferred_hashtags.1",
      "sample_posts.0",
      "default_timezone",
      "user_id",
    ]);
  });

  it("rejects more than five samples, repeated tone words and NUL characters", () => {
    expect(BrandCreate.safeParse({ ...brand, sample_posts: ["1", "2", "3", "4", "5", "6"] }).success).toBe(false);
    expect(BrandCreate.safeParse({ ...brand, voice: { tone: ["Warm", "warm"] } }).success).toBe(false);
    expect(BrandCreate.safeParse({ ...brand, name: "Jun\u0000iper" }).success).toBe(false);
  });

  it("adds the # to a hashtag typed without one and accepts IANA time zones", () => {
    const parsed = BrandCreate.parse({ ...brand, voice: { preferred_hashtags: ["coffee", "#Brew_Daily"] }, default_timezone: "Europe/Berlin" });
    expect(parsed.voice.preferred_hashtags).toEqual(["#coffee", "#Brew_Daily"]);
    expect(parsed.default_timezone).toBe("Europe/Berlin");
  });

  it("lets a PATCH clear goals and change one voice list alone", () => {
    expect(BrandPatch.parse({ goals: null, voice: { tone: ["warm"] } })).toEqual({ goals: null, voice: { tone: ["warm"] } });
  });
});

describe("GenerateRequest with a brand", () => {
  it("needs no brief fields when a brand gives them, and all four without one", () => {
    expect(GenerateRequest.safeParse({ brand_id: "b-1" }).success).toBe(true);
    expect(GenerateRequest.safeParse({ brand_id: "b-1", goals: "  More leads " }).data).toEqual({ brand_id: "b-1", goals: "More leads" });
    const missing = GenerateRequest.safeParse({ goals: "x" });
    expect(fieldErrors(missing.error!.issues).map((error) => error.field)).toEqual(["brand_name", "industry", "target_audience"]);
  });
});

describe("banned words", () => {
  it("match whole words in any case, Unicode included, and never inside another word", () => {
    expect(findBannedWords("Our CHEAP deals", ["cheap"])).toEqual(["cheap"]);
    expect(findBannedWords("Cheapest deals", ["cheap"])).toEqual([]);
    expect(findBannedWords("#cheap and #deals", ["cheap"])).toEqual(["cheap"]);
    expect(findBannedWords("Ein GRÜNER Tag", ["grüner"])).toEqual(["grüner"]);
    expect(findBannedWords("Ein grünerer Tag", ["grüner"])).toEqual([]);
    expect(findBannedWords("Café au lait", ["cafe\u0301"])).toEqual(["cafe\u0301"]);
    expect(findBannedWords("a world-class  team", ["world-class team"])).toEqual(["world-class team"]);
    expect(findBannedWords("東京 and more", ["東京"])).toEqual(["東京"]);
  });

  // Each run compiles Unicode patterns; allow for a busy machine.
  it("Property: a text uses a banned word exactly when the word stands between non-letters", { timeout: 30_000 }, () => {
    const letter = fc.constantFrom(..."abcdeéßøжκ日ÄÖ");
    const word = fc.array(letter, { minLength: 1, maxLength: 6 }).map((letters) => letters.join(""));
    const separator = fc.constantFrom(" ", ", ", ".", "#", "!", "\n", "-", "_", "’");
    fc.assert(
      fc.property(word, fc.array(fc.tuple(word, separator), { maxLength: 8 }), fc.boolean(), (banned, parts, upper) => {
        const text = parts.map(([part, sep]) => part + sep).join("");
        const key = (value: string) => value.normalize("NFC").toLowerCase();
        const expected = text.split(/[^\p{L}\p{N}\p{M}]+/u).some((token) => key(token) === key(banned));
        const subject = upper ? text.toUpperCase() : text;
        // toUpperCase may change a word's letters (ß → SS): only compare when it did not.
        fc.pre(!upper || subject.toLowerCase() === text.toLowerCase());
        expect(findBannedWords(subject, [banned]).length > 0).toBe(expected);
      }),
      { numRuns: 100 },
    );
  });

  it("make the structured output fail with the path and the word, so the model can correct it", () => {
    const output = {
      content_pillars: ["One", "Two", "Three cheap tricks"],
      posting_schedule: "Daily",
      platform_recommendations: [
        { platform: "LinkedIn", rationale: "B2B", priority: "high" },
        { platform: "X", rationale: "News", priority: "low" },
      ],
      content_themes: ["1", "2", "3", "4", "5"],
      engagement_tactics: ["1", "2", "3", "4"],
      visual_prompts: ["p1", "p2 with Synergy"],
    };
    const schema = withoutBannedWords(StrategyOutput, ["cheap", "synergy"]);
    const result = schema.safeParse(output);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["content_pillars.2", 'Uses the banned word "cheap": the brand never uses it; rewrite without it'],
      ["visual_prompts.1", 'Uses the banned word "synergy": the brand never uses it; rewrite without it'],
    ]);
    expect(withoutBannedWords(StrategyOutput, ["costly"]).safeParse(output).success).toBe(true);
    expect(bannedWordUses(output, [])).toEqual([]);
  });
});
