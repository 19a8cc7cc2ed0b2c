import { containerDefinitions, referencedName, resourcesOf, type Block, type TerraformConfig } from "../terraform";

function securityGroupsOf(service: Block | undefined): (string | undefined)[] {
  const groups = service?.network_configuration?.[0]?.security_groups ?? [];
  return (groups as unknown[]).map((group) => referencedName(group, "aws_security_group", "id"));
}

/**
 * The agent is reachable only from the web tasks: its security group admits traffic from the web
 * service's security group and from nothing else (no CIDR, no prefix list, no load balancer), and its
 * tasks have no public address.
 */
export function agentIsolationProblems(config: TerraformConfig): string[] {
  const problems: string[] = [];
  const services = config.resources.aws_ecs_service ?? {};
  const agent = services.agent;
  const web = services.web;
  if (!agent || !web) return ["aws_ecs_service.agent and aws_ecs_service.web must both exist"];

  const agentGroups = securityGroupsOf(agent);
  const webGroups = securityGroupsOf(web);
  if (agentGroups.length !== 1 || !agentGroups[0])
    return [`the agent service must use exactly one security group of this stack, got ${JSON.stringify(agent.network_configuration?.[0]?.security_groups)}`];
  if (webGroups.length !== 1 || !webGroups[0]) return ["the web service must use exactly one security group of this stack"];
  const agentGroup = agentGroups[0];
  const webGroup = webGroups[0];
  if (agentGroup === webGroup) problems.push("agent and web must not share a security group");

  if (agent.network_configuration?.[0]?.assign_public_ip !== false) problems.push("agent tasks must not get a public IP");
  if (agent.load_balancer) problems.push("the agent must not sit behind the public load balancer");
  if (config.resources.aws_security_group?.[agentGroup]?.ingress) problems.push(`aws_security_group.${agentGroup}: inline ingress rules are not allowed`);

  let fromWeb = 0;
  for (const [name, rule] of resourcesOf(config, "aws_vpc_security_group_ingress_rule")) {
    if (referencedName(rule.security_group_id, "aws_security_group", "id") !== agentGroup) continue;
    const source = referencedName(rule.referenced_security_group_id, "aws_security_group", "id");
    if (source !== webGroup || rule.cidr_ipv4 || rule.cidr_ipv6 || rule.prefix_list_id) {
      problems.push(`aws_vpc_security_group_ingress_rule.${name}: the agent admits only the web security group`);
    } else if (rule.from_port !== rule.to_port || rule.ip_protocol !== "tcp") {
      problems.push(`aws_vpc_security_group_ingress_rule.${name}: one TCP port (the agent's) only`);
    } else {
      fromWeb++;
    }
  }
  for (const [name, rule] of resourcesOf(config, "aws_security_group_rule")) {
    if (rule.type === "ingress" && referencedName(rule.security_group_id, "aws_security_group", "id") === agentGroup) {
      if (referencedName(rule.source_security_group_id, "aws_security_group", "id") !== webGroup || rule.cidr_blocks || rule.ipv6_cidr_blocks) {
        problems.push(`aws_security_group_rule.${name}: the agent admits only the web security group`);
      }
    }
  }
  if (fromWeb === 0) problems.push("no ingress rule lets the web tasks reach the agent");
  return problems;
}

/**
 * The agent reaches the internet over TCP 443 only: every egress rule of its security group is one TCP port, 443
 * (no other port, no all-protocols rule, no inline egress), and its task definition sets FETCH_PORTS=443 and never
 * FETCH_ALLOW_HOSTS, so the page fetcher asks for nothing the security group would drop and allows no local host.
 */
export function agentEgressProblems(config: TerraformConfig): string[] {
  const problems: string[] = [];
  const agentGroup = securityGroupsOf(config.resources.aws_ecs_service?.agent)[0];
  if (!agentGroup) return ["the agent service must use a security group of this stack"];
  if (config.resources.aws_security_group?.[agentGroup]?.egress) problems.push(`aws_security_group.${agentGroup}: inline egress rules are not allowed`);
  let https = 0;
  for (const [name, rule] of resourcesOf(config, "aws_vpc_security_group_egress_rule")) {
    if (referencedName(rule.security_group_id, "aws_security_group", "id") !== agentGroup) continue;
    if (rule.ip_protocol !== "tcp" || rule.from_port !== 443 || rule.to_port !== 443) {
      problems.push(`aws_vpc_security_group_egress_rule.${name}: the agent's egress is TCP 443 only`);
    } else {
      https++;
    }
  }
  for (const [name, rule] of resourcesOf(config, "aws_security_group_rule")) {
    if (rule.type === "egress" && referencedName(rule.security_group_id, "aws_security_group", "id") === agentGroup) {
      if (rule.protocol !== "tcp" || rule.from_port !== 443 || rule.to_port !== 443)
        problems.push(`aws_security_group_rule.${name}: the agent's egress is TCP 443 only`);
    }
  }
  if (https === 0) problems.push("no egress rule lets the agent reach HTTPS (AWS APIs and the pages it reads)");
  for (const [taskDefinition] of resourcesOf(config, "aws_ecs_task_definition")) {
    for (const container of containerDefinitions(config, taskDefinition)) {
      const environment = container.environment ?? [];
      if (environment.some((variable) => variable.name === "FETCH_ALLOW_HOSTS")) {
        problems.push(`${taskDefinition}/${container.name}: FETCH_ALLOW_HOSTS must not be set in a deployed task definition`);
      }
      // The agent's own container fetches pages; its sidecars (the telemetry collector) fetch nothing.
      if (taskDefinition !== "agent" || container.name !== "agent") continue;
      const ports = environment.find((variable) => variable.name === "FETCH_PORTS")?.value;
      if (ports !== "443")
        problems.push(
          `${taskDefinition}/${container.name}: FETCH_PORTS must be "443", the one port the agent's security group opens; got ${JSON.stringify(ports)}`,
        );
    }
  }
  return problems;
}
