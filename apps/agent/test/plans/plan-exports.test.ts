import fc from "fast-check";
import ICAL from "ical.js";
import { parse as parseCsv } from "csv-parse/sync";
import type { Plan, PlanPost, StrategyRecord } from "@strategist/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeStrategy } from "@strategist/composer";
import { execFileSync } from "node:child_process";
import { CSV_COLUMNS, escapeText, eventUid, neutraliseCell, planToCsv, planToIcs } from "../../src/plans/exports";
import { strategyToPdf } from "../../src/plans/pdf";
import { startHarness, VALID_BRIEF, type Harness } from "../support/harness";

const NOW = new Date("2026-11-30T18:00:00Z");

// pdfjs-dist 6 expects Node 22's Promise.withResolvers; the machine runs Node 20.
(Promise as unknown as { withResolvers?: unknown }).withResolvers ??= function withResolvers<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason?: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

/** Captions that break naive writers: quotes, commas, semicolons, backslashes, newlines, emoji, RTL, formula starts. */
const nastyText = fc
  .array(
    fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 12 }),
      fc.constantFrom('"', ",", ";", "\\", "\n", "\r\n", "\r", "\t", "😀", "👨‍👩‍👧", "שלום עולם", "مرحبا", "=SUM(A1)", "+1", "-2", "@cmd", "'", ":", "日本語", " "),
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) => parts.join(""))
  .filter((text) => /\S/u.test(text) && !text.includes("\u0000"));

const strategy: StrategyRecord = {
  id: "s-1",
  user_id: "u-1",
  ...VALID_BRIEF,
  strategy_output: composeStrategy(VALID_BRIEF),
  created_at: NOW.toISOString(),
  model: "offline",
  version: 1,
  updated_at: NOW.toISOString(),
};

function planWith(posts: Partial<PlanPost>[]): Plan {
  return {
    strategy_id: strategy.id,
    strategy_version: 1,
    timezone: "Europe/Paris",
    start_date: "2026-12-07",
    weeks: 1,
    created_at: NOW.toISOString(),
    model: "offline",
    posts: posts.map((post, index) => ({
      id: `post-${index}`,
      platform: "linkedin",
      scheduled_at: `2026-12-0${7 + (index % 3)}T09:${String(index % 60).padStart(2, "0")}:00+01:00`,
      pillar: "Pillar",
      theme: "Theme",
      caption: "Caption",
      hashtags: ["#Tag"],
      visual_prompt_index: 0,
      status: "draft",
      ...post,
    })),
  };
}

/** RFC 5545's TEXT unescaping: `\\n` or `\\N` is a line break, any other escaped character is itself. */
function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/gu, (_match, char: string) => (char === "n" || char === "N" ? "\n" : char));
}

function icsEvents(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((event) => new ICAL.Event(event));
}

describe("ICS export", () => {
  it("property: captions round-trip through ical.js, one event per post, lines within 75 octets", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ caption: nastyText, pillar: nastyText, theme: nastyText }), { minLength: 1, maxLength: 4 }), (posts) => {
        const plan = planWith(posts);
        const text = planToIcs(strategy, plan, NOW);
        for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
        const events = icsEvents(text);
        expect(events.map((event) => event.uid)).toEqual(plan.posts.map(eventUid));
        const expected = plan.posts.map((post) =>
          `${post.caption}\n\n${post.hashtags.join(" ")}\n\nPillar: ${post.pillar}\nTheme: ${post.theme}\nStatus: ${post.status}`.replace(/\r\n?/gu, "\n"),
        );
        expect(events.map((event) => event.description)).toEqual(expected);
        expect(events.map((event) => event.startDate.toJSDate().getTime())).toEqual(plan.posts.map((post) => Date.parse(post.scheduled_at)));
      }),
      { numRuns: 150 },
    );
  });

  it("property: every TEXT value is escaped, so a brand name or caption can add no line, property or event", () => {
    const hostile = fc.oneof(
      nastyText,
      fc.constantFrom("Crumb\nCo", "Crumb\r\nBEGIN:VEVENT\r\nUID:evil\r\nSUMMARY:Wire 5000 EUR\r\nEND:VEVENT\r\n", "A;B,C\\D", "X\rEND:VCALENDAR"),
    );
    fc.assert(
      fc.property(hostile, fc.array(fc.record({ caption: hostile, pillar: hostile, goal: hostile }), { minLength: 1, maxLength: 3 }), (brand, posts) => {
        const plan = planWith(posts);
        const text = planToIcs({ ...strategy, brand_name: brand }, plan, NOW);
        expect(text.endsWith("\r\n")).toBe(true);
        // Every line ends in CRLF: no bare CR or LF anywhere.
        expect(text.replace(/\r\n/gu, "")).not.toMatch(/[\r\n]/u);
        const lines = text.replace(/\r\n /gu, "").split("\r\n");
        expect(lines.filter((line) => line === "BEGIN:VEVENT")).toHaveLength(posts.length);
        expect(icsEvents(text)).toHaveLength(posts.length);
        const expectedName = `${brand}: content plan`.replace(/\r\n?/gu, "\n").replace(/\p{Cc}/gu, (char) => (char === "\t" || char === "\n" ? char : " "));
        for (const property of ["NAME", "X-WR-CALNAME"]) {
          const line = lines.find((candidate) => candidate.startsWith(`${property}:`))!;
          expect(unescapeText(line.slice(property.length + 1))).toBe(expectedName);
        }
        icsEvents(text).forEach((event, index) => expect(event.description).toContain(`Goal: ${posts[index]!.goal}`.replace(/\r\n?/gu, "\n")));
      }),
      { numRuns: 150 },
    );
  });

  it("a brand name carrying CRLF and BEGIN:VEVENT adds no event and stays one escaped NAME line", () => {
    const brand = "Crumb\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:Wire 5000 EUR\r\nEND:VEVENT";
    const plan = planWith(Array.from({ length: 6 }, () => ({ caption: "Hello" })));
    const text = planToIcs({ ...strategy, brand_name: brand }, plan, NOW);
    expect(text.split("\r\n").filter((line) => line === "BEGIN:VEVENT")).toHaveLength(6);
    expect(icsEvents(text)).toHaveLength(6);
    expect(text.replace(/\r\n /gu, "")).toContain("\r\nNAME:Crumb\\nBEGIN:VEVENT\\nUID:x\\nSUMMARY:Wire 5000 EUR\\nEND:VEVENT: content plan\r\n");
    expect(escapeText("a;b,c\\d\ne")).toBe("a\\;b\\,c\\\\d\\ne");
  });

  it("carries each post's page and pictures as URL, ATTACH and lines of the description", () => {
    const plan = planWith([{ caption: "One" }]);
    const links = {
      posts: { "post-0": "https://app.example/strategies/s-1/plan?post=post-0" },
      images: { "post-0": ["https://app.example/api/plan-feeds/t/images/j1"] },
    };
    const text = planToIcs(strategy, plan, NOW, links);
    const [event] = icsEvents(text);
    expect(event!.description).toContain("Post: https://app.example/strategies/s-1/plan?post=post-0");
    expect(event!.description).toContain("Image: https://app.example/api/plan-feeds/t/images/j1");
    expect(event!.component.getFirstPropertyValue("url")).toBe(links.posts["post-0"]);
    expect(event!.component.getFirstPropertyValue("attach")).toBe(links.images["post-0"][0]);
  });

  it("writes DTSTART in UTC and keeps each post's UID across exports", () => {
    const plan = planWith([{ caption: "One" }, { caption: "Two" }]);
    const first = planToIcs(strategy, plan, NOW);
    const later = planToIcs(strategy, { ...plan, posts: plan.posts.map((post) => ({ ...post, caption: `${post.caption}!` })) }, new Date());
    expect(first).toContain("DTSTART:20261207T080000Z");
    expect(icsEvents(later).map((event) => event.uid)).toEqual(icsEvents(first).map((event) => event.uid));
  });
});

describe("CSV export", () => {
  it("property: captions round-trip through csv-parse, with every formula start neutralised", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ caption: nastyText, theme: nastyText }), { minLength: 1, maxLength: 4 }), (posts) => {
        const plan = planWith(posts);
        const rows = parseCsv(planToCsv(strategy, plan), { bom: true, relax_column_count: false }) as string[][];
        expect(rows[0]).toEqual([...CSV_COLUMNS]);
        expect(rows).toHaveLength(plan.posts.length + 1);
        rows.slice(1).forEach((row, index) => {
          for (const cell of row) expect(cell).not.toMatch(/^\s*[=+\-@]|^[\t\r\n]/u);
          const post = plan.posts[index]!;
          expect(row[CSV_COLUMNS.indexOf("caption")]).toBe(neutraliseCell(post.caption));
          expect(row[CSV_COLUMNS.indexOf("caption")]!.replace(/^'/u, "")).toBe(post.caption);
          expect(row[CSV_COLUMNS.indexOf("theme")]!.replace(/^'/u, "")).toBe(post.theme);
        });
      }),
      { numRuns: 150 },
    );
  });

  it("property: a field holding CR or LF is quoted and stays one cell, and no cell starts with a formula, also after whitespace", () => {
    const cellText = fc.oneof(nastyText, fc.constantFrom("line one\nline two", "a\rb", " =1+1", "\t@SUM(A1)", "\n-2", "  +3"));
    fc.assert(
      fc.property(fc.array(fc.record({ caption: cellText, pillar: cellText, goal: cellText }), { minLength: 1, maxLength: 4 }), (posts) => {
        const csv = planToCsv(strategy, planWith(posts));
        const rows = parseCsv(csv, { bom: true }) as string[][];
        expect(rows).toHaveLength(posts.length + 1);
        rows.slice(1).forEach((row, index) => {
          expect(row).toHaveLength(CSV_COLUMNS.length);
          for (const cell of row) expect(cell).not.toMatch(/^\s*[=+\-@]/u);
          expect(row[CSV_COLUMNS.indexOf("caption")]!.replace(/^'/u, "")).toBe(posts[index]!.caption);
          expect(row[CSV_COLUMNS.indexOf("goal")]!.replace(/^'/u, "")).toBe(posts[index]!.goal.trim() === "" ? "" : posts[index]!.goal);
        });
      }),
      { numRuns: 150 },
    );
  });

  it("keeps a caption with a line feed in one quoted cell", () => {
    const csv = planToCsv(strategy, planWith([{ caption: "first line\nsecond line" }]));
    expect(csv).toContain('"first line\nsecond line"');
    expect((parseCsv(csv, { bom: true }) as string[][])[1]![CSV_COLUMNS.indexOf("caption")]).toBe("first line\nsecond line");
  });

  it("quotes as RFC 4180 says and ends records with CRLF", () => {
    const csv = planToCsv(strategy, planWith([{ caption: 'She said "hi", then left' }]));
    expect(csv.startsWith("\ufeffscheduled_at,platform,")).toBe(true);
    expect(csv).toContain('"She said ""hi"", then left"');
    expect(csv.split("\r\n")).toHaveLength(3);
  });
});

async function pdfText(bytes: Buffer): Promise<string> {
  // Imported after the polyfill above.
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0 });
  const document = await task.promise;
  let text = "";
  for (let page = 1; page <= document.numPages; page++) {
    const content = await (await document.getPage(page)).getTextContent();
    text += content.items.map((item) => ("str" in item ? `${item.str}${item.hasEOL ? "\n" : " "}` : "")).join("");
  }
  await task.destroy();
  return text.replace(/\s+/g, " ");
}

describe("PDF export", () => {
  it("holds the strategy and every post of the plan, readable by pdfjs", async () => {
    const plan = planWith([
      { caption: "Launch week recap for clients", hashtags: ["#TechCorp"] },
      { caption: "Café owners: here is how", platform: "x" },
    ]);
    const text = await pdfText(await strategyToPdf(strategy, plan));
    expect(text).toContain("TechCorp");
    expect(text).toContain(strategy.strategy_output.content_pillars[0]!);
    expect(text).toContain("Launch week recap for clients");
    expect(text).toContain("Café owners: here is how");
    expect(text).toContain("Week 1");
  });
});

describe("PDF fonts", () => {
  it("prints accented, Greek, Cyrillic, CJK, Korean and emoji captions, as pdftotext reads them", async () => {
    const captions = [
      "Crème brûlée à la façon de Zoë",
      "Ωραία μέρα για καφέ",
      "Привет из кофейни",
      "今日のおすすめ 新しいコーヒー",
      "오늘의 커피",
      "Fresh beans ☕ 🎉 😀",
    ];
    const pdf = await strategyToPdf(strategy, planWith(captions.map((caption) => ({ caption }))));
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: pdf }).toString("utf8");
    for (const caption of captions) expect(text.replace(/\s+/gu, " ")).toContain(caption);
    expect(text).not.toContain("?");
  });
});

describe("export routes", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ clock: () => NOW });
  });
  afterAll(() => harness.close());

  it("send the files with their types and file names, and the same UIDs on every export", async () => {
    const headers = { authorization: `Bearer ${harness.token("exporter")}` };
    const created = (await harness.app.inject({ method: "POST", url: "/api/strategy/generate", headers, payload: VALID_BRIEF })).json() as StrategyRecord;
    const plan = (
      await harness.app.inject({ method: "POST", url: `/api/strategy/${created.id}/plan`, headers, payload: { weeks: 8, timezone: "America/New_York" } })
    ).json() as Plan;
    const ics = await harness.app.inject({ url: `/api/strategy/${created.id}/plan.ics`, headers });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(ics.headers["content-disposition"]).toBe('attachment; filename="techcorp-plan.ics"');
    expect(icsEvents(ics.body).map((event) => event.uid)).toEqual(plan.posts.map(eventUid));
    const again = await harness.app.inject({ url: `/api/strategy/${created.id}/plan.ics`, headers });
    expect(again.body).toBe(ics.body);
    const csv = await harness.app.inject({ url: `/api/strategy/${created.id}/plan.csv`, headers });
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["content-disposition"]).toBe('attachment; filename="techcorp-plan.csv"');
    expect((parseCsv(csv.body, { bom: true }) as string[][]).length).toBe(plan.posts.length + 1);
    const pdf = await harness.app.inject({ url: `/api/strategy/${created.id}/export.pdf`, headers });
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers["content-disposition"]).toBe('attachment; filename="techcorp-strategy.pdf"');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  });
});
