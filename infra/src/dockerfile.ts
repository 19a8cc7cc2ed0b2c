export interface Instruction {
  keyword: string;
  args: string;
}

export interface Stage {
  from: string;
  name?: string;
  instructions: Instruction[];
}

/** Stages of a Dockerfile with continuation lines joined and comments dropped; `FROM ${ARG}` resolved from global ARG defaults. */
export function parseDockerfile(text: string): Stage[] {
  const lines = text
    .replace(/\\\r?\n/g, " ")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, keyword = "", args = ""] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const upper = keyword.toUpperCase();
    if (upper === "FROM") {
      const [image = "", , name] = args.split(/\s+/);
      const from = image.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, arg: string) => globalArgs[arg] ?? `\${${arg}}`);
      stages.push({ from, name, instructions: [] });
    } else if (stages.length === 0 && upper === "ARG") {
      const [arg, value = ""] = args.split("=");
      globalArgs[arg!.trim()] = value.trim();
    } else {
      stages.at(-1)?.instructions.push({ keyword: upper, args: args.replace(/\s+/g, " ") });
    }
  }
  return stages;
}

/** An exec-form argument list re-serialised for comparison; undefined for the shell form. */
function execForm(args: string | undefined): string | undefined {
  try {
    const parsed: unknown = JSON.parse(args ?? "");
    return Array.isArray(parsed) ? JSON.stringify(parsed) : undefined;
  } catch {
    return undefined;
  }
}

export interface ImageExpectations {
  port: number;
  healthPath: string;
  command: string[];
  /** How the final stage gets production-only dependencies. */
  dependencies: "pnpm-deploy" | "next-standalone";
}

/** The production image rules: node:22-slim, not root, a node-based health check, no dev dependencies. */
export function dockerfileProblems(text: string, expected: ImageExpectations): string[] {
  const problems: string[] = [];
  const stages = parseDockerfile(text);
  const final = stages.at(-1);
  if (!final || stages.length < 2) return ["a multi-stage build is required"];
  const all = (keyword: string) => final.instructions.filter((instruction) => instruction.keyword === keyword).map((instruction) => instruction.args);

  if (final.from !== "node:22-slim") problems.push(`the runtime stage must be node:22-slim, got ${final.from}`);
  const user = all("USER").at(-1);
  if (!user || /^(root|0)(:|$)/.test(user)) problems.push("the runtime stage must switch to a non-root USER");
  const health = all("HEALTHCHECK").join(" ");
  if (!health) problems.push("HEALTHCHECK is missing");
  else {
    if (!/"node"/.test(health) || /\bcurl\b|\bwget\b/.test(health)) problems.push("HEALTHCHECK must use node (the slim image has no curl)");
    if (!health.includes(`${expected.port}`) || !health.includes(`/${expected.healthPath.replace(/^\//, "")}'`))
      problems.push(`HEALTHCHECK must ask ${expected.healthPath} on ${expected.port}`);
  }
  if (!all("EXPOSE").includes(String(expected.port))) problems.push(`EXPOSE ${expected.port} is missing`);
  const command = all("CMD").at(-1);
  if (execForm(command) !== JSON.stringify(expected.command))
    problems.push(`CMD must be ${JSON.stringify(expected.command)} (exec form, so node gets SIGTERM), got ${command}`);

  // Tracing's context propagation costs a promise hook per promise without AsyncContextFrame (BENCHMARKS.md).
  if (!/NODE_OPTIONS=\S*--experimental-async-context-frame/.test(all("ENV").join(" ")))
    problems.push("the runtime stage must set NODE_OPTIONS=--experimental-async-context-frame");

  const runtimeRuns = all("RUN").join("\n");
  if (/\b(pnpm|npm|yarn) (install|i|add|ci)\b/.test(runtimeRuns)) problems.push("the runtime stage must not install packages (dev dependencies would follow)");
  if (all("COPY").some((args) => /^(--chown=\S+ )?\.\s/.test(args))) problems.push("the runtime stage must copy build output only, not the build context");

  const buildRuns = stages
    .slice(0, -1)
    .flatMap((stage) => stage.instructions.filter((instruction) => instruction.keyword === "RUN"))
    .map((instruction) => instruction.args)
    .join("\n");
  if (!/prune @strategist\/\w+ --docker/.test(buildRuns) && !/deploy/.test(buildRuns))
    problems.push("the build must work on a pruned workspace (turbo prune --docker or pnpm deploy)");
  if (expected.dependencies === "pnpm-deploy") {
    if (!/deploy --prod/.test(buildRuns)) problems.push("production node_modules must come from pnpm deploy --prod");
    if (!all("COPY").some((args) => /\/deploy\/node_modules/.test(args))) problems.push("the runtime stage must copy the deployed (production) node_modules");
  } else if (!all("COPY").some((args) => /\.next\/standalone/.test(args))) {
    problems.push("the runtime stage must copy the Next.js standalone output");
  }
  return problems;
}

/** Paths that must never reach the build context: dependencies, build output, local data, secrets, VCS. */
export const REQUIRED_DOCKERIGNORE = ["node_modules", ".data", ".next", ".turbo", "dist", ".git", ".env", "coverage", "test-results"];

export function dockerignoreProblems(text: string): string[] {
  const entries = text.split("\n").map((line) =>
    line
      .trim()
      .replace(/^\*\*\//, "")
      .replace(/\/$/, ""),
  );
  return REQUIRED_DOCKERIGNORE.filter((entry) => !entries.includes(entry)).map((entry) => `.dockerignore must exclude ${entry}`);
}
