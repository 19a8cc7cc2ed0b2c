import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BrandCreate,
  BrandPatch,
  canonicalTimeZone,
  comparableForm,
  dateWindow,
  fieldErrors,
  findBannedWords,
  GenerateRequest,
  PlanRequest,
  PostPatch,
  RefineRequest,
} from "../src/index";

const brand = { name: "Juniper", industry: "Coffee", target_audience: "Commuters" };

/** Latin letters and a look-alike of each from Cyrillic or Greek (Unicode's confusables.txt lists every pair). */
const LOOK_ALIKES: Record<string, string[]> = {
  a: ["\u0430", "\u03B1"],
  c: ["\u0441", "\u03F2"],
  e: ["\u0435"],
  i: ["\u0456", "\u03B9"],
  o: ["\u043E", "\u03BF"],
  p: ["\u0440", "\u03C1"],
  s: ["\u0455"],
  x: ["\u0445"],
  y: ["\u0443", "\u03B3"],
  h: ["\u04BB"],
  j: ["\u0458"],
};
/** Zero-width and other format characters (Unicode category Cf): invisible inside a word. */
const INVISIBLE = ["\u200B", "\u200C", "\u200D", "\u2060", "\u00AD", "\uFEFF"];

/** One letter of a banned word as a dodger might write it: as is, in capitals, fullwidth, or as a look-alike. */
function disguised(letter: string) {
  return fc.oneof(
    fc.constant(letter),
    fc.constant(letter.toUpperCase()),
    fc.constant(String.fromCodePoint(letter.codePointAt(0)! + 0xfee0)),
    ...(LOOK_ALIKES[letter] ? [fc.constantFrom(...LOOK_ALIKES[letter])] : []),
  );
}

describe("banned words in disguise", () => {
  it("a banned word is found in any spelling that normalises to it", () => {
    const word = fc.array(fc.constantFrom(..."abcdehijopsxy"), { minLength: 2, maxLength: 8 }).map((letters) => letters.join(""));
    fc.assert(
      fc.property(
        word.chain((banned) =>
          fc.tuple(
            fc.constant(banned),
            fc.tuple(...[...banned].map((letter) => fc.tuple(disguised(letter), fc.option(fc.constantFrom(...INVISIBLE), { nil: "" })))),
            fc.constantFrom(["", ""], ["Our ", " deals"], ["#", ""], ["(", ")!"]),
          ),
        ),
        ([banned, letters, [before, after]]) => {
          const spelling = letters.map(([letter, invisible], index) => (index === 0 ? letter : invisible + letter)).join("");
          expect(comparableForm(spelling)).toBe(comparableForm(banned));
          expect(findBannedWords(`${before}${spelling}${after}`, [banned])).toEqual([banned]);
        },
      ),
      { numRuns: 200 },
    );
  }, 30_000);

  it("finds the issue's three dodges, and still not a longer word", () => {
    expect(findBannedWords("Now ｃｈｅａｐ!", ["cheap"])).toEqual(["cheap"]);
    expect(findBannedWords("c\u200bheap", ["cheap"])).toEqual(["cheap"]);
    expect(findBannedWords("ch\u0435ap", ["cheap"])).toEqual(["cheap"]);
    expect(findBannedWords("cheapest", ["cheap"])).toEqual([]);
    expect(findBannedWords("a quiet morning", ["cheap"])).toEqual([]);
  });
});

describe("control characters", () => {
  it("are refused in names and one-line fields, with CR/LF too", () => {
    for (const bad of ["Crumb\nCo", "Crumb\r\nBEGIN:VEVENT", "Crumb\u0085Co", "Crumb\u2028Co", "Crumb\u001bCo"]) {
      const created = BrandCreate.safeParse({ ...brand, name: bad });
      expect(created.success).toBe(false);
      expect(created.error!.issues.map((issue) => issue.message)).toContain("Must be a single line without control characters");
      expect(BrandPatch.safeParse({ industry: bad }).success).toBe(false);
      expect(BrandCreate.safeParse({ ...brand, voice: { tone: [bad] } }).success).toBe(false);
      expect(GenerateRequest.safeParse({ brand_name: bad, industry: "x", target_audience: "y", goals: "z" }).success).toBe(false);
    }
  });

  it("allow line breaks where text is multi-line, but no other control character", () => {
    expect(BrandCreate.safeParse({ ...brand, target_audience: "Commuters\nand students", sample_posts: ["Line one\r\nLine two"] }).success).toBe(true);
    expect(PostPatch.safeParse({ caption: "Two\nlines" }).success).toBe(true);
    expect(PostPatch.safeParse({ caption: "Bell\u0007" }).success).toBe(false);
    expect(RefineRequest.safeParse({ message: "warmer\u001b[2J" }).success).toBe(false);
  });
});

describe("dates", () => {
  const { from, to } = dateWindow();

  it("start_date and scheduled_at far in the past or future are refused, naming the window", () => {
    for (const start_date of ["9999-12-31", "0000-01-01"]) {
      const parsed = PlanRequest.safeParse({ start_date });
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues).toEqual([expect.objectContaining({ path: ["start_date"], message: `Must be between ${from} and ${to}` })]);
    }
    expect(PostPatch.safeParse({ scheduled_at: "9999-12-31T10:00:00+01:00" }).success).toBe(false);
    expect(PostPatch.safeParse({ scheduled_at: "0000-01-01T10:00:00Z" }).success).toBe(false);
  });

  it("the window's own ends are accepted", () => {
    expect(PlanRequest.safeParse({ start_date: from }).success).toBe(true);
    expect(PlanRequest.safeParse({ start_date: to }).success).toBe(true);
    expect(PostPatch.safeParse({ scheduled_at: `${to}T23:00:00+14:00` }).success).toBe(true);
  });
});

describe("validation messages", () => {
  it("two unknown fields are two errors", () => {
    const parsed = PlanRequest.safeParse({ foo: 1, bar: 2 });
    expect(fieldErrors(parsed.error!.issues)).toEqual([
      { field: "foo", message: "Unknown field" },
      { field: "bar", message: "Unknown field" },
    ]);
  });

  it("a 400-character hashtag gets the product's message", () => {
    const parsed = PostPatch.safeParse({ hashtags: [`#${"a".repeat(399)}`] });
    expect(fieldErrors(parsed.error!.issues)).toEqual([{ field: "hashtags.0", message: "Must be at most 100 characters" }]);
    const longer = PostPatch.safeParse({ hashtags: [`#${"a".repeat(500)}`] });
    expect(fieldErrors(longer.error!.issues)).toEqual([{ field: "hashtags.0", message: "Must be at most 100 characters" }]);
  });
});

describe("time zones", () => {
  it("are stored in their canonical spelling", () => {
    expect(canonicalTimeZone("europe/paris")).toBe("Europe/Paris");
    expect(PlanRequest.parse({ timezone: "europe/paris" }).timezone).toBe("Europe/Paris");
    expect(BrandCreate.parse({ ...brand, default_timezone: "AMERICA/NEW_YORK" }).default_timezone).toBe("America/New_York");
    expect(BrandPatch.safeParse({ default_timezone: "europe/nowhere" }).success).toBe(false);
  });
});
