import fc from "fast-check";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import {
  checkPost,
  graphemeLength,
  isHashtag,
  lengthMessage,
  PLATFORM_RULES,
  postLength,
  publishedText,
  threadsLength,
  xWeightedLength,
} from "../src/platform-rules";
import { PLAN_PLATFORMS, planPlatformOf, type PlanPlatformId } from "../src/platforms";

// X's own open-source counter, used only as the independent oracle for our zero-dependency one.
const twitterText = createRequire(import.meta.url)("twitter-text") as { parseTweet(text: string): { weightedLength: number } };

const RUNS = { numRuns: 200 };
const platform = fc.constantFrom(...PLAN_PLATFORMS);
const emoji = fc.constantFrom("😀", "👍🏽", "👨‍👩‍👧", "🇫🇷", "1️⃣", "❤️", "🎉");
const word = fc.stringMatching(/^[A-Za-z]{1,10}$/);
const hashtag = fc.oneof(
  word.map((text) => `#${text}`),
  fc.constantFrom("#café", "#日本", "#مرحبا", "#नमस्ते", "#snake_case", "#v2"),
);

describe("X counting", () => {
  it("property: X weighted length equals twitter-text's for text without links", () => {
    const text = fc
      .array(fc.oneof(fc.string({ unit: "grapheme", maxLength: 8 }), emoji, word, fc.constantFrom(" ", "\n", "日本語", "café", "שלום", "—")), { maxLength: 30 })
      .map((parts) => parts.join(""))
      .filter((value) => !value.includes("."));
    fc.assert(
      fc.property(text, (value) => {
        expect(xWeightedLength(value)).toBe(twitterText.parseTweet(value).weightedLength);
      }),
      RUNS,
    );
  });

  it("property: every URL counts 23 however long it is", () => {
    const url = fc.tuple(fc.constantFrom("http", "https"), word, fc.constantFrom("com", "org", "io"), fc.array(word, { maxLength: 6 }));
    fc.assert(
      fc.property(word, url, (before, [scheme, host, tld, path]) => {
        const link = `${scheme}://${host}.${tld}/${path.join("/")}`;
        const text = `${before} ${link}`;
        expect(xWeightedLength(text)).toBe(before.length + 1 + 23);
        expect(xWeightedLength(text)).toBe(twitterText.parseTweet(text).weightedLength);
      }),
      RUNS,
    );
  });

  it("property: a post's UTM link counts as X counts links, 23, as twitter-text counts it, and by its characters elsewhere", () => {
    const query = fc.tuple(word, fc.stringMatching(/^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,58}[A-Za-z0-9])?$/));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), fc.array(hashtag, { maxLength: 3 }), word, query, (words, tags, host, [path, campaign]) => {
        const caption = words.join(" ");
        const link = `https://${host}.com/${path}?utm_source=x&utm_medium=social&utm_campaign=${campaign}`;
        const published = publishedText(caption, tags, link);
        expect(published.split("\n")[1]).toBe(link);
        expect(postLength("x", caption, tags, link)).toBe(postLength("x", caption, tags) + 1 + 23);
        expect(postLength("x", caption, tags, link)).toBe(twitterText.parseTweet(published).weightedLength);
        expect(postLength("linkedin", caption, tags, link)).toBe(graphemeLength(published));
        // A Short's link goes into its description: its title does not count it.
        expect(postLength("youtube", caption, tags, link)).toBe(postLength("youtube", caption, tags));
        expect(checkPost("x", { caption, hashtags: tags, link })).toEqual(checkPost("x", { caption, hashtags: tags, link: "https://a.io/" }));
      }),
      RUNS,
    );
  });

  it("counts an emoji family as 2 and CJK as 2 per character", () => {
    expect(xWeightedLength("👨‍👩‍👧")).toBe(2);
    expect(xWeightedLength("日本語")).toBe(6);
    expect(xWeightedLength("cafe\u0301")).toBe(4);
  });
});

describe("grapheme counting", () => {
  it("counts what the reader sees, not UTF-16 units", () => {
    expect(graphemeLength("👨‍👩‍👧")).toBe(1);
    expect("👨‍👩‍👧".length).toBe(8);
    expect(graphemeLength("é")).toBe(1);
    expect(graphemeLength("🇫🇷a")).toBe(2);
  });

  it("property: pieced-together grapheme counting equals the segmenter's count of the whole text", () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
    const piece = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 40 }),
      fc.string({ unit: "binary", maxLength: 40 }),
      emoji,
      fc.constantFrom("\r\n", "\r", "e\u0301", "🇫", "नमस्ते", "각"),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        expect(graphemeLength(text)).toBe([...segmenter.segment(text)].length);
      }),
      RUNS,
    );
  }, 30_000);

  it("counts Threads emoji as their UTF-8 bytes, as Meta documents", () => {
    expect(threadsLength("ab😀")).toBe(2 + 4);
    expect(threadsLength("👍🏽")).toBe(8);
  });
});

describe("hashtags", () => {
  it("property: # then Unicode letters, digits or underscores is a hashtag", () => {
    fc.assert(
      fc.property(hashtag, (tag) => {
        expect(isHashtag(tag)).toBe(true);
      }),
      RUNS,
    );
  });

  it("property: a tag with a space, punctuation, a second # or only digits is refused", () => {
    const bad = fc.oneof(
      fc.tuple(word, fc.constantFrom(" ", "-", ".", "#", "!", "'", "é\u200b")).map(([text, extra]) => `#${text}${extra}x`),
      word,
      fc.integer({ min: 0, max: 99999 }).map((n) => `#${n}`),
      fc.constant("#"),
    );
    fc.assert(
      fc.property(bad, (tag) => {
        expect(isHashtag(tag)).toBe(false);
      }),
      RUNS,
    );
  });

  it("refuses a repeated tag within a post, whatever its case", () => {
    expect(checkPost("linkedin", { caption: "Hello", hashtags: ["#Coffee", "#coffee"] })).toEqual([
      { field: "hashtags.1", message: "Must not repeat a hashtag of this post" },
    ]);
  });

  it("holds Instagram to 5 hashtags and Threads to 1 topic tag", () => {
    const six = ["#a", "#b", "#c", "#d", "#e", "#f"];
    expect(checkPost("instagram", { caption: "Hi", hashtags: six })).toContainEqual({
      field: "hashtags",
      message: "Must have at most 5 hashtags for Instagram",
    });
    expect(checkPost("instagram", { caption: "Hi", hashtags: six.slice(0, 5) })).toEqual([]);
    expect(checkPost("threads", { caption: "Hi", hashtags: ["#a", "#b"] })).toContainEqual({
      field: "hashtags",
      message: "Must have at most 1 hashtag for Threads",
    });
  });
});

describe("limits", () => {
  it("names X's limit with the hashtags included", () => {
    expect(lengthMessage("x")).toBe("Must be at most 280 characters for X, hashtags included");
    expect(lengthMessage("facebook")).toBe("Must be at most 63,206 characters for Facebook, hashtags included");
  });

  it("property: a post is refused exactly when its published text passes the limit, and the refusal names the limit", () => {
    const post = fc.record({
      platform,
      filler: fc.oneof(fc.constant("a"), fc.constant("日"), emoji, fc.constant("é")),
      caption: fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }).filter((text) => /\S/u.test(text) && !text.includes("\u0000")),
      hashtags: fc.uniqueArray(
        word.map((text) => `#${text}`),
        { maxLength: 1, selector: (tag) => tag.toLowerCase() },
      ),
    });
    fc.assert(
      fc.property(post, fc.integer({ min: -3, max: 3 }), ({ platform: id, filler: chosen, caption, hashtags }, delta) => {
        let filler = chosen;
        const rule = PLATFORM_RULES[id];
        // Pad the caption to land around the limit, so both sides of it are exercised on every platform.
        // (LinkedIn, TikTok and Facebook are padded with ASCII: Node 20's segmenter makes long non-ASCII text slow to count.)
        if (rule.maxLength > 2500) filler = "a";
        const base = postLength(id, caption, hashtags);
        const unit = postLength(id, filler, []);
        const repeat = Math.max(0, Math.floor((rule.maxLength - base) / unit) + delta);
        const padded = caption + filler.repeat(repeat);
        const length = postLength(id, padded, hashtags);
        const lengthErrors = checkPost(id, { caption: padded, hashtags }).filter((error) => error.field === "caption");
        if (length > rule.maxLength) expect(lengthErrors).toEqual([{ field: "caption", message: lengthMessage(id) }]);
        else expect(lengthErrors).toEqual([]);
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it("counts the hashtags in the published text", () => {
    const caption = "a".repeat(270);
    expect(checkPost("x", { caption, hashtags: [] })).toEqual([]);
    expect(publishedText(caption, ["#coffee"]).length).toBe(279);
    expect(checkPost("x", { caption, hashtags: ["#coffee", "#tea"] })).toEqual([{ field: "caption", message: lengthMessage("x") }]);
  });

  it("finds the rule for a platform as strategies name it", () => {
    const names: [string, PlanPlatformId | undefined][] = [
      ["X (Twitter)", "x"],
      ["Twitter", "x"],
      ["Instagram Reels", "instagram"],
      ["YouTube", "youtube"],
      ["LinkedIn", "linkedin"],
      ["Threads", "threads"],
      ["Snapchat", undefined],
      ["Xing", undefined],
      ["Google Business Profile", "google"],
      ["Bluesky", "bluesky"],
    ];
    for (const [name, id] of names) expect(planPlatformOf(name)).toBe(id);
  });
});
