import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

/** How Chromium reports a Content-Security-Policy violation on the console. */
const CSP_VIOLATION = /Content Security Policy/i;

export class CspViolationError extends Error {
  override name = "CspViolationError";
}

/** CSP violations seen since the last check, by any browser this file launched. */
const violations: string[] = [];

/** Hands over (and forgets) the violations seen so far: for a test that provokes one on purpose. */
export function takeCspViolations(): string[] {
  return violations.splice(0);
}

function takeViolations(): void {
  if (violations.length === 0) return;
  const seen = violations.splice(0);
  throw new CspViolationError(`Content-Security-Policy violations:\n${seen.join("\n")}`);
}

// Registered at the top level of each e2e file that imports this helper: the test during which a
// violation was logged fails.
afterEach(takeViolations);

/**
 * Debian's Chromium, never a downloaded browser; flags that work as root in a container. Every page of
 * every context is watched for Content-Security-Policy violations: the test that caused one fails,
 * and `close()` throws for any reported after the last test, so no e2e file passes with a violation.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    env: { ...process.env, XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), "chromium-config-")) },
  });
  const watch = async (context: BrowserContext) => {
    context.on("console", (message) => {
      if (CSP_VIOLATION.test(message.text())) violations.push(`${message.page()?.url() ?? "?"}: ${message.text()}`);
    });
    // Chromium's own "Refused to …" lines are not always console API calls; the DOM event always fires.
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) =>
        console.error(`Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`),
      );
    });
    return context;
  };
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => watch(await newContext(options));
  browser.newPage = async (options) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    // Like Browser.newPage: closing the page closes its own context. When the whole browser is closing, the
    // context is already gone and that close() rejects: nothing is left to clean up then.
    page.on("close", () => void context.close().catch(() => undefined));
    return page;
  };
  const close = browser.close.bind(browser);
  browser.close = async (options) => {
    await close(options);
    takeViolations();
  };
  return browser;
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
