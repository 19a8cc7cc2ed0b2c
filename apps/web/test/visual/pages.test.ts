import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { launchBrowser, WIDTHS } from "../e2e/browser";
import { startStack, type Stack } from "../e2e/stack";

/**
 * Full-page screenshots of every page a user sees, at 1280 and 375 px, into $SCREENSHOTS_DIR. Runs only when
 * that variable is set: `SCREENSHOTS_DIR=/some/dir pnpm --filter @strategist/web exec vitest run test/visual`.
 * The data is deterministic: the offline model, fixed brief and brand, a fixed plan start date and zone, and a
 * browser clock frozen at one instant.
 */
const OUT = process.env.SCREENSHOTS_DIR;

/** The instant the browser believes it is (dates the server writes still come from the real clock). */
const FROZEN_NOW = new Date("2027-01-04T09:00:00Z");
const PLAN_START = "2027-01-04";

const ACCOUNT = { email: "visual@example.com", password: "correct horse 42" };
const BRAND = {
  name: "Juniper Coffee Roasters",
  industry: "Specialty coffee",
  audience: "Young professionals in Austin who care where their coffee comes from",
  goals: "Grow online bean subscriptions",
};

let stack: Stack;
let browser: Browser;

describe.skipIf(!OUT)("screenshots of every page", () => {
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function newContext(): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: WIDTHS.desktop, timezoneId: "UTC", locale: "en-US", reducedMotion: "reduce" });
    await context.clock.setFixedTime(FROZEN_NOW);
    return context;
  }

  /** Opens the page fresh at each width (so width-dependent first renders match a real visit) and saves both. */
  async function snap(page: Page, path: string, name: string) {
    for (const [label, viewport] of [
      ["1280", WIDTHS.desktop],
      ["375", WIDTHS.mobile],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.goto(`${stack.webUrl}${path}`, { waitUntil: "networkidle" });
      await page.evaluate(() => document.fonts.ready);
      // No caret blinking or focus ring left over from navigation.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.screenshot({ path: join(OUT!, `${name}-${label}.png`), fullPage: true, animations: "disabled", caret: "hide" });
    }
    await page.setViewportSize(WIDTHS.desktop);
  }

  it("signs in with a brand, a strategy and its plan, and shoots each page", { timeout: 240_000 }, async () => {
    mkdirSync(OUT!, { recursive: true });
    const anonymous = await (await newContext()).newPage();
    await snap(anonymous, "/", "01-landing-signed-out");
    await snap(anonymous, "/login", "02-login");
    await snap(anonymous, "/signup", "03-signup");

    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${stack.webUrl}/signup`);
    await page.getByLabel("Work email").fill(ACCOUNT.email);
    await page.getByLabel("Password").fill(ACCOUNT.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL("**/strategies/new");

    await page.goto(`${stack.webUrl}/brands/new`);
    await page.getByLabel("Brand name").fill(BRAND.name);
    await page.getByLabel("Industry").fill(BRAND.industry);
    await page.getByLabel("Target audience").fill(BRAND.audience);
    await page.getByLabel("Goals (optional)").fill(BRAND.goals);
    for (const [itemName, value] of [
      ["tone word", "warm"],
      ["banned word", "cheap"],
      ["hashtag", "JuniperBrew"],
    ] as const) {
      const input = page.getByLabel(`Add ${itemName}`, { exact: true });
      await input.fill(value);
      await input.press("Enter");
    }
    await page.getByLabel("Time zone (optional)").fill("America/Chicago");
    await page.getByRole("button", { name: "Create brand" }).click();
    await page.waitForURL(/\/brands\/[^/]+\?created=1$/);
    const brandPath = new URL(page.url()).pathname;

    await page.getByRole("link", { name: "New strategy for this brand" }).click();
    await page.waitForURL("**/strategies/new?brand=*");
    await page.waitForFunction(() => (document.getElementById("brand_name") as HTMLInputElement | null)?.value !== "");
    await page.getByLabel("Goals").fill("Double online bean subscriptions");
    await page.getByRole("button", { name: "Generate strategy" }).click();
    await page.waitForURL(/\/strategies\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    const strategyPath = new URL(page.url()).pathname;

    await page.goto(`${stack.webUrl}${strategyPath}/plan`);
    await page.getByLabel("Weeks").selectOption("1");
    await page.getByLabel(/Start date/).fill(PLAN_START);
    await page.getByLabel("Time zone").fill("UTC");
    await page.getByRole("button", { name: "Write the plan" }).click();
    await page.getByText(/^\d+ posts over 1 week from/).waitFor();

    await snap(page, "/", "04-landing-signed-in");
    await snap(page, "/strategies", "05-strategies");
    await snap(page, "/strategies/new", "06-new-strategy");
    await snap(page, strategyPath, "07-strategy");
    await snap(page, `${strategyPath}/plan`, "08-plan");
    await snap(page, "/brands", "09-brands");
    await snap(page, "/brands/new", "10-new-brand");
    await snap(page, brandPath, "11-brand");
  });
});
