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

/** A word the offline model's templates use for a coffee brand ("Community and local partnerships"…). */
const BANNED = "community";

/** Types a value into a chip editor and presses Enter, as a keyboard user does; `shown` is the chip it becomes. */
async function addChip(page: Page, itemName: string, value: string, shown = value) {
  const input = page.getByLabel(`Add ${itemName}`, { exact: true });
  await input.fill(value);
  await input.press("Enter");
  await page.getByRole("button", { name: `Remove ${itemName} ${shown}` }).waitFor();
}

describe("brand profiles in the browser", () => {
  it("creates a brand with a banned word, generates with it, shows the brand on the strategy, and the word is absent", { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ viewport: WIDTHS.desktop });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });

    await page.goto(`${stack.webUrl}/signup`);
    await page.getByLabel("Work email").fill("brands@example.com");
    await page.getByLabel("Password").fill("brand voice 2026");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL("**/strategies/new");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Brands" }).click();
    await page.waitForURL("**/brands");
    await page.getByRole("link", { name: "New brand" }).first().click();
    await page.waitForURL("**/brands/new");
    await page.getByLabel("Brand name").fill("Juniper Coffee Roasters");
    await page.getByLabel("Industry").fill("Specialty coffee");
    await page.getByLabel("Target audience").fill("Young professionals in Austin who care where their coffee comes from");
    await page.getByLabel("Goals (optional)").fill("Grow online bean subscriptions");
    await addChip(page, "tone word", "formal");
    await addChip(page, "banned word", BANNED);
    await addChip(page, "hashtag", "JuniperBrew", "#JuniperBrew");
    expect(await snapBothWidths(page, "brands-01-new-brand")).toBeLessThanOrEqual(0);
    await page.getByLabel("Time zone (optional)").fill("America/Chicago");
    await page.getByRole("button", { name: "Create brand" }).click();
    await page.waitForURL(/\/brands\/[^/]+\?created=1$/);
    const brandUrl = page.url().replace(/\?created=1$/, "");

    await page.getByRole("link", { name: "New strategy for this brand" }).click();
    await page.waitForURL("**/strategies/new?brand=*");
    await page.waitForFunction(() => (document.getElementById("brand_name") as HTMLInputElement | null)?.value === "Juniper Coffee Roasters");
    expect(await page.getByLabel("Brand profile").inputValue()).not.toBe("");
    await page.getByRole("button", { name: "Generate strategy" }).click();
    await page.waitForURL(/\/strategies\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    const strategyUrl = page.url();

    const note = page.getByRole("complementary", { name: /Written for the brand profile/ });
    await note.waitFor();
    expect(await note.innerText()).toContain("Juniper Coffee Roasters");
    expect(await note.innerText()).toContain(`Banned words (never used): ${BANNED}`);
    // What the model wrote: the article without the page's own headings and section introductions.
    const strategyText = await page.locator("article").evaluate((article) => {
      const copy = article.cloneNode(true) as HTMLElement;
      for (const chrome of copy.querySelectorAll(".section-intro, h2, nav")) chrome.remove();
      return copy.innerText || copy.textContent || "";
    });
    expect(strategyText).toContain("Juniper Coffee Roasters");
    expect(strategyText).toMatch(/We recommend that you/);
    expect(strategyText).not.toMatch(new RegExp(`(?<![\\p{L}\\p{N}])${BANNED}(?![\\p{L}\\p{N}])`, "iu"));
    expect(await snapBothWidths(page, "brands-02-strategy-with-voice")).toBeLessThanOrEqual(0);

    // Its plan is written in the brand's time zone unless the user picks another.
    await page.goto(`${strategyUrl}/plan`);
    expect(await page.getByLabel("Time zone").inputValue()).toBe("America/Chicago");
    expect(await page.getByText("The brand's time zone", { exact: true }).filter({ visible: true }).count()).toBeGreaterThan(0);

    await page.goto(brandUrl);
    await page.getByRole("button", { name: "Delete brand" }).click();
    const dialog = page.getByRole("alertdialog");
    expect(await dialog.innerText()).toContain("Strategies already written for it are kept");
    await page.keyboard.press("Escape");
    expect(await page.getByRole("alertdialog").count()).toBe(0);
    await page.getByRole("button", { name: "Delete brand" }).click();
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await page.waitForURL("**/brands?deleted=1");
    expect(await page.getByRole("heading", { name: "No brands yet" }).count()).toBe(1);

    await page.goto(strategyUrl);
    expect(await page.getByRole("complementary", { name: /Written for the brand profile/ }).innerText()).toContain(BANNED);
    expect(problems).toEqual([]);
    await context.close();
  });
});
