import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import type { Browser, Locator } from "playwright-core";
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

const BRAND = {
  name: "Tidewater Kayaks",
  industry: "Guided kayak tours",
  audience: "Adventurous families and couples visiting the coast",
  goals: "Fill weekday tours in the shoulder season",
};

/**
 * Counts what the marketer does: every click, fill and select goes through here, so the count is the journey's
 * length in actions (waiting and reading are free).
 */
function counter() {
  let actions = 0;
  return {
    get count() {
      return actions;
    },
    click: async (target: Locator) => {
      actions++;
      await target.click();
    },
    fill: async (target: Locator, value: string) => {
      actions++;
      await target.fill(value);
    },
  };
}

const inViewport = (target: Locator) =>
  target.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.top < window.innerHeight && box.height > 0;
  });

describe("the plan workspace", () => {
  it(
    "a new account goes from brand to an approved two-week plan with pictures and a calendar export in at most 25 actions and under 3 minutes",
    { timeout: 240_000 },
    async () => {
      const started = Date.now();
      const context = await browser.newContext({ acceptDownloads: true, viewport: WIDTHS.desktop, timezoneId: "Europe/Paris" });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("pageerror", (error) => problems.push(error.message));
      const act = counter();

      await page.goto(`${stack.webUrl}/signup`);
      await act.fill(page.getByLabel("Work email"), "planner@example.com");
      await act.fill(page.getByLabel("Password"), "correct horse 42");
      await act.click(page.getByRole("button", { name: "Create account" }));
      await page.waitForURL("**/strategies/new");

      await act.click(page.getByRole("link", { name: "Brands" }));
      await page.waitForURL("**/brands");
      await act.click(page.getByRole("link", { name: /^(New brand|Create your first brand)$/ }).first());
      await page.waitForURL("**/brands/new");
      await act.fill(page.getByLabel("Brand name"), BRAND.name);
      await act.fill(page.getByLabel("Industry"), BRAND.industry);
      await act.fill(page.getByLabel("Target audience"), BRAND.audience);
      await act.fill(page.getByLabel("Goals (optional)"), BRAND.goals);
      await act.click(page.getByRole("button", { name: "Create brand" }));
      await page.waitForURL(/\/brands\/[^/]+\?created=1$/);
      await act.click(page.getByRole("link", { name: "New strategy for this brand" }));
      await page.waitForFunction(() => (document.getElementById("goals") as HTMLTextAreaElement | null)?.value !== "");
      await act.click(page.getByRole("button", { name: "Generate strategy" }));
      await page.waitForURL(/\/strategies\/[0-9a-f-]{36}$/, { timeout: 60_000 });

      // The plan is on the first screen of the strategy, and in the navigation.
      const planLink = page.getByRole("link", { name: /^Content plan/ });
      expect(await inViewport(planLink)).toBe(true);
      expect(await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Plan" }).isVisible()).toBe(true);

      // Refine once, then draw a picture: the page follows the new job until the image shows.
      await act.fill(page.getByLabel("Ask for a change"), "Make the tone more playful and relaxed");
      await act.click(page.getByRole("button", { name: "Send" }));
      // As a person would: as soon as the revision is announced, while the page is still reloading the strategy.
      await page.getByRole("status").filter({ hasText: "Version 2 is ready." }).waitFor({ timeout: 30_000 });
      const firstPrompt = page.getByTestId("image-prompt-0");
      await act.click(firstPrompt.getByRole("button", { name: "Generate image" }));
      await firstPrompt.getByRole("img").waitFor({ timeout: 20_000 });
      await page.getByText("Version 2, updated").waitFor();

      await act.click(planLink);
      await page.waitForURL(/\/plan$/);
      // The time zone comes from a list of IANA names.
      // The list fills from the browser's own zones when the field is first focused.
      await page.getByRole("combobox", { name: /^Time zone/ }).focus();
      await expect.poll(() => page.locator("datalist option").count(), { timeout: 30_000 }).toBeGreaterThan(100);
      const zones = await page.locator("datalist option").evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
      expect(zones.length).toBeGreaterThan(100);
      expect(zones).toContain("America/Chicago");
      await act.click(page.getByRole("button", { name: "Write the plan" }));
      await page.getByText(/^\d+ posts over 2 weeks from/).waitFor({ timeout: 60_000 });
      const chips = page.locator(".plan-chip");
      const total = Number((await page.locator(".plan-summary").textContent())!.match(/^(\d+) posts/)![1]);

      // Every post gets a picture, then every post is approved, in one click each.
      await act.click(page.getByRole("button", { name: "Generate all images" }));
      await expect.poll(() => page.getByRole("button", { name: "Generate all images" }).isDisabled()).toBe(true);
      await expect.poll(() => page.locator(".plan-chip-thumb").count(), { timeout: 60_000 }).toBe(await chips.count());
      await act.click(page.getByRole("button", { name: "Approve all" }));
      await page.getByText(`${total} of ${total} approved`).waitFor();

      const [download] = await Promise.all([page.waitForEvent("download"), act.click(page.getByRole("link", { name: "Export calendar (ICS)" }))]);
      const calendar = new ICAL.Component(ICAL.parse(readFileSync((await download.path())!, "utf8")));
      const events = calendar.getAllSubcomponents("vevent").map((event) => new ICAL.Event(event));
      expect(events).toHaveLength(total);
      const plan = (await page.evaluate(
        async (path) => (await fetch(path)).json(),
        new URL(page.url()).pathname.replace(/^\/strategies/, "/api/strategy"),
      )) as {
        posts: { id: string; pillar: string; status: string }[];
      };
      expect(plan.posts.every((post) => post.status === "approved")).toBe(true);
      for (const post of plan.posts) expect(events.find((event) => event.uid.startsWith(post.id))?.description).toContain(post.pillar);

      expect(act.count).toBeLessThanOrEqual(25);
      expect(Date.now() - started).toBeLessThan(180_000);
      console.info(`plan journey: ${act.count} actions, ${Math.round((Date.now() - started) / 1000)} s`);
      expect(problems).toEqual([]);

      // Calendar entries tell platforms apart by mark and colour.
      const marks = await page
        .locator(".plan-chip .platform-mark")
        .evaluateAll((elements) => elements.map((element) => `${element.textContent} ${getComputedStyle(element).backgroundColor}`));
      expect(new Set(marks).size).toBeGreaterThan(1);

      // The selected post shows its preview with its picture, a date-and-time field and a rewrite that takes an instruction.
      await chips.first().click();
      const editor = page.locator(".plan-selected .plan-post");
      await editor
        .getByRole("figure", { name: /^Preview on / })
        .getByRole("img")
        .waitFor();
      expect(await editor.getByLabel(/^Publish on/).getAttribute("type")).toBe("datetime-local");
      const instruction = editor.getByLabel("Your instruction");
      await instruction.fill("End with a question about paddling");
      await editor.getByRole("button", { name: "Rewrite", exact: true }).click();
      await editor.getByRole("status").filter({ hasText: "Rewritten" }).waitFor();
      // Three alternatives to choose from; choosing the second puts it in place.
      const alternatives = editor.getByRole("region", { name: "Alternatives" }).getByRole("listitem");
      expect(await alternatives.count()).toBe(3);
      const second = (await alternatives.nth(1).locator("p").textContent())!;
      await editor.getByRole("button", { name: "Use alternative 2" }).click();
      await editor.getByRole("status").filter({ hasText: "Alternative chosen" }).waitFor();
      expect(await editor.getByLabel(/^Caption/).inputValue()).toBe(second);
      await editor.getByRole("button", { name: "Undo" }).click();
      await editor.getByRole("status").filter({ hasText: "Undone" }).waitFor();

      // Switching posts keeps unsaved typing; saving says "Saved".
      const caption = editor.getByLabel(/^Caption/);
      await caption.fill("Sunrise paddles are back on weekdays.");
      await chips.nth(1).click();
      await chips.first().click();
      expect(await caption.inputValue()).toBe("Sunrise paddles are back on weekdays.");
      await editor.getByRole("button", { name: "Save" }).click();
      await editor.getByRole("status").filter({ hasText: "Saved" }).waitFor();

      // A new plan over approved posts asks first; Cancel keeps them.
      await page.getByRole("button", { name: "Write a new plan" }).click();
      const dialog = page.getByRole("alertdialog", { name: "Replace this plan?" });
      await dialog.waitFor();
      await dialog.getByRole("button", { name: "Cancel" }).click();
      expect(await page.getByText(`${total} of ${total} approved`).isVisible()).toBe(true);

      expect(await snapBothWidths(page, "plan-workspace")).toBe(0);

      // At 375 px the plan is an agenda and a tapped post opens its editor over it.
      const phone = await browser.newContext({ viewport: WIDTHS.mobile, hasTouch: true, isMobile: true, storageState: await context.storageState() });
      const small = await phone.newPage();
      await small.goto(page.url());
      await small.locator(".plan-agenda .plan-chip").first().tap();
      const sheet = small.getByRole("dialog", { name: "Edit post" });
      await sheet.waitFor();
      expect(await inViewport(sheet.getByLabel(/^Caption/))).toBe(true);
      await phone.close();
      await context.close();
    },
  );
});
