import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, snapBothWidths, WIDTHS } from "./browser";
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

/** Casual posts: the heuristic suggests casual, friendly, playful and concise, rules, and #juniper. */
const SAMPLE = "Hey friends! ☕ Our Ethiopian roast is back, and it's gonna be awesome #juniper #brewday";

async function addChip(page: Page, itemName: string, value: string, shown = value) {
  const input = page.getByLabel(`Add ${itemName}`, { exact: true });
  await input.fill(value);
  await input.press("Enter");
  await page.getByRole("button", { name: `Remove ${itemName} ${shown}` }).waitFor();
}

/** The chips of one voice list, as shown. */
const chips = (page: Page, list: string) => page.getByRole("list", { name: list, exact: true }).locator(".chip span:not([aria-hidden])").allInnerTexts();

async function signUp(page: Page, email: string) {
  await page.goto(`${stack.webUrl}/signup`);
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill("voice merge 2026");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/strategies/new");
}

async function writeSample(page: Page, text: string) {
  await page.getByRole("button", { name: "Add a sample post" }).click();
  await page.getByLabel("Sample post 1").fill(text);
}

describe("voice suggestions merge item by item", () => {
  it("suggests from a sample post typed on a new brand form that was never saved", { timeout: 120_000 }, async () => {
    const page = await browser.newPage({ viewport: WIDTHS.desktop });
    await signUp(page, "voice-new@example.com");
    await page.goto(`${stack.webUrl}/brands/new`);
    expect(await page.getByRole("button", { name: "Suggest from my posts" }).isDisabled()).toBe(true);
    await writeSample(page, SAMPLE);
    await page.getByRole("button", { name: "Suggest from my posts" }).click();
    const review = page.getByRole("region", { name: "Suggested voice" });
    await review.waitFor();
    await review.getByRole("button", { name: "Accept tone word casual" }).waitFor();
    expect(await review.getByRole("button", { name: "Accept hashtag #juniper" }).count()).toBe(1);
    expect(page.url()).toMatch(/\/brands\/new$/);
    await page.close();
  });

  it("accepting one item and rejecting another keeps every item the brand had, through save and reload", { timeout: 180_000 }, async () => {
    const page = await browser.newPage({ viewport: WIDTHS.desktop });
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    await signUp(page, "voice-merge@example.com");
    await page.goto(`${stack.webUrl}/brands/new`);
    await page.getByLabel("Brand name").fill("Juniper Coffee Roasters");
    await page.getByLabel("Industry").fill("Specialty coffee");
    await page.getByLabel("Target audience").fill("Young professionals who care where their coffee comes from");
    for (const tone of ["warm", "honest", "quietly witty"]) await addChip(page, "tone word", tone);
    await addChip(page, "don't rule", "Mention discounts");
    await addChip(page, "hashtag", "Juniper", "#Juniper");
    await writeSample(page, SAMPLE);
    await page.getByRole("button", { name: "Create brand" }).click();
    await page.waitForURL(/\/brands\/[^/]+\?created=1$/);
    const brandUrl = page.url().replace(/\?created=1$/, "");
    const original = { Tone: ["warm", "honest", "quietly witty"], "Don't": ["Mention discounts"], Hashtags: ["#Juniper"] };

    await page.getByRole("button", { name: "Suggest from my posts" }).click();
    const review = page.getByRole("region", { name: "Suggested voice" });
    await review.waitFor();
    // The brand's own hashtag, spelled otherwise, is recognised and not offered again.
    expect(await review.innerText()).toContain("Already in your voice: #juniper");
    expect(await review.getByRole("button", { name: "Accept hashtag #juniper" }).count()).toBe(0);

    await review.getByRole("button", { name: "Accept tone word casual" }).click();
    await review.getByRole("button", { name: "Reject tone word friendly" }).click();
    await page.getByRole("status").filter({ hasText: "Rejected tone word friendly." }).waitFor();
    expect(await chips(page, "Tone")).toEqual([...original.Tone, "casual"]);
    expect(await review.getByRole("button", { name: /tone word (casual|friendly)$/ }).count()).toBe(0);

    // A full list says so beside the item and keeps offering it.
    await review.getByRole("button", { name: "Accept tone word playful" }).click();
    const stillOffered = review.getByRole("button", { name: /^Accept tone word / });
    expect(await stillOffered.count()).toBeGreaterThan(0);
    for (const accept of await stillOffered.all()) expect(await accept.isDisabled()).toBe(true);
    expect(await review.getByText("Tone is full (5 of 5)").count()).toBe(await stillOffered.count());
    expect(await snapBothWidths(page, "brands-03-voice-suggestion-review")).toBeLessThanOrEqual(0);

    for (const [list, items] of Object.entries(original)) expect(await chips(page, list)).toEqual(expect.arrayContaining(items));
    expect(await chips(page, "Don't")).toEqual(original["Don't"]);
    expect(await chips(page, "Hashtags")).toEqual(original.Hashtags);

    await page.getByRole("button", { name: "Save brand" }).click();
    await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    await page.goto(brandUrl);
    expect(await chips(page, "Tone")).toEqual([...original.Tone, "casual", "playful"]);
    expect(await chips(page, "Don't")).toEqual(original["Don't"]);
    expect(await chips(page, "Hashtags")).toEqual(original.Hashtags);
    expect(problems).toEqual([]);
    await page.close();
  });
});
