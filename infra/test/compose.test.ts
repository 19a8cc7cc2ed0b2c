import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { composeProblems, environmentOf, parseCompose, type ComposeFile } from "../src/compose";
import { withEdit } from "../src/mutation";
import { REPO_ROOT } from "../src/paths";

const run = promisify(execFile);
const text = readFileSync(join(REPO_ROOT, "docker-compose.yml"), "utf8");
const DUMMY_SECRET = "compose-check-dummy-secret-0123456789abcdef";

/** docker-compose v1 reads `.env` from the project folder: point it at an empty file so a developer's .env cannot change the result. */
const emptyEnvFile = join(mkdtempSync(join(tmpdir(), "compose-check-")), "empty.env");
writeFileSync(emptyEnvFile, "");

async function composeConfig(env: Record<string, string>, file = join(REPO_ROOT, "docker-compose.yml")) {
  const { JWT_SECRET: _ignored, ...inherited } = process.env;
  return run("docker-compose", ["--env-file", emptyEnvFile, "--project-directory", REPO_ROOT, "-f", file, "config"], {
    cwd: REPO_ROOT,
    env: { ...inherited, ...env },
  }).then(
    ({ stdout }) => ({ code: 0, stdout, stderr: "" }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? 1, stdout: error.stdout ?? "", stderr: error.stderr ?? "" }),
  );
}

// Each case starts docker-compose (a Python program, ~0.7 s here); leave room on a busy machine.
describe("docker-compose.yml, as docker-compose reads it", { timeout: 30_000 }, () => {
  beforeAll(async () => {
    try {
      await run("sh", [join(REPO_ROOT, "infra/scripts/ensure-tools.sh")], { timeout: 280_000 });
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? String(error);
      throw new Error(`docker-compose is required for these checks and could not be installed:\n${stderr}`);
    }
  }, 300_000);

  it("is valid with a JWT_SECRET (docker-compose config -q exits 0)", async () => {
    const result = await run("docker-compose", ["--env-file", emptyEnvFile, "-f", "docker-compose.yml", "config", "-q"], {
      cwd: REPO_ROOT,
      env: { ...process.env, JWT_SECRET: DUMMY_SECRET },
    });
    expect(result.stderr).toBe("");
  });

  it("refuses to start without JWT_SECRET, naming it", async () => {
    const result = await composeConfig({});
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/JWT_SECRET/);
  });

  it("with no .env runs offline: the secret reaches both apps and MODEL_PROVIDER resolves to offline", async () => {
    const result = await composeConfig({ JWT_SECRET: DUMMY_SECRET });
    expect(result.code).toBe(0);
    const resolved = parse(result.stdout) as ComposeFile;
    expect(environmentOf(resolved.services.agent).JWT_SECRET).toBe(DUMMY_SECRET);
    expect(environmentOf(resolved.services.web).JWT_SECRET).toBe(DUMMY_SECRET);
    expect(environmentOf(resolved.services.agent).MODEL_PROVIDER).toBe("offline");
  });

  it("switches to Bedrock and passes AWS credentials through when they are set", async () => {
    const result = await composeConfig({
      JWT_SECRET: DUMMY_SECRET,
      MODEL_PROVIDER: "bedrock",
      AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
      AWS_SECRET_ACCESS_KEY: "example-secret",
      AWS_SESSION_TOKEN: "example-token",
    });
    const agent = environmentOf((parse(result.stdout) as ComposeFile).services.agent);
    expect(agent).toMatchObject({
      MODEL_PROVIDER: "bedrock",
      AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
      AWS_SECRET_ACCESS_KEY: "example-secret",
      AWS_SESSION_TOKEN: "example-token",
    });
  });

  it("leaves OTEL_EXPORTER_OTLP_ENDPOINT empty unless it is set, for both apps", async () => {
    const off = parse((await composeConfig({ JWT_SECRET: DUMMY_SECRET })).stdout) as ComposeFile;
    expect(environmentOf(off.services.agent).OTEL_EXPORTER_OTLP_ENDPOINT).toBe("");
    expect(environmentOf(off.services.web).OTEL_EXPORTER_OTLP_ENDPOINT).toBe("");
    const on = parse((await composeConfig({ JWT_SECRET: DUMMY_SECRET, OTEL_EXPORTER_OTLP_ENDPOINT: "http://jaeger:4318" })).stdout) as ComposeFile;
    expect(environmentOf(on.services.agent).OTEL_EXPORTER_OTLP_ENDPOINT).toBe("http://jaeger:4318");
    expect(environmentOf(on.services.web).OTEL_EXPORTER_OTLP_ENDPOINT).toBe("http://jaeger:4318");
  });

  it("keeps Prometheus, Grafana and Jaeger in the observability profile after interpolation, and the apps in none", async () => {
    // docker-compose v1 lists every service in `config` whatever the profile; the resolved profiles are what decide.
    const resolved = parse((await composeConfig({ JWT_SECRET: DUMMY_SECRET })).stdout) as ComposeFile;
    const profiles = Object.fromEntries(Object.entries(resolved.services).map(([name, service]) => [name, service.profiles ?? []]));
    expect(profiles).toEqual({
      dynamodb: [],
      s3: [],
      agent: [],
      web: [],
      prometheus: ["observability"],
      grafana: ["observability"],
      jaeger: ["observability"],
    });
  });

  it("rejects a broken file (the validation is real)", async () => {
    const broken = join(mkdtempSync(join(tmpdir(), "compose-broken-")), "docker-compose.yml");
    writeFileSync(broken, withEdit({ f: text }, "f", "condition: service_healthy\n      agent:", "condition: service_sleepy\n      agent:").f!);
    const result = await composeConfig({ JWT_SECRET: DUMMY_SECRET }, broken);
    expect(result.code).not.toBe(0);
  });
});

describe("docker-compose.yml, as written", () => {
  const compose = parseCompose(text);
  const problemsAfter = (from: string | RegExp, to: string) => composeProblems(parseCompose(withEdit({ f: text }, "f", from, to).f!));

  it("has web (3000), agent (8000) and DynamoDB Local with health checks, healthy-first start order, required JWT_SECRET", () => {
    expect(composeProblems(compose)).toEqual([]);
  });

  it("reports a defaulted JWT_SECRET, a start order that ignores health, a missing health check, a remapped port", () => {
    expect(problemsAfter(/(?<=web:[\s\S]*)JWT_SECRET: \$\{JWT_SECRET:\?[^}]+\}/, "JWT_SECRET: ${JWT_SECRET:-dev-secret-dev-secret-dev-secret-1234}")).toContain(
      "web: JWT_SECRET must be required (${JWT_SECRET:?...}), never defaulted",
    );
    expect(problemsAfter(/agent:\n        condition: service_healthy/, "agent:\n        condition: service_started")).toContain(
      "web must wait for agent to be healthy",
    );
    expect(problemsAfter("healthcheck:\n      # Any HTTP answer", "x-healthcheck-disabled:\n      # Any HTTP answer")).toContain("dynamodb has no healthcheck");
    expect(problemsAfter('"8000:8000"', '"8080:8000"')).toContain("agent must publish 8000:8000");
    expect(problemsAfter("MODEL_PROVIDER: ${MODEL_PROVIDER:-offline}", "MODEL_PROVIDER: ${MODEL_PROVIDER:-bedrock}")).toContain(
      "agent: MODEL_PROVIDER defaults to offline so no AWS account is needed",
    );
  });
});
