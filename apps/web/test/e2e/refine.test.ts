import type { Browser } from "playwright-core";
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

const ACCOUNT = { email: "rita@example.com", password: "refine me please 9" };
const BRIEF = {
  brand_name: "Harbor Yoga",
  industry: "Yoga studio",
  target_audience: "Busy parents in Portland who want calm mornings",
  goals: "Fill the 6 am classes",
};

describe("refining a strategy in the browser", () => {
  it("generates, refines by chat, compares the versions, restores version 1 and deletes the strategy", { timeout: 180_000 }, async () => {
    const context = await browser.newContext({ viewport: WIDTHS.desktop });
    const page = await context.newPage();

    await page.goto(`${stack.webUrl}/signup`);
    await page.getByLabel("Work email").fill(ACCOUNT.email);
    await page.getByLabel("Password").fill(ACCOUNT.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL("**/strategies/new");
    await page.getByLabel("Brand name").fill(BRIEF.brand_name);
    await page.getByLabel("Industry").fill(BRIEF.industry);
    await page.getByLabel("Target audience").fill(BRIEF.target_audience);
    await page.getByLabel("Goals").fill(BRIEF.goals);
    await page.getByRole("button", { name: "Generate strategy" }).click();
    await page.waitForURL(/\/strategies\/[0-9a-f-]{36}$/);
    const strategyUrl = page.url();

    // Refine by chat, with the keyboard only: the revision streams in and the assistant says what changed.
    await page.getByLabel("Ask for a change").fill("Add a pillar about sustainability and post daily");
    await page.getByLabel("Ask for a change").press("Tab");
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "Version 2 is ready." }).waitFor();
    const conversation = page.getByRole("list", { name: "Conversation" });
    await conversation.getByText('added the pillar "Sustainability"').waitFor();
    expect(await conversation.getByText("Add a pillar about sustainability and post daily").isVisible()).toBe(true);
    // The page shows the new version.
    await page.getByText("Version 2, updated").waitFor();
    expect(await page.locator("#pillars").textContent()).toContain("Sustainability");

    // The version pickers are labelled and only as wide as a version number needs.
    for (const label of ["Compare version", "with version"]) {
      expect(await page.getByLabel(label, { exact: true }).evaluate((select) => select.getBoundingClientRect().width)).toBeLessThan(120);
    }
    // Compare version 1 with version 2: the added pillar is marked in words, not only by colour.
    await page.getByLabel("Compare version").selectOption("1");
    await page.getByLabel("with version").selectOption("2");
    await page.getByRole("button", { name: "Compare" }).click();
    const comparison = page.locator(".comparison");
    await comparison.getByText("What changed from version 1 to version 2").waitFor();
    expect(await comparison.locator("ins", { hasText: "Added: Sustainability" }).count()).toBe(1);
    expect(await comparison.getByText("Before:").count()).toBeGreaterThan(0);
    expect(await snapBothWidths(page, "refine-compare")).toBeLessThanOrEqual(0);

    // The version switcher shows an earlier version as it was, without the change made since.
    await page.getByRole("button", { name: "View version 1" }).click();
    const earlier = page.locator(".version-view");
    await earlier.getByText("Version 1 as it was").waitFor();
    expect(await earlier.textContent()).not.toContain("Sustainability");
    await earlier.getByRole("button", { name: "Close version 1" }).click();
    expect(await page.locator(".version-view").count()).toBe(0);

    // Restore version 1, behind a confirmation: it becomes version 3 and version 2 stays in the history.
    const versions = page.getByRole("list").filter({ has: page.getByRole("button", { name: "View version 1" }) });
    expect(await versions.getByRole("listitem").count()).toBe(2);
    await page.getByRole("button", { name: "View version 2" }).click();
    await page.locator(".version-view").getByText("Version 2 as it was").waitFor();
    expect(await page.getByRole("button", { name: "Restore this version" }).count()).toBe(0);
    await page.getByRole("button", { name: "View version 1" }).click();
    await page.locator(".version-view").getByText("Version 1 as it was").waitFor();
    await page.getByRole("button", { name: "Restore this version" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Restore version 1?" });
    expect(await confirm.innerText()).toContain("as version 3");
    await confirm.getByRole("button", { name: "Restore version 1" }).click();
    await page.getByRole("status").filter({ hasText: "Restored version 1: it is now the latest, version 3." }).waitFor();
    await page.getByText("Version 3, updated").waitFor();
    expect(await page.locator("#pillars").textContent()).not.toContain("Sustainability");
    await versions.getByRole("listitem").nth(2).waitFor();
    expect(await versions.getByRole("listitem").first().innerText()).toContain("Version 3: Restored");
    expect(await versions.getByRole("listitem").first().innerText()).toContain("Restored version 1");
    expect(await snapBothWidths(page, "refine-restored")).toBeLessThanOrEqual(0);

    // Delete, behind a confirmation that takes the focus; Cancel keeps the strategy.
    await page.getByRole("button", { name: "Delete strategy" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Delete this strategy?" });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Cancel");
    await dialog.getByRole("button", { name: "Yes, delete it" }).click();
    await page.waitForURL("**/strategies");
    expect(await page.getByText(BRIEF.brand_name).count()).toBe(0);
    const gone = await page.goto(strategyUrl);
    expect(gone?.status()).toBe(404);
    await context.close();
  });
});
