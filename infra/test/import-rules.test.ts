import { execFile } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../src/paths";

const run = promisify(execFile);
const CLI = join(REPO_ROOT, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");
const CONFIG = join(REPO_ROOT, ".dependency-cruiser.cjs");
const { TIERS } = createRequire(import.meta.url)(join(REPO_ROOT, "tooling", "depcruise", "packages.cjs")) as { TIERS: string[][] };

const scratchRoots: string[] = [];
afterAll(() => {
  for (const root of scratchRoots) rmSync(root, { recursive: true, force: true });
});

/**
 * A scratch workspace laid out like the repo: copies of the real schemas and composer packages (linked under
 * node_modules/@strategist like pnpm links them) and a two-layer agent app (core below main). `edit` then changes it.
 */
function scratchWorkspace(edit: (root: string) => void = () => {}): string {
  const root = mkdtempSync(join(tmpdir(), "import-rules-"));
  scratchRoots.push(root);
  for (const name of ["schemas", "composer"]) {
    cpSync(join(REPO_ROOT, "packages", name, "src"), join(root, "packages", name, "src"), { recursive: true });
    cpSync(join(REPO_ROOT, "packages", name, "package.json"), join(root, "packages", name, "package.json"));
    mkdirSync(join(root, "node_modules", "@strategist"), { recursive: true });
    symlinkSync(join(root, "packages", name), join(root, "node_modules", "@strategist", name), "dir");
  }
  mkdirSync(join(root, "apps", "agent", "src", "core"), { recursive: true });
  mkdirSync(join(root, "apps", "agent", "src", "main"), { recursive: true });
  writeFileSync(join(root, "apps", "agent", "src", "core", "version.ts"), 'export const version = "1";\n');
  writeFileSync(
    join(root, "apps", "agent", "src", "main", "app.ts"),
    'import { version } from "../core/version";\nexport const appName = `agent ${version}`;\n',
  );
  edit(root);
  return root;
}

/** The names of the rules the repo's own config reports on a workspace (none: it passes). */
async function brokenRules(root: string): Promise<string[]> {
  const args = [CLI, "--config", CONFIG, "--output-type", "json", "apps/agent/src", "packages/schemas/src", "packages/composer/src"];
  const { stdout } = await run(process.execPath, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 }).catch((error: { stdout?: string }) => ({
    stdout: error.stdout ?? "",
  }));
  const result = JSON.parse(stdout) as { summary: { violations: { rule: { name: string } }[]; totalCruised: number } };
  expect(result.summary.totalCruised).toBeGreaterThan(10);
  return [...new Set(result.summary.violations.map((violation) => violation.rule.name))].sort();
}

describe("the import rules of pnpm lint", { timeout: 60_000 }, () => {
  it("pass on an unmodified copy of the packages", async () => {
    expect(await brokenRules(scratchWorkspace())).toEqual([]);
  });

  it("fail on an import cycle between two files", async () => {
    const root = scratchWorkspace((at) =>
      appendFileSync(join(at, "packages", "composer", "src", "classify.ts"), 'export type { RankedPlatform } from "./platforms";\n'),
    );
    expect(await brokenRules(root)).toEqual(["no-circular"]);
  });

  it("fail on a package that imports an app", async () => {
    const root = scratchWorkspace((at) =>
      appendFileSync(join(at, "packages", "composer", "src", "index.ts"), 'export { appName } from "../../../apps/agent/src/main/app";\n'),
    );
    expect(await brokenRules(root)).toEqual(["no-relative-import-into-another-package", "packages-not-to-apps"]);
  });

  it("fail on a lower package that imports a higher one by its name", async () => {
    const root = scratchWorkspace((at) =>
      appendFileSync(join(at, "packages", "schemas", "src", "index.ts"), 'export { classifyBrief } from "@strategist/composer";\n'),
    );
    expect(await brokenRules(root)).toEqual(["no-circular", "packages-import-lower-tiers-only", "schemas-imports-no-workspace-package"]);
  });

  it("fail on an agent layer that imports a higher one", async () => {
    const root = scratchWorkspace((at) => appendFileSync(join(at, "apps", "agent", "src", "core", "version.ts"), 'export { appName } from "../main/app";\n'));
    expect(await brokenRules(root)).toEqual(expect.arrayContaining(["agent-layer-core"]));
  });

  it("place every package in a tier", () => {
    const packages = readdirSync(join(REPO_ROOT, "packages"), { withFileTypes: true }).filter(
      (entry) => entry.isDirectory() && existsSync(join(REPO_ROOT, "packages", entry.name, "package.json")),
    );
    expect(TIERS.flat().sort()).toEqual(packages.map((entry) => entry.name).sort());
  });
});
