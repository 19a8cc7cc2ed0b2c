// Type-aware lint of every TypeScript package: `pnpm lint` (run by `pnpm test:all`). Each file is checked
// against its own package's tsconfig (the project service). Every rule turned off or eased says why.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/dist/**",
      "**/.data/**",
      "**/next-env.d.ts",
      "packages/api-client/src/schema.ts",
      "**/*.mjs",
      "**/*.js",
      "**/*.cjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // The issue 13 list: no floating or misused promises, no unused code, exhaustive switches.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      // Fastify plugins and Next route handlers are async by contract, with or without an await inside.
      "@typescript-eslint/require-await": "off",
      // Fastify decorators (`app.authenticate`) are plain functions passed as hooks; the rule cannot tell.
      "@typescript-eslint/unbound-method": "off",
      // An AbortSignal's reason is `any` by the DOM types; rejecting with it keeps the caller's own error.
      "@typescript-eslint/prefer-promise-reject-errors": ["error", { allowThrowingAny: true }],
      // A `/// <reference path>` is how a package pulls in its own ambient declarations for an untyped module.
      "@typescript-eslint/triple-slash-reference": ["error", { path: "always" }],
    },
  },
  {
    files: ["**/test/**", "bench/**", "infra/src/**"],
    rules: {
      // Tests and benchmarks read raw JSON bodies on purpose (`response.json()` is `any`) to check them; the
      // infra checks read Terraform parsed to JSON, whose shape they check themselves.
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-explicit-any": "off",
      // `(await response.json()) as Record` names what a test reads; inferring the generic instead says less.
      "@typescript-eslint/no-unnecessary-type-assertion": "off",
      // Expected Terraform and compose text is aligned with spaces; the regexes say it the same way.
      "no-regex-spaces": "off",
    },
  },
);
