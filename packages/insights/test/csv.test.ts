import { describe, expect, it } from "vitest";
import { neutraliseCell, parseResultsCsv, readPublishedAt, resultsToCsv } from "../src/index";

describe("parseResultsCsv", () => {
  it("reads the canonical columns", () => {
    const csv = [
      "platform,published_at,url,text,impressions,reach,likes,comments,shares,saves,clicks,video_views,post_id",
      "Instagram,2026-03-03T18:00:00+01:00,https://www.instagram.com/p/ABC/,Hello,1000,800,40,5,3,2,1,,post-1",
    ].join("\n");
    expect(parseResultsCsv(csv)).toEqual({
      rows: [
        {
          platform: "instagram",
          published_at: "2026-03-03T18:00:00+01:00",
          url: "https://www.instagram.com/p/ABC/",
          text: "Hello",
          impressions: 1000,
          reach: 800,
          likes: 40,
          comments: 5,
          shares: 3,
          saves: 2,
          clicks: 1,
          post_id: "post-1",
        },
      ],
      rejected: [],
      ignored_columns: [],
    });
  });

  it("reads Meta Business Suite's Instagram export headers, in the given time zone, whatever their case", () => {
    const csv = [
      "\uFEFFPost ID,Account username,Description,PUBLISH TIME,Permalink,Post type,Data comment,Date,Views,Reach,Likes,Shares,Follows,Comments,Saves",
      '1790,crumb,Fresh bread,03/03/2026 18:05,https://www.instagram.com/p/ABC/,IG image,,Lifetime,"2,500",1900,190,4,1,12,9',
    ].join("\r\n");
    const { rows, rejected, ignored_columns } = parseResultsCsv(csv, { platform: "instagram", timezone: "Europe/Berlin" });
    expect(rejected).toEqual([]);
    expect(rows).toEqual([
      {
        platform: "instagram",
        published_at: "2026-03-03T18:05:00+01:00",
        url: "https://www.instagram.com/p/ABC/",
        text: "Fresh bread",
        reach: 1900,
        likes: 190,
        comments: 12,
        shares: 4,
        saves: 9,
        video_views: 2500,
      },
    ]);
    expect(ignored_columns).toEqual(["Post ID", "Account username", "Post type", "Data comment", "Date", "Follows"]);
  });

  it("reads Facebook's reactions as likes and never a total such as Interactions or Reactions, comments and shares", () => {
    const csv = [
      'Post ID,Page name,Title,Description,Publish time,Permalink,Post type,Impressions,Reach,"Reactions, comments and shares",Reactions,Comments,Shares,Link clicks',
      "9,Crumb,Bread,Fresh bread,03/03/2026 18:05,https://www.facebook.com/crumb/posts/9,Photo,3000,2000,70,50,12,8,30",
    ].join("\n");
    const { rows } = parseResultsCsv(csv, { platform: "facebook", timezone: "UTC" });
    expect(rows[0]).toMatchObject({ text: "Fresh bread", impressions: 3000, reach: 2000, likes: 50, comments: 12, shares: 8, clicks: 30 });
  });

  it("reads the classic X tweet activity export, whose time carries its offset", () => {
    const csv = [
      "Tweet id,Tweet permalink,Tweet text,time,impressions,engagements,engagement rate,retweets,replies,likes,user profile clicks,url clicks",
      "1,https://twitter.com/crumb/status/1,Fresh bread,2019-01-01 12:00 +0000,900,40,0.044,3,2,20,5,10",
    ].join("\n");
    const { rows, rejected } = parseResultsCsv(csv, { platform: "x" });
    expect(rejected).toEqual([]);
    expect(rows[0]).toEqual({
      platform: "x",
      published_at: "2019-01-01T12:00:00Z",
      url: "https://twitter.com/crumb/status/1",
      text: "Fresh bread",
      impressions: 900,
      likes: 20,
      comments: 2,
      shares: 3,
      clicks: 10,
    });
  });

  it("reads the newer X post export's names (post text, reposts, bookmarks, share)", () => {
    const csv = [
      "Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Share,Replies,Reposts",
      "1,2026-03-03T09:00:00Z,Hi,https://x.com/c/status/1,100,5,9,1,0,2,1",
    ].join("\n");
    expect(parseResultsCsv(csv, { platform: "x" }).rows[0]).toMatchObject({
      text: "Hi",
      url: "https://x.com/c/status/1",
      likes: 5,
      saves: 1,
      shares: 0,
      comments: 2,
    });
  });

  it("lists every bad field with its file line and still keeps the good rows", () => {
    const csv = [
      "platform,published_at,text,impressions,likes", // line 1
      'instagram,2026-03-03T18:00:00+01:00,"two', // line 2
      'lines",100,5', // line 3
      "", // line 4 (blank)
      "myspace,2026-03-03T18:00:00+01:00,x,100,5", // line 5
      "instagram,yesterday,x,-3,1.5", // line 6
      "instagram,2026-03-03T18:00:00+01:00,x,100", // line 7
      "linkedin,2026-03-04,x,100,5", // line 8
      "linkedin,2026-03-04T09:00:00,x,100,5", // line 9
      "x,2026-03-05T09:00:00Z,ok,1000,5", // line 10
    ].join("\n");
    const { rows, rejected } = parseResultsCsv(csv);
    expect(rows.map((row) => row.text)).toEqual(["two\nlines", "ok"]);
    expect(rejected).toEqual([
      { line: 5, field: "platform", reason: "Unknown platform: myspace" },
      { line: 6, field: "published_at", reason: expect.stringContaining("Must be a date-time") },
      { line: 6, field: "impressions", reason: "Must be a whole number of 0 or more" },
      { line: 6, field: "likes", reason: "Must be a whole number of 0 or more" },
      { line: 7, field: "row", reason: "Has 4 cells; the header has 5" },
      { line: 8, field: "published_at", reason: expect.stringContaining("a date alone") },
      { line: 9, field: "published_at", reason: expect.stringContaining("Has no offset") },
    ]);
  });

  it("names the header line when a needed column is missing", () => {
    expect(parseResultsCsv("text,likes\nhi,3\n").rejected).toEqual([
      { line: 1, field: "published_at", reason: expect.any(String) },
      { line: 1, field: "platform", reason: expect.any(String) },
    ]);
    expect(parseResultsCsv("").rejected).toEqual([{ line: 1, field: "header", reason: "The file is empty" }]);
  });

  it("keeps a formula-like text as text on import and neutralises it on export", () => {
    const csv = 'platform,published_at,text,impressions,likes\nx,2026-03-05T09:00:00Z,"=HYPERLINK(""http://evil"",""x"")",10,1\n';
    const { rows } = parseResultsCsv(csv);
    expect(rows[0]!.text).toBe('=HYPERLINK("http://evil","x")');
    expect(resultsToCsv(rows)).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
  });
});

describe("neutraliseCell", () => {
  it("prefixes a quote to cells a spreadsheet would run, and leaves others alone", () => {
    for (const cell of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]) expect(neutraliseCell(cell)).toBe(`'${cell}`);
    for (const cell of ["hello", "", "1-1", " =x"]) expect(neutraliseCell(cell)).toBe(cell);
  });
});

describe("readPublishedAt", () => {
  it("keeps the written offset and reads local times in the given zone, DST included", () => {
    expect(readPublishedAt("2026-07-01T18:00:00+02:00", undefined)).toEqual({ value: "2026-07-01T18:00:00+02:00" });
    expect(readPublishedAt("07/01/2026 18:00", "Europe/Berlin")).toEqual({ value: "2026-07-01T18:00:00.000+02:00".replace(".000", "") });
    expect(readPublishedAt("01/15/2026 18:00", "Europe/Berlin")).toEqual({ value: "2026-01-15T18:00:00+01:00" });
  });
});

describe("docs/results-example.csv", () => {
  it("imports whole", async () => {
    const { readFile } = await import("node:fs/promises");
    const text = await readFile(new URL("../../../docs/results-example.csv", import.meta.url), "utf8");
    const { rows, rejected } = parseResultsCsv(text);
    expect(rejected).toEqual([]);
    expect(rows.map((row) => row.platform)).toEqual(["instagram", "instagram", "linkedin", "x", "tiktok"]);
  });
});
