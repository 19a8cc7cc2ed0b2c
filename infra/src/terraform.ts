import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "@cdktf/hcl2json";
import { TERRAFORM_DIR } from "./paths";

/** One HCL block as @cdktf/hcl2json renders it: attributes are values, nested blocks are arrays. */
export type Block = Record<string, any>;

/** The parts of a Terraform configuration the checks read, merged across every `.tf` file. */
export interface TerraformConfig {
  resources: Record<string, Record<string, Block>>;
  data: Record<string, Record<string, Block>>;
  locals: Record<string, unknown>;
}

/** The `.tf` files of a directory by file name (the mocked-provider tests under tests/ are not part of the stack). */
export function readTerraformSources(dir: string = TERRAFORM_DIR): Record<string, string> {
  const sources: Record<string, string> = {};
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith(".tf"))
    .sort()) {
    sources[file] = readFileSync(join(dir, file), "utf8");
  }
  return sources;
}

function mergeBlocks(target: Record<string, Record<string, Block>>, source: Record<string, Record<string, Block[]>> | undefined, file: string): void {
  for (const [type, byName] of Object.entries(source ?? {})) {
    target[type] ??= {};
    for (const [name, blocks] of Object.entries(byName)) {
      if (target[type][name]) throw new Error(`${type}.${name} is declared twice (again in ${file})`);
      target[type][name] = blocks[0] as Block;
    }
  }
}

/** Parses HCL sources with HashiCorp's own parser (compiled to wasm) and merges them into one configuration. */
export async function parseTerraform(sources: Record<string, string>): Promise<TerraformConfig> {
  const config: TerraformConfig = { resources: {}, data: {}, locals: {} };
  for (const [file, text] of Object.entries(sources)) {
    const parsed = await parse(file, text);
    mergeBlocks(config.resources, parsed.resource, file);
    mergeBlocks(config.data, parsed.data, file);
    for (const locals of (parsed.locals ?? []) as Record<string, unknown>[]) {
      for (const [name, value] of Object.entries(locals)) {
        if (name in config.locals) throw new Error(`local.${name} is declared twice (again in ${file})`);
        config.locals[name] = value;
      }
    }
  }
  return config;
}

/** Names of the locals an expression refers to (`local.agent_container` -> `agent_container`). */
export function localReferences(value: unknown): string[] {
  return [...JSON.stringify(value ?? null).matchAll(/\blocal\.([A-Za-z_][A-Za-z0-9_-]*)/g)].map((match) => match[1]!);
}

/**
 * The text of an expression together with the text of every local it refers to, recursively: what a
 * check must search when it asks "could this evaluate to a wildcard?".
 */
export function expandedText(value: unknown, locals: Record<string, unknown>, seen = new Set<string>()): string {
  let text = JSON.stringify(value ?? null);
  for (const name of localReferences(value)) {
    if (seen.has(name)) continue;
    seen.add(name);
    text += `\n${expandedText(locals[name], locals, seen)}`;
  }
  return text;
}

/** The resource name in a `${<type>.<name>.<attribute>}` reference, or undefined when the value is anything else. */
export function referencedName(value: unknown, type: string, attribute: string): string | undefined {
  if (typeof value !== "string") return undefined;
  const match = new RegExp(`^\\$\\{${type.replace(/\./g, "\\.")}\\.([A-Za-z0-9_-]+)(?:\\[[^\\]]+\\])?\\.${attribute}\\}$`).exec(value);
  return match?.[1];
}

/** Blocks of one resource type as [name, block] pairs. */
export function resourcesOf(config: TerraformConfig, type: string): [string, Block][] {
  return Object.entries(config.resources[type] ?? {});
}

/** One container of an ECS task definition, as written in the `locals` it is built from. */
export interface ContainerDefinition {
  name?: string;
  image?: string;
  environment?: { name: string; value: unknown }[];
  secrets?: { name: string; valueFrom: unknown }[];
  [key: string]: unknown;
}

/**
 * The containers of a task definition. The stack writes `container_definitions = jsonencode([local.x])`
 * so that the containers stay inspectable HCL; anything else is reported as unreadable.
 */
export function containerDefinitions(config: TerraformConfig, taskDefinition: string): ContainerDefinition[] {
  const block = config.resources.aws_ecs_task_definition?.[taskDefinition];
  if (!block) throw new Error(`aws_ecs_task_definition.${taskDefinition} is missing`);
  const expression = String(block.container_definitions ?? "");
  const match = /^\$\{jsonencode\(\[\s*((?:local\.[A-Za-z0-9_]+\s*,?\s*)+)\]\)\}$/.exec(expression);
  if (!match) throw new Error(`aws_ecs_task_definition.${taskDefinition}.container_definitions must be jsonencode([local.<container>]), got ${expression}`);
  return localReferences(match[1]).map((name) => {
    const container = config.locals[name];
    if (!container || typeof container !== "object") throw new Error(`local.${name} is not a container object`);
    return container as ContainerDefinition;
  });
}
