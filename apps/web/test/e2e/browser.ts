import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

/** Debian's Chromium, never a downloaded browser; flags that work as root in a container. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    env: { ...process.env, XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), "chromium-config-")) },
  });
}

export const ARTIFACTS = join(import.meta.dirname, "../../artifacts");
export const WIDTHS = { desktop: { width: 1280, height: 800 }, mobile: { width: 375, height: 812 } } as const;

/**
 * Screenshots the page at both widths into artifacts/, and checks nothing scrolls sideways at 375 px.
 * Returns the horizontal overflow at the small width (0 when the layout fits).
 */
export async function snapBothWidths(page: Page, name: string): Promise<number> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize(WIDTHS.mobile);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await page.screenshot({ path: join(ARTIFACTS, `${name}-375.png`), fullPage: true });
  await page.setViewportSize(WIDTHS.desktop);
  return overflow;
}
