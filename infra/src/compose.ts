import { parse } from "yaml";

export interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string };
  ports?: string[];
  environment?: Record<string, string> | string[];
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: string | string[] };
  [key: string]: unknown;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
}

export const parseCompose = (text: string): ComposeFile => parse(text) as ComposeFile;

/** A service's environment as name -> raw value, whichever of the two compose spellings is used. */
export function environmentOf(service: ComposeService | undefined): Record<string, string> {
  const environment = service?.environment ?? {};
  if (!Array.isArray(environment)) return Object.fromEntries(Object.entries(environment).map(([name, value]) => [name, String(value ?? "")]));
  return Object.fromEntries(
    environment.map((entry) => {
      const index = entry.indexOf("=");
      return index < 0 ? [entry, ""] : [entry.slice(0, index), entry.slice(index + 1)];
    }),
  );
}

/** Variables interpolated from the shell or `.env` (`${NAME}`, `${NAME:-default}`, `${NAME:?error}`). */
export function interpolatedNames(text: string): string[] {
  return [...new Set([...text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]!))];
}

const healthText = (service: ComposeService | undefined): string => [service?.healthcheck?.test ?? []].flat().join(" ");

/** The compose stack: three services, ports, health checks, start order, and the JWT and model rules. */
export function composeProblems(compose: ComposeFile): string[] {
  const problems: string[] = [];
  const { web, agent, dynamodb } = compose.services ?? {};
  if (!web || !agent || !dynamodb) return [`services web, agent and dynamodb are required, got ${Object.keys(compose.services ?? {}).join(", ")}`];

  if (!web.ports?.includes("3000:3000")) problems.push("web must publish 3000:3000");
  if (!agent.ports?.includes("8000:8000")) problems.push("agent must publish 8000:8000");
  if (!/dynamodb-local/.test(dynamodb.image ?? "")) problems.push("dynamodb must run amazon/dynamodb-local");
  if (agent.build?.dockerfile !== "apps/agent/Dockerfile" || agent.build?.context !== ".")
    problems.push("agent builds apps/agent/Dockerfile from the repository root");
  if (web.build?.dockerfile !== "apps/web/Dockerfile" || web.build?.context !== ".") problems.push("web builds apps/web/Dockerfile from the repository root");

  for (const [name, service] of Object.entries({ web, agent, dynamodb })) {
    if (!healthText(service)) problems.push(`${name} has no healthcheck`);
  }
  if (!/127\.0\.0\.1:3000\/api\/health/.test(healthText(web))) problems.push("web's healthcheck must ask /api/health on 3000");
  if (!/127\.0\.0\.1:8000\/health/.test(healthText(agent))) problems.push("agent's healthcheck must ask /health on 8000");
  if (/\bcurl\b|\bwget\b/.test(healthText(web) + healthText(agent))) problems.push("the app images are slim: health checks use node, not curl or wget");

  const waitsFor = (service: ComposeService, dependency: string) =>
    !Array.isArray(service.depends_on) && service.depends_on?.[dependency]?.condition === "service_healthy";
  if (!waitsFor(agent, "dynamodb")) problems.push("agent must wait for dynamodb to be healthy");
  if (!waitsFor(web, "agent")) problems.push("web must wait for agent to be healthy");
  if (!waitsFor(web, "dynamodb")) problems.push("web must wait for dynamodb to be healthy");

  for (const [name, service] of Object.entries({ web, agent })) {
    const environment = environmentOf(service);
    if (!/^\$\{JWT_SECRET:\?[^}]+\}$/.test(environment.JWT_SECRET ?? ""))
      problems.push(`${name}: JWT_SECRET must be required (\${JWT_SECRET:?...}), never defaulted`);
    if (environment.DYNAMODB_ENDPOINT !== "http://dynamodb:8000") problems.push(`${name}: DYNAMODB_ENDPOINT must be http://dynamodb:8000`);
    if (environment.DYNAMODB_CREATE_TABLES !== "true") problems.push(`${name}: creates its tables (DYNAMODB_CREATE_TABLES=true)`);
    for (const [variable, value] of Object.entries(environment)) {
      const source = /^\$\{([A-Za-z_][A-Za-z0-9_]*)/.exec(value)?.[1];
      if (source && source !== variable) problems.push(`${name}: ${variable} is read from \${${source}}; one name per setting`);
    }
  }

  const agentEnvironment = environmentOf(agent);
  if (agentEnvironment.MODEL_PROVIDER !== "${MODEL_PROVIDER:-offline}") problems.push("agent: MODEL_PROVIDER defaults to offline so no AWS account is needed");
  for (const credential of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"]) {
    if (!new RegExp(`^\\$\\{${credential}(:-)?\\}$`).test(agentEnvironment[credential] ?? "")) problems.push(`agent: pass ${credential} through when set`);
  }
  if (environmentOf(web).AGENT_URL !== "http://agent:8000") problems.push("web: AGENT_URL must be http://agent:8000");
  return problems;
}
