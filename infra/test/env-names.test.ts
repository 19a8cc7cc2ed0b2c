import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { agentEnvSchema } from "../../apps/agent/src/core/config";
import { webEnvSchema } from "../../apps/web/src/server/config";
import { parseCompose } from "../src/compose";
import { envNameProblems, type EnvNameSources } from "../src/env-names";
import { withEdit } from "../src/mutation";
import { REPO_ROOT } from "../src/paths";
import { parseTerraform, readTerraformSources } from "../src/terraform";

const read = (path: string) => readFileSync(join(REPO_ROOT, path), "utf8");
const terraformSources = readTerraformSources();
let sources: EnvNameSources;

beforeAll(async () => {
  const composeText = read("docker-compose.yml");
  sources = {
    agentKeys: Object.keys(agentEnvSchema.shape),
    webKeys: Object.keys(webEnvSchema.shape),
    dotenvExample: read(".env.example"),
    composeText,
    compose: parseCompose(composeText),
    terraform: await parseTerraform(terraformSources),
  };
});

describe("environment variable names", () => {
  it("agree across the config schemas, .env.example, docker-compose.yml and the ECS task definitions", () => {
    expect(envNameProblems(sources)).toEqual([]);
  });

  it("are each explained in docs/operations.md", () => {
    const guide = read("docs/operations.md");
    const undocumented = [...new Set([...sources.agentKeys, ...sources.webKeys])].filter((name) => !guide.includes(`| \`${name}\` |`));
    expect(undocumented).toEqual([]);
  });

  it("report a name .env.example invents, or a schema key it leaves undocumented", () => {
    expect(envNameProblems({ ...sources, dotenvExample: `${sources.dotenvExample}\n# An old name\nDYNAMODB_TABLE_NAME=users-dev\n` })).toEqual([
      ".env.example: DYNAMODB_TABLE_NAME is not a key of agentEnvSchema or webEnvSchema",
    ]);
    expect(envNameProblems({ ...sources, agentKeys: [...sources.agentKeys, "AGENT_MAX_TURNS"] })).toEqual(
      expect.arrayContaining([".env.example: AGENT_MAX_TURNS is a config key but is not documented"]),
    );
  });

  it("report a compose variable the app does not read, and a Terraform variable the app does not read", async () => {
    const composeText = withEdit(
      { f: sources.composeText },
      "f",
      "      AGENT_URL: http://agent:8000\n",
      "      AGENT_URL: http://agent:8000\n      PYTHON_SERVICE_URL: http://agent:8000\n",
    ).f!;
    expect(envNameProblems({ ...sources, composeText, compose: parseCompose(composeText) })).toEqual([
      "docker-compose web: PYTHON_SERVICE_URL is not a key of webEnvSchema",
    ]);

    const terraform = await parseTerraform(
      withEdit(terraformSources, "containers.tf", '{ name = "LOG_LEVEL", value = var.log_level },', '{ name = "LOGLEVEL", value = var.log_level },'),
    );
    expect(envNameProblems({ ...sources, terraform })).toEqual([
      "terraform agent: LOGLEVEL is not a key of agentEnvSchema",
      "terraform agent: LOG_LEVEL is a config key the task definition does not set",
    ]);
  });
});
