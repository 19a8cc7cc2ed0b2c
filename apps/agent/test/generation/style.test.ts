import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasStyleLeak, isStyleHashtag, scrubStyleLeaks, withoutStyleLeak } from "../../src/generation/style";

const tone = fc.constantFrom("relaxed", "playful", "conversational", "casual", "formal", "professional", "friendly");
const content = fc.stringMatching(/^[A-Z][a-z]{3,12}( [a-z]{2,10}){1,6}$/);

describe("style instructions never become content", () => {
  it("property: a style lead, a style hashtag or the pasted instruction never survives the scrub, and the content stays", () => {
    fc.assert(
      fc.property(fc.array(content, { minLength: 1, maxLength: 6 }), tone, tone, (themes, first, second) => {
        const instruction = `make the tone more ${first} and ${second}`;
        const leaky = {
          content_themes: themes.map((theme) => `In a ${first}, ${second} voice: ${theme}`),
          hashtags: [`#${first[0]!.toUpperCase()}${first.slice(1)}${second[0]!.toUpperCase()}${second.slice(1)}`, "#Kayak"],
          caption: `${themes[0]} ${instruction}.`,
        };
        const clean = scrubStyleLeaks(leaky, instruction);
        expect(clean.content_themes.map((theme) => theme.toLowerCase())).toEqual(themes.map((theme) => theme.toLowerCase()));
        expect(clean.hashtags).toEqual(["#Kayak"]);
        expect(clean.caption).not.toContain(instruction);
        expect(hasStyleLeak(clean, instruction)).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it("property: text without a style lead is left exactly as it was", () => {
    fc.assert(
      fc.property(content, (text) => {
        expect(withoutStyleLeak(`Brand voice: ${text}`)).toBe(`Brand voice: ${text}`);
        expect(withoutStyleLeak(text)).toBe(text);
      }),
      { numRuns: 100 },
    );
    expect(isStyleHashtag("#RelaxedConversational")).toBe(true);
    expect(isStyleHashtag("#KayakTours")).toBe(false);
  });
});
