import { startLocalBedrock, type LocalBedrock } from "@strategist/local-bedrock";
import { startHarness, type Harness, type HarnessOptions } from "./harness";

export const CLAUDE = "us.anthropic.claude-sonnet-4-20250514-v1:0";
export const NOVA = "us.amazon.nova-pro-v1:0";
export const QWEN = "qwen.qwen3-32b-v1:0";

export interface BedrockHarness extends Harness {
  bedrock: LocalBedrock;
}

/**
 * The app with MODEL_PROVIDER=bedrock against a fresh local Bedrock: the real BedrockModel and AWS client.
 * Defaults: Claude only, 2 attempts with 10 ms backoff steps, a 2 s budget; `env` overrides any of them.
 */
export async function startBedrockHarness(
  options: { env?: Record<string, string>; chunks?: number } & Omit<HarnessOptions, "env" | "models"> = {},
): Promise<BedrockHarness> {
  const { env, chunks, ...rest } = options;
  const bedrock = await startLocalBedrock(chunks ? { chunks } : {});
  const harness = await startHarness({
    ...rest,
    env: {
      MODEL_PROVIDER: "bedrock",
      BEDROCK_ENDPOINT: bedrock.endpoint,
      BEDROCK_MODEL_ID: CLAUDE,
      BEDROCK_MODELS: CLAUDE,
      BEDROCK_MAX_ATTEMPTS: "2",
      BEDROCK_RETRY_BASE_MS: "10",
      AGENT_TIMEOUT_SECONDS: "2",
      ...env,
    },
  });
  return {
    ...harness,
    bedrock,
    close: async () => {
      await harness.close();
      await bedrock.close();
    },
  };
}
