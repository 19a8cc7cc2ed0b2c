/**
 * The import rules of the whole repo, checked by `pnpm lint` (docs/architecture.md explains the layers). Each file in
 * tooling/depcruise/ holds the rules of one area; this file joins them and says how imports resolve.
 */
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const RULE_FILES = ["common.cjs", "packages.cjs", "agent.cjs", "web.cjs"];

const forbidden = RULE_FILES.map((file) => join(__dirname, "tooling", "depcruise", file))
  .filter((file) => existsSync(file))
  .flatMap((file) => require(file).forbidden);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden,
  options: {
    // Tests, generated output and installed packages are not part of the source graph.
    exclude: { path: "(^|/)(node_modules|\\.next|dist|test|tests|__tests__)/|\\.test\\.tsx?$" },
    doNotFollow: { path: "(^|/)node_modules/" },
    // `import type` is an arrow between files too.
    tsPreCompilationDeps: true,
    // The root compiler options plus the web's "@/..." alias for apps/web/src.
    tsConfig: { fileName: join(__dirname, "tooling", "depcruise", "tsconfig.json") },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".mts", ".js", ".mjs", ".cjs", ".json", ".d.ts"],
      mainFields: ["module", "main", "types", "typings"],
    },
    skipAnalysisNotInRules: true,
  },
};
