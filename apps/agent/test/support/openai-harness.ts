import { startLocalOpenAI, type LocalOpenAI } from "@strategist/local-openai";
import { startHarness, type Harness, type HarnessOptions } from "./harness";

export const LOCAL_MODEL = "local-model";
export const BACKUP_MODEL = "backup-model";

export interface OpenAIHarness extends Harness {
  openai: LocalOpenAI;
}

/**
 * The app with MODEL_PROVIDER=openai against a fresh local OpenAI-compatible server: the real `openai` client and
 * the Strands SDK's OpenAI provider. Defaults: two models, 2 attempts with 10 ms backoff steps, a 3 s budget.
 */
export async function startOpenAIHarness(options: { env?: Record<string, string> } & Omit<HarnessOptions, "env" | "models"> = {}): Promise<OpenAIHarness> {
  const { env, ...rest } = options;
  const openai = await startLocalOpenAI();
  const harness = await startHarness({
    ...rest,
    env: {
      MODEL_PROVIDER: "openai",
      OPENAI_BASE_URL: openai.baseURL,
      OPENAI_API_KEY: "test-key",
      OPENAI_MODELS: `${LOCAL_MODEL}=Local model,${BACKUP_MODEL}=Backup model`,
      BEDROCK_MAX_ATTEMPTS: "2",
      BEDROCK_RETRY_BASE_MS: "10",
      AGENT_TIMEOUT_SECONDS: "3",
      ...env,
    },
  });
  return {
    ...harness,
    openai,
    close: async () => {
      await harness.close();
      await openai.close();
    },
  };
}
