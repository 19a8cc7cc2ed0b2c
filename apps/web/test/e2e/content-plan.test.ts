import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import { parse as parseCsv } from "csv-parse/sync";
import type { Browser, Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, snapBothWidths } from "./browser";
import { startStack, type Stack } from "./stack";

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

// "developers" and "tech" make the offline strategist recommend X, so the plan has posts with X's tight limit.
const BRIEF = {
  brand_name: "Quill Labs",
  industry: "Developer tools",
  target_audience: "Developers and tech early adopters at startups",
  goals: "Grow awareness and newsletter sign-ups",
};

async function saved(download: Download): Promise<string> {
  return readFileSync((await download.path())!, "utf8");
}

async function makeStrategy(page: Page) {
  await page.goto(`${stack.webUrl}/signup`);
  await page.getByLabel("Work email").fill("plans@example.com");
  await page.getByLabel("Password").fill("correct horse 42");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/strategies/new");
  await page.getByLabel("Brand name").fill(BRIEF.brand_name);
  await page.getByLabel("Industry").fill(BRIEF.industry);
  await page.getByLabel("Target audience").fill(BRIEF.target_audience);
  await page.getByLabel("Goals").fill(BRIEF.goals);
  await page.getByRole("button", { name: "Generate strategy" }).click();
  await page.waitForURL(/\/strategies\/[0-9a-f-]{36}$/);
}

describe("content plan in the browser", () => {
  it("makes a plan, refuses an X post past the limit with a visible error, approves, and exports ICS and CSV that parse", async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await makeStrategy(page);

    await page.getByRole("link", { name: /^Content plan/ }).click();
    await page.waitForURL(/\/plan$/);
    await page.getByLabel("Weeks").selectOption("1");
    await page.getByRole("button", { name: "Write the plan" }).click();
    await page.getByText(/^\d+ posts over 1 week from/).waitFor();

    // The week view: choose a post in the calendar with the keyboard, and its preview opens beside it.
    const firstChip = page.locator(".plan-chip").first();
    await firstChip.focus();
    await page.keyboard.press("Enter");
    await page.locator(".plan-selected .plan-post").waitFor();

    await page.getByRole("radio", { name: "Agenda" }).check();
    await page.locator('.plan-chip[data-platform="x"]').first().click();
    const xPost = page.locator(".plan-selected .plan-post");
    expect(await xPost.locator(".plan-platform").textContent()).toBe("X");
    const caption = xPost.getByLabel(/^Caption/);
    await caption.fill("A caption far too long for X. ".repeat(11));
    const error = xPost.getByRole("alert");
    await expect.poll(() => error.allTextContents()).toEqual([expect.stringMatching(/^Too long: \d+ characters? over the limit of 280 for X\.$/)]);
    expect(await caption.getAttribute("aria-invalid")).toBe("true");
    expect(await xPost.locator(".plan-counter").textContent()).toMatch(/^\d{3} \/ 280 characters for X, hashtags included$/);
    // Save stays disabled while the post breaks the platform's rule (the agent refuses it too: tested in the agent).
    expect(await xPost.getByRole("button", { name: "Save" }).isDisabled()).toBe(true);
    await xPost.getByRole("button", { name: "Discard changes" }).click();

    await page.locator(".plan-chip").nth(1).click();
    const other = page.locator(".plan-selected .plan-post");
    await other.getByRole("button", { name: "Approve" }).click();
    await other.getByRole("status").filter({ hasText: "Approved" }).waitFor();
    await expect.poll(() => page.locator(".plan-chip.approved").count()).toBe(1);

    expect(await snapBothWidths(page, "content-plan")).toBe(0);

    const [ics] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export calendar (ICS)" }).click()]);
    expect(ics.suggestedFilename()).toBe("quill-labs-plan.ics");
    const calendar = new ICAL.Component(ICAL.parse(await saved(ics)));
    const events = calendar.getAllSubcomponents("vevent").map((event) => new ICAL.Event(event));
    const posts = await page.locator(".plan-chip").count();
    expect(events).toHaveLength(posts);
    expect(events.every((event) => event.uid.endsWith("@strategist"))).toBe(true);

    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
    expect(csv.suggestedFilename()).toBe("quill-labs-plan.csv");
    const rows = parseCsv(await saved(csv), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(posts);
    expect(rows.filter((row) => row.status === "approved")).toHaveLength(1);
    // Captions read like posts: never empty, never cut with an ellipsis (the brand is named where it reads well, not in every caption).
    expect(rows.every((row) => row.caption!.trim().length > 0 && !row.caption!.includes("…"))).toBe(true);

    // An article becomes drafts in the plan: pasted text, the posts shown as they are written, then in the list.
    const article = [
      "Small studios win clients by publishing one honest case study every month.",
      "A case study that names the problem, the constraint and the result is shared three times more often.",
      "Clients read the first two sentences, so the result belongs at the top of the page.",
    ].join("\n\n");
    await page.getByRole("radio", { name: "Paste the text" }).check();
    await page.getByLabel("Title", { exact: true }).fill("Notes from the studio");
    await page.getByLabel("Article text").fill(article);
    await page.getByLabel("Posts (optional)").selectOption("2");
    await page.getByRole("button", { name: "Add posts", exact: true }).click();
    await page.getByText(/^2 drafts added from “Notes from the studio”\.$/).waitFor();
    const planPath = new URL(page.url()).pathname.replace(/^\/strategies\//u, "/api/strategy/");
    await expect.poll(async () => ((await (await page.request.get(`${stack.webUrl}${planPath}`)).json()) as { posts: unknown[] }).posts.length).toBe(posts + 2);
    await context.close();
  }, 120_000);
});
