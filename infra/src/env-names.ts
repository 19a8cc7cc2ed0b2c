import { environmentOf, interpolatedNames, type ComposeFile } from "./compose";
import { containerDefinitions, type TerraformConfig } from "./terraform";

/** Read by the AWS SDK's credential chain, not by our config schemas; compose passes them through for Bedrock. */
export const AWS_SDK_CREDENTIAL_VARIABLES = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];
/**
 * Read by the OpenTelemetry SDK itself (packages/telemetry), not by our config schemas: the standard OTEL_*
 * names that the compose file and the task definitions set.
 */
export const OTEL_SDK_VARIABLES = ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL"];
/** Schema keys that only make sense on a developer machine, so the AWS task definitions leave them out. */
export const LOCAL_ONLY_VARIABLES = [
  "DATA_DIR",
  "BEDROCK_ENDPOINT",
  "DYNAMODB_ENDPOINT",
  "S3_ENDPOINT",
  "SQS_ENDPOINT",
  // The AWS deployment runs Bedrock; an OpenAI-compatible model is for local and self-hosted runs.
  "OPENAI_BASE_URL",
  "OPENAI_API_KEY",
  "OPENAI_MODELS",
  "OPENAI_FALLBACK_MODEL_IDS",
  // Lets the page fetcher reach local hosts: development and tests only (the egress check refuses it in a task definition).
  "FETCH_ALLOW_HOSTS",
];

/** Variable names in a dotenv file, including commented-out ones (`# NAME=`). */
export function dotenvNames(text: string): string[] {
  return text.split("\n").flatMap((line) => {
    const match = /^\s*#?\s*([A-Z][A-Z0-9_]*)=/.exec(line);
    return match ? [match[1]!] : [];
  });
}

/** Environment and secret names of the app's container in a task definition (sidecars have their own images and settings). */
export function taskDefinitionNames(config: TerraformConfig, taskDefinition: string): string[] {
  return containerDefinitions(config, taskDefinition)
    .filter((container) => container.name === taskDefinition)
    .flatMap((container) => [...(container.environment ?? []).map((variable) => variable.name), ...(container.secrets ?? []).map((secret) => secret.name)]);
}

export interface EnvNameSources {
  agentKeys: string[];
  webKeys: string[];
  dotenvExample: string;
  composeText: string;
  compose: ComposeFile;
  terraform: TerraformConfig;
}

const missingFrom = (names: string[], allowed: string[]) => names.filter((name) => !allowed.includes(name));

/**
 * One set of names everywhere: every variable set by compose, Terraform or .env.example is a key of the
 * app's config schema, and every schema key is documented in .env.example.
 */
export function envNameProblems(sources: EnvNameSources): string[] {
  const { agentKeys, webKeys } = sources;
  const problems: string[] = [];
  const report = (where: string, names: string[], what: string) => {
    for (const name of names) problems.push(`${where}: ${name} ${what}`);
  };

  const documented = dotenvNames(sources.dotenvExample);
  const duplicates = documented.filter((name, index) => documented.indexOf(name) !== index);
  report(".env.example", [...new Set(duplicates)], "appears twice");
  report(
    ".env.example",
    missingFrom(documented, [...agentKeys, ...webKeys, ...AWS_SDK_CREDENTIAL_VARIABLES, ...OTEL_SDK_VARIABLES]),
    "is not a key of agentEnvSchema or webEnvSchema",
  );
  report(".env.example", missingFrom([...agentKeys, ...webKeys], documented), "is a config key but is not documented");

  report(
    "docker-compose agent",
    missingFrom(Object.keys(environmentOf(sources.compose.services?.agent)), [...agentKeys, ...AWS_SDK_CREDENTIAL_VARIABLES, ...OTEL_SDK_VARIABLES]),
    "is not a key of agentEnvSchema",
  );
  report(
    "docker-compose web",
    missingFrom(Object.keys(environmentOf(sources.compose.services?.web)), [...webKeys, ...OTEL_SDK_VARIABLES]),
    "is not a key of webEnvSchema",
  );
  report("docker-compose", missingFrom(interpolatedNames(sources.composeText), documented), "is read from .env but missing from .env.example");

  const agentTask = taskDefinitionNames(sources.terraform, "agent");
  const webTask = taskDefinitionNames(sources.terraform, "web");
  report("terraform agent", missingFrom(agentTask, [...agentKeys, ...OTEL_SDK_VARIABLES]), "is not a key of agentEnvSchema");
  report("terraform web", missingFrom(webTask, [...webKeys, ...OTEL_SDK_VARIABLES]), "is not a key of webEnvSchema");
  report("terraform agent", missingFrom(missingFrom(agentKeys, LOCAL_ONLY_VARIABLES), agentTask), "is a config key the task definition does not set");
  report("terraform web", missingFrom(missingFrom(webKeys, LOCAL_ONLY_VARIABLES), webTask), "is a config key the task definition does not set");
  return problems;
}
