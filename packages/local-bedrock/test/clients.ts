import { BedrockRuntimeClient, type BedrockRuntimeClientConfig, type ConverseStreamCommandInput } from "@aws-sdk/client-bedrock-runtime";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { Agent, BedrockModel } from "@strands-agents/sdk";
import { formatBriefSlots } from "@strategist/composer";
import { StrategyOutput, type StrategyInput } from "@strategist/schemas";

/** A model id with the characters that must be percent-encoded in the path (':' and '.'). */
export const MODEL_ID = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

export const BRIEF: StrategyInput = {
  brand_name: "Northwind Roasters",
  industry: "Specialty coffee",
  target_audience: "Remote workers aged 25-40 who care about ethically sourced beans",
  goals: "Grow online subscriptions by 20% and build a loyal community",
};

/** The user message the agent sends: the brief in delimited slots. */
export const BRIEF_PROMPT = formatBriefSlots(BRIEF);

/** Config for the real AWS client against the local Bedrock; HTTP/2 unless `http1` asks for NodeHttpHandler. */
export function clientConfig(endpoint: string, { maxAttempts = 1, http1 = false } = {}): BedrockRuntimeClientConfig {
  return {
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts,
    ...(http1 ? { requestHandler: new NodeHttpHandler() } : {}),
  };
}

export function bedrockClient(endpoint: string, options?: { maxAttempts?: number; http1?: boolean }): BedrockRuntimeClient {
  return new BedrockRuntimeClient(clientConfig(endpoint, options));
}

/** A ConverseStream/Converse input offering the structured-output tool, as Strands would. */
export function strategyRequest(modelId = MODEL_ID): ConverseStreamCommandInput {
  return {
    modelId,
    system: [{ text: "You are a social media strategist." }, { cachePoint: { type: "default" } }],
    messages: [{ role: "user", content: [{ text: BRIEF_PROMPT }] }],
    toolConfig: { tools: [{ toolSpec: { name: "strands_structured_output", inputSchema: { json: { type: "object" } } } }] },
    inferenceConfig: { maxTokens: 4000 },
  };
}

/** The real Strands agent on the real BedrockModel, with the agent's own retries off so counts stay exact. */
export function strategyAgent(endpoint: string, { modelId = MODEL_ID, http1 = false, stream = true } = {}): Agent {
  const model = new BedrockModel({
    modelId,
    region: "us-east-1",
    maxTokens: 4000,
    stream,
    clientConfig: clientConfig(endpoint, { http1 }),
  });
  return new Agent({
    model,
    printer: false,
    structuredOutputSchema: StrategyOutput,
    systemPrompt: "You are a social media strategist.",
    retryStrategy: null,
  });
}
