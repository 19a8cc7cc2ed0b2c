import type { Browser, Page } from "playwright-core";
import { StrategyRecord } from "@strategist/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, snapBothWidths } from "./browser";
import { startStack, type Stack } from "./stack";

let stack: Stack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const BRIEF = {
  brand_name: "Harbor Bakery",
  industry: "Artisan bakery",
  target_audience: "Families in Portland who buy fresh bread on weekends",
  goals: "Sell out the Saturday sourdough and grow the newsletter",
};

describe("images from visual prompts", () => {
  it(
    "generates an image from a visual prompt and shows it on the strategy page, with its prompt as alt text and a download",
    { timeout: 120_000 },
    async () => {
      const problems: string[] = [];
      page.on("console", (message) => (message.type() === "error" ? problems.push(message.text()) : undefined));
      page.on("response", (response) => (response.status() >= 400 ? problems.push(`${response.status()} ${response.url()}`) : undefined));

      await page.goto(`${stack.webUrl}/signup`);
      await page.getByLabel("Work email").fill("painter@example.com");
      await page.getByLabel("Password").fill("correct horse 42");
      await page.getByRole("button", { name: "Create account" }).click();
      await page.waitForURL("**/strategies/new");
      for (const [field, label] of [
        ["brand_name", "Brand name"],
        ["industry", "Industry"],
        ["target_audience", "Target audience"],
        ["goals", "Goals"],
      ] as const) {
        await page.getByLabel(label).fill(BRIEF[field]);
      }
      await page.getByRole("button", { name: "Generate strategy" }).click();
      await page.waitForURL(/\/strategies\/[0-9a-f-]{36}$/);
      const id = page.url().split("/").pop()!;
      const strategy = StrategyRecord.parse(await page.evaluate(async (strategyId) => (await fetch(`/api/strategy/${strategyId}`)).json(), id));
      const prompt = strategy.strategy_output.visual_prompts[0]!;

      const first = page.getByTestId("image-prompt-0");
      await first.getByRole("button", { name: "Generate image" }).click();
      const image = first.getByRole("img", { name: prompt });
      await image.waitFor({ timeout: 30_000 });
      await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth), { timeout: 10_000 }).toBe(512);
      expect(await image.getAttribute("src")).toMatch(/^\/api\/images\/jobs\/[0-9a-f-]{36}\/content$/);
      const download = first.getByRole("link", { name: "Download image" });
      const downloaded = await page.evaluate(
        async (href) => {
          const response = await fetch(href!);
          return {
            status: response.status,
            type: response.headers.get("content-type"),
            disposition: response.headers.get("content-disposition"),
            bytes: (await response.arrayBuffer()).byteLength,
          };
        },
        await download.getAttribute("href"),
      );
      expect(downloaded).toMatchObject({ status: 200, type: "image/png" });
      expect(downloaded.disposition).toContain("attachment");
      expect(downloaded.bytes).toBeGreaterThan(1000);
      // The other prompts still offer theirs.
      expect(await page.getByTestId("image-prompt-1").getByRole("button", { name: "Generate image" }).isVisible()).toBe(true);

      // After a reload the finished image is still there, loaded from the strategy's job list.
      await page.reload();
      await page.getByTestId("image-prompt-0").getByRole("img", { name: prompt }).waitFor();
      expect(await snapBothWidths(page, "20-strategy-images")).toBe(0);
      expect(problems).toEqual([]);
    },
  );
});
