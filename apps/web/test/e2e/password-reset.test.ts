import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD_CHANGED, RESET_LINK_INVALID, RESET_REQUESTED } from "@/account/copy";
import { launchBrowser, WIDTHS } from "./browser";
import { startStack, type Stack } from "./stack";

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  // NODE_ENV=test: the web's development mailer, which logs the reset link (production never does).
  [stack, browser] = await Promise.all([startStack({ webEnv: { NODE_ENV: "test" } }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const ACCOUNT = { email: "forgetful@example.com", password: "correct horse 42" };
const NEW_PASSWORD = "battery staple 77";

async function logIn(page: Page, password: string) {
  await page.getByLabel("Work email").fill(ACCOUNT.email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

/** The reset links the web logged for an email, oldest first. */
function loggedLinks(email: string): string[] {
  return stack
    .webLog()
    .split("\n")
    .flatMap((line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; email?: string; url?: string };
        return entry.msg === "password reset link" && entry.email === email && entry.url ? [entry.url] : [];
      } catch {
        return [];
      }
    });
}

describe("a forgotten password", () => {
  it("is reset from the log-in page with the emailed link, and every device signed in before is signed out", { timeout: 120_000 }, async () => {
    const page = await (await browser.newContext({ viewport: WIDTHS.desktop })).newPage();
    await page.goto(`${stack.webUrl}/signup`);
    await page.getByLabel("Work email").fill(ACCOUNT.email);
    await page.getByLabel("Password").fill(ACCOUNT.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL("**/strategies/new");
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL("**/login");

    // Another browser, signed in before the reset.
    const older = await (await browser.newContext({ viewport: WIDTHS.desktop })).newPage();
    await older.goto(`${stack.webUrl}/login`);
    await logIn(older, ACCOUNT.password);
    await older.waitForURL((url) => url.pathname !== "/login");
    await older.goto(`${stack.webUrl}/strategies`);
    expect(new URL(older.url()).pathname).toBe("/strategies");
    const olderToken = (await older.context().cookies()).find((cookie) => cookie.name === "strategist_session")!.value;
    const atAgent = async () => (await fetch(`${stack.agentUrl}/api/strategy/list`, { headers: { authorization: `Bearer ${olderToken}` } })).status;
    expect(await atAgent()).toBe(200);

    await page.getByRole("link", { name: "Forgot password?" }).click();
    await page.waitForURL("**/forgot-password");
    await page.getByLabel("Work email").fill(ACCOUNT.email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    expect(await page.getByRole("status").textContent()).toBe(RESET_REQUESTED);

    await expect.poll(() => loggedLinks(ACCOUNT.email).length, { timeout: 10_000 }).toBe(1);
    const [link] = loggedLinks(ACCOUNT.email);
    expect(link).toMatch(new RegExp(`^${stack.webUrl}/reset-password\\?token=[A-Za-z0-9_-]{43}$`));

    await page.goto(link!);
    // The token leaves the address bar once the page has it.
    await expect.poll(() => new URL(page.url()).search).toBe("");
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Confirm new password").fill("battery staple 78");
    await page.getByRole("button", { name: "Change password" }).click();
    expect(await page.locator("#confirm-error").textContent()).toBe("The passwords do not match");
    await page.getByLabel("Confirm new password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    expect(await page.getByRole("status").locator("p").first().textContent()).toBe(PASSWORD_CHANGED);

    // The older browser's session ended with the reset: its next page sends it to log in.
    await older.goto(`${stack.webUrl}/strategies`);
    expect(new URL(older.url()).pathname).toBe("/login");
    // A copy of its token is refused by the agent too, which checks the same sessions table.
    expect(await atAgent()).toBe(401);

    // The old password no longer works; the new one does.
    await page.getByRole("link", { name: "Log in with your new password" }).click();
    await page.waitForURL("**/login");
    await logIn(page, ACCOUNT.password);
    // (Next's route announcer is an alert too: the form's own is `.alert.error`.)
    expect(await page.locator(".alert.error[role=alert]").textContent()).toContain("Incorrect email or password");
    await logIn(page, NEW_PASSWORD);
    await page.waitForURL((url) => url.pathname !== "/login");

    // The link was used up.
    const again = await (await browser.newContext({ viewport: WIDTHS.desktop })).newPage();
    await again.goto(link!);
    await again.getByLabel("New password", { exact: true }).fill("another pass 99");
    await again.getByLabel("Confirm new password").fill("another pass 99");
    await again.getByRole("button", { name: "Change password" }).click();
    expect(await again.locator(".alert.error[role=alert]").textContent()).toContain(RESET_LINK_INVALID);
    expect(await again.getByRole("link", { name: "Request a new link" }).getAttribute("href")).toBe("/forgot-password");
  });
});
