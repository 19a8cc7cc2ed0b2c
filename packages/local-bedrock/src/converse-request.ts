/** The parts of a Converse / ConverseStream request body the local Bedrock reads. Anything else is kept as is. */
export interface ConverseRequestBody {
  messages?: { role?: string; content?: ContentBlock[] }[];
  system?: ContentBlock[];
  toolConfig?: {
    tools?: { toolSpec?: { name?: string } }[];
    toolChoice?: { tool?: { name?: string } } & Record<string, unknown>;
  };
  inferenceConfig?: { maxTokens?: number; temperature?: number };
  [field: string]: unknown;
}

type ContentBlock = { text?: string; cachePoint?: unknown } & Record<string, unknown>;

/** The name of the tool the answer must call: the forced one, else the first offered; undefined without tools. */
export function offeredToolName(body: ConverseRequestBody): string | undefined {
  const forced = body.toolConfig?.toolChoice?.tool?.name;
  if (forced) return forced;
  return body.toolConfig?.tools?.find((tool) => tool.toolSpec?.name)?.toolSpec?.name;
}

/** All text the user wrote, in order, across user messages. */
export function userText(body: ConverseRequestBody): string {
  return (body.messages ?? [])
    .filter((message) => message.role === "user")
    .flatMap((message) => message.content ?? [])
    .map((block) => block.text)
    .filter((text): text is string => typeof text === "string")
    .join("\n");
}

/** The system prompt text placed before a cache point, or undefined when the request marks no cache point. */
export function cachedSystemText(body: ConverseRequestBody): string | undefined {
  const system = body.system ?? [];
  const cachePoint = system.findIndex((block) => block.cachePoint !== undefined);
  if (cachePoint < 0) return undefined;
  return system
    .slice(0, cachePoint)
    .map((block) => block.text ?? "")
    .join("\n");
}
