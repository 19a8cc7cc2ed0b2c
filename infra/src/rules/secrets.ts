import { containerDefinitions, referencedName, resourcesOf, type TerraformConfig } from "../terraform";

/** The services that verify or mint tokens. */
const JWT_SERVICES = ["agent", "web"];

/**
 * JWT_SECRET reaches each container of the agent and web services as an ECS `secrets` entry read from Secrets Manager at task start:
 * never an environment value (visible in the task definition) and never a value in Terraform state.
 */
export function jwtSecretProblems(config: TerraformConfig): string[] {
  const problems: string[] = [];
  const taskDefinitions = resourcesOf(config, "aws_ecs_task_definition");
  if (taskDefinitions.length === 0) problems.push("no aws_ecs_task_definition found");

  for (const [taskDefinition] of taskDefinitions) {
    for (const container of containerDefinitions(config, taskDefinition)) {
      const label = `${taskDefinition}/${container.name}`;
      const environment = container.environment ?? [];
      if (environment.some((variable) => variable.name === "JWT_SECRET")) problems.push(`${label}: JWT_SECRET must not be an environment value`);
      if (environment.some((variable) => /secret_string|random_password/.test(JSON.stringify(variable.value)))) {
        problems.push(`${label}: an environment value reads a secret's plaintext`);
      }
      const jwt = (container.secrets ?? []).filter((secret) => secret.name === "JWT_SECRET");
      // The image worker and the telemetry sidecars verify no tokens: they get no secret at all, the least they can hold.
      if (jwt.length === 0 && (!JWT_SERVICES.includes(taskDefinition) || container.name !== taskDefinition)) continue;
      if (jwt.length !== 1) problems.push(`${label}: exactly one JWT_SECRET entry under secrets expected, found ${jwt.length}`);
      else if (!referencedName(jwt[0]!.valueFrom, "aws_secretsmanager_secret", "arn")) {
        problems.push(`${label}: JWT_SECRET must come from an aws_secretsmanager_secret ARN, got ${JSON.stringify(jwt[0]!.valueFrom)}`);
      }
    }
  }

  for (const [name, version] of resourcesOf(config, "aws_secretsmanager_secret_version")) {
    if (version.secret_string !== undefined) problems.push(`aws_secretsmanager_secret_version.${name}: the secret value would be stored in Terraform state`);
  }
  return problems;
}
