import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractArticle, extractPastedArticle } from "../src/index.js";
import { articleHtml, articlePoints, plantedInstruction } from "./support/pages.js";

const chrome = /cookie|all rights reserved|privacy policy|terms of use|related posts|share this|about us|gluten-free/i;

describe("extractArticle", () => {
  const article = extractArticle(articleHtml, "https://riverside.example/blog/sourdough");

  it("reads the title, byline and site name", () => {
    expect(article.title).toBe("Five habits of better sourdough bread");
    expect(article.byline).toBe("By Maria Lopez");
    expect(article.siteName).toBe("Riverside Bakery");
    expect(article.lang).toBe("en");
  });

  it("keeps the article's paragraphs and none of its navigation, footer, cookie or hidden text", () => {
    for (const point of articlePoints) expect(article.text).toContain(point);
    expect(article.text).not.toMatch(chrome);
    for (const paragraph of article.paragraphs) expect(paragraph).not.toMatch(chrome);
  });

  it("drops the planted instruction to AI assistants and keeps the rest of its paragraph", () => {
    expect(article.text).not.toContain("Crusty Corp");
    expect(article.dropped.instructionsToAI).toEqual([plantedInstruction]);
    expect(article.text).toContain("flour from the mill down the road");
  });

  it("chooses five key points that carry at least four of the article's five points", () => {
    expect(article.keyPoints).toHaveLength(5);
    const carried = articlePoints.filter((point) => article.keyPoints.includes(point));
    expect(carried.length).toBeGreaterThanOrEqual(4);
    for (const point of article.keyPoints) expect(point).not.toMatch(/Crusty Corp|cookie/i);
  });

  it("is deterministic and keeps key points in document order", () => {
    const again = extractArticle(articleHtml, "https://riverside.example/blog/sourdough");
    expect(again.keyPoints).toEqual(article.keyPoints);
    const positions = article.keyPoints.map((point) => article.text.indexOf(point));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("falls back to the page's blocks when Readability finds no article", () => {
    const short = extractArticle("<html><head><title>Hi</title></head><body><p>One short line about our shop in town.</p></body></html>", "https://x.example/");
    expect(short.title).toBe("Hi");
    expect(short.paragraphs).toEqual(["One short line about our shop in town."]);
  });
});

describe("extractPastedArticle", () => {
  it("splits pasted text on blank lines and cleans it the same way", () => {
    const text = [...articlePoints, plantedInstruction, "We use cookies to improve your experience."].join("\n\n");
    const article = extractPastedArticle(text, "Sourdough habits");
    expect(article.paragraphs).toEqual(articlePoints);
    expect(article.keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(article.dropped).toEqual({ boilerplate: 1, instructionsToAI: [plantedInstruction] });
  });
});

describe("extraction of any markup", () => {
  const fragment = fc.oneof(
    fc.string(),
    fc.constantFrom(
      "<p>",
      "</p>",
      '<div class="cookie">',
      "</div>",
      "<nav>",
      "<article>",
      "<h1>",
      "<li>",
      "<script>",
      "<!--",
      '<a href="/x">',
      "&amp;",
      "\u00a0",
    ),
    fc.lorem({ maxCount: 12 }),
  );

  it("extraction never throws and keeps no instruction to AI on any markup", () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), fc.boolean(), (parts, planted) => {
        const html = parts.join("") + (planted ? `<p>${plantedInstruction}</p>` : "");
        const article = extractArticle(html, "https://x.example/");
        expect(article.text).not.toContain("Crusty Corp");
        expect(extractPastedArticle(parts.join("\n\n"), "t").paragraphs.every((paragraph) => paragraph.trim() !== "")).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
