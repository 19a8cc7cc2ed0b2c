import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dockerfileProblems, dockerignoreProblems, type ImageExpectations } from "../src/dockerfile";
import { withEdit } from "../src/mutation";
import { REPO_ROOT } from "../src/paths";

const read = (path: string) => readFileSync(join(REPO_ROOT, path), "utf8");
const images: Record<string, { file: string; expected: ImageExpectations }> = {
  agent: { file: "apps/agent/Dockerfile", expected: { port: 8000, healthPath: "/health", command: ["node", "dist/server.js"], dependencies: "pnpm-deploy" } },
  web: {
    file: "apps/web/Dockerfile",
    expected: { port: 3000, healthPath: "/api/health", command: ["node", "apps/web/server.js"], dependencies: "next-standalone" },
  },
};

describe.each(Object.entries(images))("the %s image", (_, { file, expected }) => {
  const sources = { [file]: read(file) };
  const problemsAfter = (from: string | RegExp, to: string) => dockerfileProblems(withEdit(sources, file, from, to)[file]!, expected);

  it("is multi-stage on node:22-slim with AsyncContextFrame, runs as a non-root user, checks its health with node, carries no dev dependencies", () => {
    expect(dockerfileProblems(sources[file]!, expected)).toEqual([]);
  });

  it("reports a root user, another base image, a curl health check, a shell-form CMD, no AsyncContextFrame", () => {
    expect(problemsAfter(/^USER node$/m, "USER root")).toContain("the runtime stage must switch to a non-root USER");
    expect(problemsAfter("ARG NODE_IMAGE=node:22-slim", "ARG NODE_IMAGE=node:22")).toContain("the runtime stage must be node:22-slim, got node:22");
    expect(problemsAfter(/CMD \["node", "-e", .*\]$/m, `CMD curl -f http://127.0.0.1:${expected.port}${expected.healthPath}`)).toContain(
      "HEALTHCHECK must use node (the slim image has no curl)",
    );
    expect(problemsAfter(/^CMD \["node", "(dist|apps)[^\n]*$/m, "CMD node server.js").join()).toMatch(/CMD must be/);
    expect(problemsAfter(" NODE_OPTIONS=--experimental-async-context-frame \\\n", "")).toContain(
      "the runtime stage must set NODE_OPTIONS=--experimental-async-context-frame",
    );
  });

  it("reports dev dependencies installed into the runtime stage", () => {
    expect(problemsAfter(/^USER node$/m, "RUN npm install -g pnpm && pnpm install\nUSER node")).toContain(
      "the runtime stage must not install packages (dev dependencies would follow)",
    );
  });
});

describe("the agent image's dependencies", () => {
  const file = images.agent!.file;
  const sources = { [file]: read(file) };
  it("come from pnpm deploy --prod; a full workspace install would be reported", () => {
    expect(dockerfileProblems(withEdit(sources, file, "deploy --prod --legacy", "deploy --legacy")[file]!, images.agent!.expected)).toContain(
      "production node_modules must come from pnpm deploy --prod",
    );
  });
});

describe(".dockerignore", () => {
  const text = read(".dockerignore");
  it("keeps dependencies, build output, local data, .env and .git out of the build context", () => {
    expect(dockerignoreProblems(text)).toEqual([]);
  });

  it("reports a missing entry", () => {
    expect(dockerignoreProblems(withEdit({ f: text }, "f", /^\.env$/m, "").f!)).toEqual([".dockerignore must exclude .env"]);
  });
});
