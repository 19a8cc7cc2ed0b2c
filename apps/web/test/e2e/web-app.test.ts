import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { StrategyRecord } from "@strategist/schemas";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markdownFileName } from "@/shared/markdown";
import { ARTIFACTS, launchBrowser, snapBothWidths, WIDTHS } from "./browser";
import { GENERATIONS_PER_MINUTE, startStack, type Stack } from "./stack";

const run = promisify(execFile);
let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const ANA = { email: "ana@example.com", password: "correct horse 42" };
const BOB = { email: "bob@example.com", password: "battery staple 7" };
const OLDER_BRIEF = {
  brand_name: "Fernwood Outfitters",
  industry: "Outdoor apparel",
  target_audience: "Weekend hikers in the Pacific Northwest",
  goals: "Launch the spring rain jacket line",
};
const BRIEF = {
  brand_name: "Juniper Coffee Roasters",
  industry: "Specialty coffee",
  target_audience: "Young professionals in Austin who care where their coffee comes from",
  goals: "Grow Instagram to 10k followers and double online bean subscriptions",
};

/**
 * Every console error and failed request a page produced: the product should produce none, except
 * while the test deliberately opens an error page.
 */
function watchForProblems(page: Page) {
  const watch = { problems: [] as string[], expectingErrorPage: false };
  page.on("console", (message) => {
    if (message.type() === "error" && !watch.expectingErrorPage) watch.problems.push(`console: ${message.text()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400 && !watch.expectingErrorPage) watch.problems.push(`${response.status()} ${response.url()}`);
  });
  return watch;
}

async function signUp(page: Page, account: { email: string; password: string }) {
  await page.goto(`${stack.webUrl}/signup`);
  await page.getByLabel("Work email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/strategies/new");
}

async function logIn(page: Page, account: { email: string; password: string }) {
  await page.getByLabel("Work email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Log in" }).click();
}

async function fillBrief(page: Page, brief: typeof BRIEF) {
  await page.getByLabel("Brand name").fill(brief.brand_name);
  await page.getByLabel("Industry").fill(brief.industry);
  await page.getByLabel("Target audience").fill(brief.target_audience);
  await page.getByLabel("Goals").fill(brief.goals);
}

async function logOut(page: Page) {
  await page.getByRole("button", { name: "Log out" }).click();
  await page.waitForURL("**/login");
}

describe("a marketer's journey through the web app", () => {
  it("signs up, creates strategies, reads and exports one, and keeps it private from another user", { timeout: 120_000 }, async () => {
    const started = performance.now();
    const overflow: Record<string, number> = {};
    const context = await browser.newContext({ viewport: WIDTHS.desktop, acceptDownloads: true });
    const page = await context.newPage();
    const watch = watchForProblems(page);

    await page.goto(stack.webUrl);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("social media strategy");
    overflow.landing = await snapBothWidths(page, "01-landing");

    // Visiting the history logged out sends the visitor to log in, and back afterwards.
    await page.goto(`${stack.webUrl}/strategies`);
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/strategies");
    overflow.login = await snapBothWidths(page, "02-login");

    await page.goto(`${stack.webUrl}/signup`);
    await page.getByLabel("Work email").fill(ANA.email);
    await page.getByLabel("Password").fill("tooshort");
    await page.getByRole("button", { name: "Create account" }).click();
    expect(await page.locator("#password-error").textContent()).toContain("at least 10 characters");
    overflow.signup = await snapBothWidths(page, "03-signup-error");
    await signUp(page, ANA);

    await page.goto(`${stack.webUrl}/strategies`);
    expect(await page.getByRole("heading", { name: "No strategies yet" }).isVisible()).toBe(true);
    overflow.emptyHistory = await snapBothWidths(page, "04-history-empty");

    // The browser checks the brief with the shared schema before anything is sent.
    await page.getByRole("link", { name: "Create your first strategy" }).click();
    await page.waitForURL("**/strategies/new");
    await page.getByLabel("Brand name").fill("   ");
    await page.getByRole("button", { name: "Generate strategy" }).click();
    expect(await page.locator("#brand_name-error").textContent()).toBe("Must not be empty or only whitespace");
    expect(await page.locator("#goals-error").textContent()).toBe("Must not be empty or only whitespace");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("brand_name");
    overflow.formErrors = await snapBothWidths(page, "05-new-strategy-errors");

    await fillBrief(page, OLDER_BRIEF);
    await page.getByRole("button", { name: "Generate strategy" }).click();
    await page.waitForURL(/\/strategies\/[0-9a-f-]{36}$/);

    // Hold the generation at the proxy for a moment so the working state can be seen and checked.
    await page.goto(`${stack.webUrl}/strategies/new`);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/strategy/generate/stream", async (route) => {
      await held;
      await route.continue();
    });
    await fillBrief(page, BRIEF);
    await page.getByRole("button", { name: "Generate strategy" }).click();
    await page.locator("#progress-title").waitFor();
    // The form gives way to the strategy's layout, every section waiting; a second submit has nothing to press.
    expect(await page.getByRole("button", { name: "Generate strategy" }).isVisible()).toBe(false);
    expect(await page.locator('section[data-state="waiting"]').count()).toBe(6);
    overflow.progress = await snapBothWidths(page, "06-new-strategy-progress");
    release();
    await page.waitForURL(/\/strategies\/[0-9a-f-]{36}$/);
    await page.unroute("**/api/strategy/generate/stream");
    const strategyUrl = page.url();
    const strategyId = strategyUrl.split("/").pop()!;

    // The page shows what the API stored, read here through the same proxy with the session cookie.
    const stored = StrategyRecord.parse(await page.evaluate(async (id) => (await fetch(`/api/strategy/${id}`)).json(), strategyId));
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(BRIEF.brand_name);
    expect(await page.locator(".badge.offline").first().textContent()).toBe("Offline model");
    for (const pillar of stored.strategy_output.content_pillars) expect(await page.getByText(pillar, { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.locator(".platform .badge").count()).toBe(stored.strategy_output.platform_recommendations.length);
    expect(await page.getByRole("button", { name: /^Copy visual prompt/ }).count()).toBe(stored.strategy_output.visual_prompts.length);
    overflow.detail = await snapBothWidths(page, "07-strategy-detail");

    // Print-to-PDF shows the strategy alone: no navigation, no buttons.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Export Markdown" }).isVisible()).toBe(false);
    expect(await page.getByRole("heading", { name: "Visual prompts" }).isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, "07-strategy-detail-print.png"), fullPage: true });
    await page.emulateMedia({ media: "screen" });

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export Markdown" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(markdownFileName(stored));
    const markdown = readFileSync(await file.path(), "utf8");
    expect(markdown.startsWith(`# Social media strategy: ${BRIEF.brand_name}\n`)).toBe(true);
    for (const item of [...stored.strategy_output.content_pillars, ...stored.strategy_output.engagement_tactics, ...stored.strategy_output.visual_prompts]) {
      expect(markdown).toContain(item);
    }

    // Newest first: the strategy just written leads the history.
    await page.getByRole("link", { name: "History" }).click();
    await page.waitForURL((url) => url.pathname === "/strategies");
    const titles = await page.locator(".history-card h2").allTextContents();
    expect(titles).toEqual([BRIEF.brand_name, OLDER_BRIEF.brand_name]);
    overflow.history = await snapBothWidths(page, "08-history");

    await logOut(page);
    await page.goto(strategyUrl);
    expect(new URL(page.url()).pathname).toBe("/login");

    // Another user who has the link sees the access-denied page, and the agent answered 403.
    await signUp(page, BOB);
    watch.expectingErrorPage = true;
    const denied = await page.goto(strategyUrl);
    expect(denied?.status()).toBe(403);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("This strategy belongs to someone else");
    expect(await page.getByText(BRIEF.goals).count()).toBe(0);
    overflow.denied = await snapBothWidths(page, "09-access-denied");
    const missing = await page.goto(`${stack.webUrl}/strategies/00000000-0000-4000-8000-000000000000`);
    expect(missing?.status()).toBe(404);
    watch.expectingErrorPage = false;
    await logOut(page);

    // The first user comes back and finds their history as they left it.
    await page.goto(`${stack.webUrl}/login?next=/strategies`);
    await logIn(page, ANA);
    await page.waitForURL((url) => url.pathname === "/strategies");
    expect(await page.locator(".history-card h2").allTextContents()).toEqual([BRIEF.brand_name, OLDER_BRIEF.brand_name]);

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`e2e journey: ${seconds} s (two users, two strategies, 9 pages at 1280 and 375 px)`);
    await context.close();

    expect(Object.entries(overflow).filter(([, pixels]) => pixels > 0)).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
});

describe("the documented curl flow", () => {
  it("runs exactly as written in docs/web.md: register, log in, generate, list, get", { timeout: 30_000 }, async () => {
    const docs = readFileSync(join(import.meta.dirname, "../../../../docs/web.md"), "utf8");
    const block = /<!-- curl-flow:start -->\n```bash\n([\s\S]*?)```\n<!-- curl-flow:end -->/.exec(docs)?.[1];
    expect(block).toBeDefined();
    const { stdout } = await run("bash", ["-euo", "pipefail", "-c", block!], { env: { ...process.env, BASE: stack.webUrl } });
    const id = /created ([0-9a-f-]{36})/.exec(stdout)?.[1];
    expect(id).toBeDefined();
    expect(stdout).toMatch(/"user":\{"id":"[0-9a-f-]{36}","email":"marketer@example.com"\}/);
    // After the id: the list (status line, headers, body) and then the single record, each naming it.
    const afterCreate = stdout.slice(stdout.indexOf(`created ${id}`));
    expect(afterCreate).toMatch(/HTTP\/1\.1 200/);
    expect(afterCreate).toContain(`[{"id":"${id}"`);
    expect(StrategyRecord.parse(JSON.parse(afterCreate.trim().split("\n").pop()!)).id).toBe(id);
  });
});

describe("account endpoints", () => {
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${stack.webUrl}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

  it("refuses a taken email with 409, whatever its case", async () => {
    await post("/api/auth/register", { email: "carol@example.com", password: "correct horse 42" });
    const again = await post("/api/auth/register", { email: " Carol@Example.com", password: "another pass 99" });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ detail: "An account with this email already exists" });
  });

  it("answers a wrong password and an unknown email with the same 401", async () => {
    const wrong = await post("/api/auth/login", { email: "carol@example.com", password: "wrong horse 42" });
    const unknown = await post("/api/auth/login", { email: "nobody@example.com", password: "wrong horse 42" });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it("names the field and the rule for a weak password", async () => {
    const weak = await post("/api/auth/register", { email: "dave@example.com", password: "aaaaaaaaaaaa" });
    expect(weak.status).toBe(400);
    expect(await weak.json()).toEqual({
      detail: "Validation error",
      errors: [{ field: "password", message: "Use at least 10 characters, mixing at least two of: letters, numbers, symbols" }],
    });
  });

  it("rejects state-changing requests from another site", async () => {
    const login = await post("/api/auth/login", { email: "carol@example.com", password: "correct horse 42" });
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const evil = { origin: "https://evil.example", cookie };
    expect((await post("/api/auth/login", { email: "carol@example.com", password: "correct horse 42" }, evil)).status).toBe(403);
    expect((await post("/api/strategy/generate", BRIEF, evil)).status).toBe(403);
    expect((await post("/api/auth/logout", {}, evil)).status).toBe(403);
    // The same cookie from our own origin works.
    expect((await post("/api/strategy/generate", BRIEF, { origin: stack.webUrl, cookie })).status).toBe(200);
  });

  it("sets an httpOnly, SameSite=Lax session cookie that the agent accepts, and clears it on log-out", async () => {
    const login = await post("/api/auth/login", { email: "carol@example.com", password: "correct horse 42" });
    const setCookie = login.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^strategist_session=[\w-]+\.[\w-]+\.[\w-]+;/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=lax/i);
    // Plain http on loopback: not Secure, or browsers that do not treat localhost as secure drop it.
    expect(setCookie).not.toMatch(/Secure/i);
    const { token } = (await login.json()) as { token: string };
    expect((await fetch(`${stack.agentUrl}/api/strategy/list`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const logout = await post("/api/auth/logout", {});
    expect(logout.status).toBe(204);
    expect(logout.headers.get("set-cookie")).toMatch(/^strategist_session=;.*Max-Age=0/i);
  });
});

describe("when the agent says no", () => {
  it("explains a rate limit in plain words and counts down to the retry; the long history pages with Load more", { timeout: 30_000 }, async () => {
    const signUp = await fetch(`${stack.webUrl}/api/auth/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "erin@example.com", password: "correct horse 42" }),
    });
    const { token } = (await signUp.json()) as { token: string };
    for (let used = 0; used < GENERATIONS_PER_MINUTE; used++) {
      const generated = await fetch(`${stack.webUrl}/api/strategy/generate`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ ...BRIEF, brand_name: `Brand ${used + 1}` }),
      });
      expect(generated.status).toBe(200);
    }
    const context = await browser.newContext({ viewport: WIDTHS.desktop });
    await context.addCookies([{ name: "strategist_session", value: token, url: stack.webUrl }]);
    const page = await context.newPage();
    await page.goto(`${stack.webUrl}/strategies/new`);
    await fillBrief(page, BRIEF);
    await page.getByRole("button", { name: "Generate strategy" }).click();
    const alert = page.locator(".alert.error");
    await alert.waitFor();
    expect(await alert.getByRole("heading").textContent()).toBe("You're creating strategies quickly");
    expect(await alert.textContent()).toMatch(/try again in \d+ seconds/);
    const retry = alert.getByRole("button", { name: /^Try again in \d+s$/ });
    expect(await retry.isDisabled()).toBe(true);
    // The brief is still there, ready for the retry.
    expect(await page.getByLabel("Goals").inputValue()).toBe(BRIEF.goals);
    await snapBothWidths(page, "10-rate-limited");

    // Newest first across pages: the first page, then "Load more" follows the agent's cursor to the end.
    await page.goto(`${stack.webUrl}/strategies`);
    const newestFirst = Array.from({ length: GENERATIONS_PER_MINUTE }, (_, index) => `Brand ${GENERATIONS_PER_MINUTE - index}`);
    expect(await page.locator(".history-card h2").allTextContents()).toEqual(newestFirst.slice(0, 12));
    await page.getByRole("button", { name: "Load more" }).click();
    await page.getByText("That's everything").waitFor();
    expect(await page.locator(".history-card h2").allTextContents()).toEqual(newestFirst);
    await context.close();
  });
});
