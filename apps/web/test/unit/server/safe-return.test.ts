import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/server/safe-return";

const SITE = "https://app.example.com";
const PAGES = [`${SITE}/login`, `${SITE}/signup?next=%2F`, `${SITE}/strategies/abc/`];

/** Pieces an attacker strings together: slashes in every spelling, control characters, schemes, hosts. */
const tricky = fc.constantFrom(
  "/",
  "//",
  "\\",
  "/\\",
  "%2F",
  "%2f",
  "%5C",
  "%5c",
  "%09",
  "%0A",
  "%0d",
  "%00",
  "%252F",
  "\t",
  "\n",
  "\r",
  "\u0000",
  "\u001f",
  "\u007f",
  " ",
  ".",
  "..",
  "./",
  "../",
  "@",
  ":",
  "?",
  "#",
  "evil.example",
  "evil.example:443",
  "user:pass@",
  "http:",
  "https:",
  "javascript:",
  "data:",
  "\u3002",
  "\uff0f",
  "\uff3c",
  "\u2215",
  "\u2044",
  "\u00a0",
  "\ufeff",
  "\u200b",
  "é",
  "strategies",
);
const candidate = fc.oneof(
  fc.array(tricky, { maxLength: 8 }).map((parts) => parts.join("")),
  fc.tuple(fc.constantFrom("/", "//", "/\\", "\\"), fc.string({ unit: "binary", maxLength: 20 })).map(([head, tail]) => head + tail),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.webUrl(),
);

/** Next hands the page the query value decoded once; an attacker may also count on a second decode. */
function decodings(raw: string): string[] {
  const forms = [raw];
  try {
    forms.push(decodeURIComponent(raw));
  } catch {
    // not valid percent-encoding: the raw form is what arrives
  }
  return forms;
}

describe("safeReturnPath", () => {
  it("every accepted path resolves to the site's own origin, wherever on the site the browser follows it", () => {
    fc.assert(
      fc.property(candidate, (raw) => {
        for (const input of decodings(raw)) {
          const accepted = safeReturnPath(input, "/fallback");
          for (const page of PAGES) expect(new URL(accepted, page).origin).toBe(SITE);
          // Followed again (the log-in page links the path on to sign-up), it is still accepted unchanged.
          expect(safeReturnPath(accepted, "/fallback")).toBe(accepted);
          expect(accepted.startsWith("/")).toBe(true);
          expect(/^\/[\\/]/.test(accepted)).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("local paths survive unchanged, query and fragment included", () => {
    fc.assert(
      fc.property(fc.webPath(), fc.webQueryParameters(), fc.webFragments(), (path, query, fragment) => {
        const local = `/strategies${path}?${query}#${fragment}`;
        const expected = new URL(local, SITE);
        expect(safeReturnPath(local)).toBe(expected.pathname + expected.search + expected.hash);
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["/\\evil.example"],
    ["\\/evil.example"],
    ["//evil.example"],
    ["/.//evil.example"],
    ["/\t\\evil.example"],
    ["https://evil.example/"],
    ["javascript:alert(1)"],
    [" /strategies"],
    [""],
  ])("sends %j to the fallback", (attack) => {
    expect(safeReturnPath(attack, "/fallback")).toBe("/fallback");
  });

  it("keeps an ordinary destination and falls back for a missing one", () => {
    expect(safeReturnPath("/strategies/abc?tab=plan#posts")).toBe("/strategies/abc?tab=plan#posts");
    expect(safeReturnPath(undefined)).toBe("/strategies");
    expect(safeReturnPath(null, "/strategies/new")).toBe("/strategies/new");
  });
});
